package io.hatrack.delivery.ceremonies;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import io.hatrack.planning.teams.TeamService;
import java.util.List;

/**
 * Stand-ups, sprint reviews and retrospectives of a team, keyed on the team and a day (not on a
 * sprint, so that they stand on their own).
 */
public final class Ceremonies {
  private final DeliveryHat.Kernel kernel;
  private final StandupService standups;
  private final ReviewService reviews;
  private final RetroService retros;

  public Ceremonies(DeliveryHat.Kernel kernel) {
    this.kernel = kernel;
    TeamService teams = kernel.planning().releasePlanning().teams();
    this.standups =
        new StandupService(
            kernel.db(),
            new StandupStore(),
            kernel.workspaces(),
            teams,
            kernel.audit(),
            kernel.clock());
    this.reviews =
        new ReviewService(
            kernel.db(),
            new ReviewStore(),
            kernel.workspaces(),
            kernel.products(),
            kernel.items(),
            kernel.collaboration().links(),
            teams,
            kernel.discovery().feedback().service(),
            kernel.audit(),
            kernel.clock());
    this.retros =
        new RetroService(
            kernel.db(),
            new RetroStore(),
            kernel.workspaces(),
            teams,
            kernel.audit(),
            kernel.clock());
  }

  DeliveryHat.Kernel kernel() {
    return kernel;
  }

  /** Stand-ups: each member's entry per day, open blockers, the summary for a day. */
  public StandupService standups() {
    return standups;
  }

  /** Sprint reviews: demoed items, stakeholders, their feedback as feedback items. */
  public ReviewService reviews() {
    return reviews;
  }

  /** Retrospectives: boards, cards, groups, dot votes and action items. */
  public RetroService retros() {
    return retros;
  }

  /** The part's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    return List.of(
        new StandupApi(standups, json),
        new ReviewApi(reviews, json),
        new RetroApi(retros, json),
        new StandupRoutes(standups, html),
        new ReviewRoutes(reviews, kernel.workspaces(), html),
        new RetroRoutes(retros, kernel.workspaces(), html));
  }

  /** The part's share of the demo story. */
  public List<DemoSeed> demo() {
    return List.of(new CeremoniesDemo(standups, reviews, retros, kernel.definition().workItems()));
  }
}
