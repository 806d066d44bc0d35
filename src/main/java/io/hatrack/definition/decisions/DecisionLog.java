package io.hatrack.definition.decisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.util.List;

/**
 * The decision log put together: its store, service, API, pages and demo part, so that the
 * definition hat wires it with a few lines.
 */
public final class DecisionLog {
  private final DecisionService service;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final ItemService items;

  public DecisionLog(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Notifier notifier,
      AuditLog audit) {
    this.products = products;
    this.workspaces = workspaces;
    this.items = items;
    this.service =
        new DecisionService(db, new DecisionStore(), products, workspaces, items, notifier, audit);
  }

  public DecisionService service() {
    return service;
  }

  /** The API and the pages; registers the full JSON of a decision for the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    DecisionApi api = new DecisionApi(service, panels.collaboration().links(), html, json);
    representations.register(DecisionService.KIND, api::representation);
    return List.of(api, new DecisionRoutes(service, products, workspaces, panels));
  }

  /** The decision log's part of the demo story. */
  public DemoSeed demo(Collaboration collaboration) {
    return new DecisionsDemo(service, items, collaboration);
  }
}
