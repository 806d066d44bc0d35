package io.hatrack.planning.backlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import io.hatrack.planning.PlanningHat;
import java.util.List;
import java.util.Optional;

/**
 * Scoring and the ranked backlog put together: the store, the scoring and backlog services, their
 * API and pages, the scores section on work items' side panels, and the demo's scored backlog.
 */
public final class ScoredBacklog {
  private final PlanningHat.Kernel kernel;
  private final ScoringService scoring;
  private final BacklogService backlog;

  public ScoredBacklog(PlanningHat.Kernel k) {
    this.kernel = k;
    ScoreStore store = new ScoreStore();
    this.scoring =
        new ScoringService(
            k.db(),
            store,
            k.products(),
            k.items(),
            k.audit(),
            new ScoringService.Sources(
                k.discovery().feedback().service(),
                k.definition().fields(),
                k.discovery().surveys().responses()),
            k.clock());
    this.backlog =
        new BacklogService(
            k.db(), store, k.products(), scoring, k.definition().workItems(), k.collaboration());
  }

  /** Scoring models and items' scores; {@code scores(productId, modelId)} for other parts. */
  public ScoringService scoring() {
    return scoring;
  }

  public BacklogService backlog() {
    return backlog;
  }

  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    panels.register(
        access ->
            access.item().kind().equals("work_item")
                ? Optional.of("/items/" + access.id() + "/scores")
                : Optional.empty());
    return List.of(
        new ScoringApi(scoring, json),
        new BacklogApi(backlog),
        new BacklogRoutes(scoring, backlog, kernel.products(), html, json));
  }

  public DemoSeed demo() {
    return new BacklogDemo(scoring, kernel.items());
  }
}
