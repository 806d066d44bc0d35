package io.hatrack.planning.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.teams.TeamApi;
import io.hatrack.planning.teams.TeamRoutes;
import io.hatrack.planning.teams.TeamService;
import io.hatrack.planning.teams.TeamStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Teams with their capacity and release plans put together: the services, the API and pages, the
 * efforts section of a work item's side panel, and their part of the demo story.
 */
public final class ReleasePlanning {
  private final TeamService teams;
  private final PlanService plans;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final LinkService links;
  private final WorkItemService workItems;

  public ReleasePlanning(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      LinkService links,
      WorkItemService workItems,
      AuditLog audit,
      Clock clock) {
    this.teams = new TeamService(db, new TeamStore(), workspaces, items, audit, clock);
    this.plans =
        new PlanService(db, new PlanStore(), products, teams, workItems, links, audit, clock);
    this.workspaces = workspaces;
    this.products = products;
    this.links = links;
    this.workItems = workItems;
  }

  public TeamService teams() {
    return teams;
  }

  public PlanService plans() {
    return plans;
  }

  /** The API and pages; work items show their effort per team in their side panel. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    panels.register(
        access ->
            access.item().kind().equals("work_item")
                ? Optional.of("/items/" + access.id() + "/efforts")
                : Optional.empty());
    return List.of(
        new TeamApi(teams, json),
        new TeamRoutes(teams, workspaces, html),
        new PlanApi(plans, json),
        new PlanRoutes(plans, products, html));
  }

  /** Three teams of Northwind, efforts on Checkout's features, a solved and accepted plan. */
  public DemoSeed demo() {
    return new ReleasePlanDemo(teams, plans, workItems, links);
  }
}
