package io.hatrack.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.wireframes.Wireframes;
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
  private final Wireframes wireframes;

  public DefinitionHat(Kernel k, ItemKinds kinds) {
    this.kernel = k;
    kinds.register(new ItemKind(WorkItemStore.KIND, "Work item", "definition/items"));
    this.workflows = new WorkflowService(k.db(), new WorkflowStore(), k.products(), k.audit());
    this.workItems =
        new WorkItemService(
            k.db(),
            new WorkItemStore(),
            workflows,
            k.products(),
            k.workspaces(),
            new WorkItemService.Kernel(k.items(), k.notifier(), k.audit()),
            WorkItemService.QueryCompiler.TITLE_WORDS);
    this.wireframes =
        new Wireframes(
            new Wireframes.Kernel(
                k.db(),
                k.products(),
                k.items(),
                k.collaboration(),
                k.notifier(),
                k.audit(),
                k.clock()),
            kinds);
  }

  /** The hat's API and pages; registers how its items answer the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    routes.add(new WorkItemApi(workItems, workflows, representations, json));
    routes.add(
        new WorkItemRoutes(workItems, workflows, kernel.products(), kernel.workspaces(), panels));
    routes.addAll(wireframes.routes(html, panels, representations, json));
    return routes;
  }

  /** The hat's part of the demo story. */
  public List<DemoSeed> demo() {
    List<DemoSeed> seeds = new ArrayList<>();
    seeds.add(new DefinitionDemo(workItems, workflows, kernel.collaboration()));
    seeds.add(wireframes.demo());
    return seeds;
  }

  public WorkflowService workflows() {
    return workflows;
  }

  public WorkItemService workItems() {
    return workItems;
  }

  /** Wireframes in PlantUML Salt, and images attached to any item. */
  public Wireframes wireframes() {
    return wireframes;
  }

  Kernel kernel() {
    return kernel;
  }
}
