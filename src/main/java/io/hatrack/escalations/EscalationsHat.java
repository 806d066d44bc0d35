package io.hatrack.escalations;

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
import java.time.Clock;
import java.util.List;

/**
 * The escalations hat: a customer in trouble, its severity and SLA clocks (paused while waiting on
 * the customer, in business hours where the policy says so), the timeline of notes and updates, the
 * links to the features and bugs behind it, and the dashboard and metrics over all of them.
 */
public final class EscalationsHat {

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

  public EscalationsHat(Kernel kernel) {
    this.kernel = kernel;
  }

  Kernel kernel() {
    return kernel;
  }

  /** The hat's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    return List.of();
  }

  /** The hat's part of the demo story: escalations in every state. */
  public List<DemoSeed> demo() {
    return List.of();
  }
}
