package io.hatrack.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.DefinitionHat;
import io.hatrack.discovery.DiscoveryHat;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.backlog.ScoredBacklog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The planning and roadmap hats put together: scoring models and the ranked backlog, teams with
 * their capacity, release plans solved under that capacity, roadmaps, and ROI models. {@code App}
 * constructs one after the definition and discovery hats, whose work items and evidence it plans.
 */
public final class PlanningHat {

  /** What the hat takes from the kernel and the hats it builds on. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      AuditLog audit,
      Jobs jobs,
      DefinitionHat definition,
      DiscoveryHat discovery,
      Clock clock) {}

  private final Kernel kernel;
  private final ScoredBacklog backlog;

  public PlanningHat(Kernel kernel) {
    this.kernel = kernel;
    this.backlog = new ScoredBacklog(kernel);
  }

  /** Scoring models, items' scores and the ranked backlog. */
  public ScoredBacklog backlog() {
    return backlog;
  }

  /** The hat's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    routes.addAll(backlog.routes(html, panels, json));
    return routes;
  }

  /** The hat's part of the demo story, told after the definition and discovery hats'. */
  public List<DemoSeed> demo() {
    List<DemoSeed> seeds = new ArrayList<>();
    seeds.add(backlog.demo());
    return seeds;
  }
}
