package io.hatrack.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.prototypes.PrototypeApi;
import io.hatrack.definition.prototypes.PrototypePlayPages;
import io.hatrack.definition.prototypes.PrototypeRoutes;
import io.hatrack.definition.prototypes.PrototypeService;
import io.hatrack.definition.prototypes.PrototypeStore;
import io.hatrack.definition.prototypes.PrototypesDemo;
import io.hatrack.definition.prototypes.ScreenSource;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition hat put together: its stores, services, routes and demo part. {@code App}
 * constructs one and asks it for its routes and demo seed, so the hat's wiring stays in the hat.
 */
public final class DefinitionHat {

  /** What the hat takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      Notifier notifier,
      AuditLog audit,
      Clock clock) {}

  private final Kernel kernel;
  private final WorkflowService workflows;
  private final WorkItemService workItems;
  private final PrototypeService prototypes;

  public DefinitionHat(Kernel k, ItemKinds kinds) {
    this.kernel = k;
    kinds.register(new ItemKind(WorkItemStore.KIND, "Work item", "items"));
    this.workflows = new WorkflowService(k.db(), new WorkflowStore(), k.products(), k.audit());
    this.workItems =
        new WorkItemService(
            k.db(),
            new WorkItemStore(),
            workflows,
            k.products(),
            k.workspaces(),
            new WorkItemService.Kernel(k.items(), k.notifier(), k.audit()));
    kinds.register(new ItemKind(PrototypeStore.KIND, "Prototype", "definition/prototypes"));
    this.prototypes =
        new PrototypeService(
            k.db(),
            new PrototypeStore(),
            k.products(),
            k.items(),
            ScreenSource.NONE,
            k.audit(),
            k.clock());
  }

  /** The hat's API and pages; registers how its items answer the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    PrototypeApi prototypeApi = new PrototypeApi(prototypes, json);
    representations.register(PrototypeStore.KIND, prototypeApi::itemJson);
    routes.add(prototypeApi);
    routes.add(new PrototypeRoutes(prototypes, kernel.products(), panels));
    routes.add(new PrototypePlayPages(prototypes, kernel.products(), html));
    return routes;
  }

  /** The hat's part of the demo story. */
  public List<DemoSeed> demo() {
    // The prototype links to the feature it shows, so it comes after the work items.
    return List.of(new PrototypesDemo(prototypes, kernel.items(), kernel.collaboration()));
  }

  public WorkflowService workflows() {
    return workflows;
  }

  public WorkItemService workItems() {
    return workItems;
  }

  public PrototypeService prototypes() {
    return prototypes;
  }

  Kernel kernel() {
    return kernel;
  }
}
