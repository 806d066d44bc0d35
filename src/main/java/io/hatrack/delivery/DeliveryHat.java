package io.hatrack.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.DefinitionHat;
import io.hatrack.delivery.ceremonies.Ceremonies;
import io.hatrack.delivery.imports.Imports;
import io.hatrack.delivery.sprints.Sprints;
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
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.PlanningHat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery hat: sprints of the planning hat's teams, the ceremonies around them (stand-ups,
 * reviews, retrospectives), and importers that bring work items in from Jira, GitHub, Trello and
 * CSV, with exports back out. {@code App} constructs it after the planning hat, whose teams and
 * capacity it builds on.
 */
public final class DeliveryHat {

  /** What the hat takes from the kernel and the hats it builds on. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      AuditLog audit,
      Jobs jobs,
      SearchService search,
      DefinitionHat definition,
      DiscoveryHat discovery,
      PlanningHat planning,
      Clock clock) {}

  private final Sprints sprints;
  private final Ceremonies ceremonies;
  private final Imports imports;

  public DeliveryHat(Kernel kernel) {
    this.sprints = new Sprints(kernel);
    this.ceremonies = new Ceremonies(kernel);
    this.imports = new Imports(kernel);
  }

  /** Sprints per team: planning, commitment, scope changes, burndown and velocity. */
  public Sprints sprints() {
    return sprints;
  }

  /** Stand-ups, sprint reviews and retrospectives of a team. */
  public Ceremonies ceremonies() {
    return ceremonies;
  }

  /** Importers from other tools' files, and exports of every item type. */
  public Imports imports() {
    return imports;
  }

  /** The hat's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    routes.addAll(sprints.routes(html, panels, json));
    routes.addAll(ceremonies.routes(html, panels, json));
    routes.addAll(imports.routes(html, panels, json));
    return routes;
  }

  /** The hat's part of the demo story, told after the planning hat's (its teams exist by then). */
  public List<DemoSeed> demo() {
    List<DemoSeed> seeds = new ArrayList<>();
    seeds.addAll(sprints.demo());
    // After the sprints: reviews and retrospectives look back on them.
    seeds.addAll(ceremonies.demo());
    seeds.addAll(imports.demo());
    return seeds;
  }
}
