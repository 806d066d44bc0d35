package io.hatrack.delivery.sprints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import java.util.List;

/**
 * Sprints per team: planning, commitment, scope changes, closing with carry-over, burndown, burnup
 * and velocity. Wiring it registers a listener on work items' state changes, so that the hat knows
 * when work was finished.
 */
public final class Sprints {
  private final DeliveryHat.Kernel kernel;
  private final SprintService service;
  private final SprintReports reports;

  public Sprints(DeliveryHat.Kernel kernel) {
    this.kernel = kernel;
    SprintStore store = new SprintStore();
    this.service =
        new SprintService(
            kernel.db(),
            store,
            kernel.workspaces(),
            kernel.items(),
            kernel.planning().releasePlanning().teams(),
            kernel.audit(),
            kernel.clock());
    this.reports =
        new SprintReports(kernel.db(), store, service, kernel.products(), kernel.items());
    kernel.definition().workItems().onStateChange(service::moved);
  }

  DeliveryHat.Kernel kernel() {
    return kernel;
  }

  public SprintService service() {
    return service;
  }

  public SprintReports reports() {
    return reports;
  }

  /** The part's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    return List.of(
        new SprintsApi(service, reports, json),
        new SprintRoutes(
            service, reports, kernel.definition().workItems(), kernel.products(), html));
  }

  /** The part's share of the demo story. */
  public List<DemoSeed> demo() {
    return List.of(new SprintsDemo(service, kernel.definition().workItems()));
  }
}
