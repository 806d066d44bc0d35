package io.hatrack.planning;

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
import io.hatrack.planning.backlog.ScoredBacklog;
import io.hatrack.planning.plans.ReleasePlanning;
import io.hatrack.planning.roadmap.RoadmapService;
import io.hatrack.planning.roadmap.Roadmaps;
import io.hatrack.planning.roi.RoiModels;
import io.hatrack.planning.roi.RoiService;
import io.hatrack.planning.roi.RoiStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The planning and roadmap hats put together: scoring models and the ranked backlog, teams with
 * their capacity, release plans solved under that capacity, roadmaps, and ROI models. {@code App}
 * constructs one after the definition and discovery hats, whose work items and evidence it plans.
 */
public final class PlanningHat {

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
  private final ScoredBacklog backlog;
  private final Roadmaps roadmaps;
  private final RoiModels roi;
  private final ReleasePlanning releasePlanning;

  public PlanningHat(Kernel kernel) {
    this.kernel = kernel;
    this.backlog = new ScoredBacklog(kernel);
    this.roadmaps =
        new Roadmaps(
            new RoadmapService.Parts(
                kernel.db(),
                kernel.products(),
                kernel.items(),
                kernel.collaboration().links(),
                kernel.collaboration().tags(),
                kernel.audit(),
                slug -> kernel.discovery().portal().portal().openPortal(slug),
                kernel.clock()),
            io.hatrack.kernel.web.Json.mapper());
    this.releasePlanning =
        new ReleasePlanning(
            kernel.db(),
            kernel.products(),
            kernel.workspaces(),
            kernel.items(),
            kernel.collaboration().links(),
            kernel.definition().workItems(),
            kernel.audit(),
            kernel.clock());
    this.roi =
        new RoiModels(
            new RoiService(
                kernel.db(),
                new RoiStore(),
                kernel.products(),
                kernel.definition().workItems(),
                kernel.definition().fields(),
                kernel.audit(),
                kernel.clock()),
            kernel.products(),
            kernel.discovery().customers());
  }

  /** Roadmaps: Now/Next/Later, timeline, snapshots, the public roadmap and exports. */
  public Roadmaps roadmaps() {
    return roadmaps;
  }

  /** ROI models of a product's options: NPV, IRR, payback, Monte Carlo. */
  public RoiModels roi() {
    return roi;
  }

  /** Teams with their capacity, and release plans. */
  public ReleasePlanning releasePlanning() {
    return releasePlanning;
  }

  /** Scoring models, items' scores and the ranked backlog. */
  public ScoredBacklog backlog() {
    return backlog;
  }

  /** The hat's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    routes.addAll(backlog.routes(html, panels, json));
    routes.addAll(releasePlanning.routes(html, panels, json));
    routes.addAll(roadmaps.routes(html, json));
    routes.addAll(roi.routes(html, json));
    return routes;
  }

  /** The hat's part of the demo story, told after the definition and discovery hats'. */
  public List<DemoSeed> demo() {
    List<DemoSeed> seeds = new ArrayList<>();
    // First: the release plan is solved by the scores this seeds.
    seeds.add(backlog.demo());
    seeds.add(releasePlanning.demo());
    seeds.add(roi.demo());
    // Last: the roadmap shows what the release plan accepted, if its demo ran.
    seeds.add(roadmaps.demo(kernel.discovery()));
    return seeds;
  }
}
