package io.hatrack.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.query.FieldCatalogStore;
import io.hatrack.definition.query.QueryStore;
import io.hatrack.definition.query.SavedViewService;
import io.hatrack.definition.query.SavedViewStore;
import io.hatrack.definition.query.ViewApi;
import io.hatrack.definition.query.ViewsDemo;
import io.hatrack.definition.query.WorkItemQuery;
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
  private final WorkItemQuery queries;
  private final SavedViewService views;

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
    this.queries =
        new WorkItemQuery(
            workflows, k.workspaces(), new FieldCatalogStore(), new QueryStore(), k.clock());
    this.views =
        new SavedViewService(
            k.db(), new SavedViewStore(), k.products(), queries, k.audit(), k.clock());
  }

  /** The hat's API and pages; registers how its items answer the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    routes.add(new ViewApi(views, json));
    return routes;
  }

  /** The hat's part of the demo story. */
  public List<DemoSeed> demo() {
    return List.of(new ViewsDemo(kernel.db(), views, kernel.products(), new QueryStore()));
  }

  public WorkflowService workflows() {
    return workflows;
  }

  public WorkItemService workItems() {
    return workItems;
  }

  /** The work-item query language: compiles the query box and saved views into SQL. */
  public WorkItemQuery queries() {
    return queries;
  }

  /** Saved views of work items, shared in a product. */
  public SavedViewService views() {
    return views;
  }

  Kernel kernel() {
    return kernel;
  }
}
