package io.hatrack.escalations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.DefinitionHat;
import io.hatrack.discovery.DiscoveryHat;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
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
  private final SlaPolicyService policies;
  private final EscalationService escalations;
  private final EscalationDashboard dashboard;

  /** The hat; its escalations are items of {@code kinds} and found by {@code search}. */
  public EscalationsHat(Kernel k, ItemKinds kinds, SearchService search) {
    this.kernel = k;
    kinds.register(new ItemKind(EscalationStore.KIND, "Escalation", "escalations"));
    k.collaboration().links().types().register(EscalationService.CONCERNS);
    EscalationStore store = new EscalationStore();
    EscalationSearch documents = new EscalationSearch(search.index(), store);
    search.register(documents);
    this.policies =
        new SlaPolicyService(
            k.db(),
            new SlaPolicyStore(),
            store,
            k.workspaces(),
            k.products(),
            k.audit(),
            k.clock());
    this.escalations =
        new EscalationService(
            new EscalationService.Parts(
                k.db(),
                store,
                policies,
                k.products(),
                k.workspaces(),
                k.items(),
                k.discovery().customers(),
                k.definition().workItems(),
                k.collaboration().links(),
                documents,
                k.audit(),
                k.clock()));
    this.dashboard =
        new EscalationDashboard(
            k.db(), store, escalations, k.products(), k.workspaces(), k.clock());
  }

  Kernel kernel() {
    return kernel;
  }

  /** SLA policies of a workspace and each product's choice. */
  public SlaPolicyService policies() {
    return policies;
  }

  /** Escalations with their timelines and SLA clocks. */
  public EscalationService escalations() {
    return escalations;
  }

  /** The dashboard and the metrics. */
  public EscalationDashboard dashboard() {
    return dashboard;
  }

  /** The hat's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    return List.of(
        new EscalationApi(escalations, dashboard, json),
        new SlaPolicyApi(policies, json),
        new EscalationRoutes(
            escalations,
            dashboard,
            new EscalationChoices(kernel.discovery().customers(), kernel.workspaces()),
            kernel.products(),
            panels),
        new SlaPolicyRoutes(policies, kernel.products(), html));
  }

  /** The hat's part of the demo story: escalations in every state. */
  public List<DemoSeed> demo() {
    return List.of(new EscalationsDemo(kernel, policies, escalations));
  }
}
