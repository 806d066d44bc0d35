package io.hatrack.planning.roadmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductService;
import java.util.List;

/**
 * The roadmap put together: its service and snapshots, API, pages, public page and demo part, so
 * that the planning hat wires it with a few lines.
 */
public final class Roadmaps {
  private final RoadmapService roadmaps;
  private final SnapshotService snapshots;
  private final ProductService products;
  private final io.hatrack.kernel.work.LinkService links;

  public Roadmaps(RoadmapService.Parts parts, ObjectMapper json) {
    RoadmapStore store = new RoadmapStore();
    this.roadmaps = new RoadmapService(parts, store);
    this.snapshots =
        new SnapshotService(
            parts.db(), store, roadmaps, parts.products(), parts.audit(), json, parts.clock());
    this.products = parts.products();
    this.links = parts.links();
  }

  public RoadmapService service() {
    return roadmaps;
  }

  public SnapshotService snapshots() {
    return snapshots;
  }

  public List<Routes> routes(Html html, ObjectMapper json) {
    return List.of(
        new RoadmapApi(roadmaps, snapshots, json),
        new RoadmapPages(roadmaps, snapshots, products, html),
        new PublicRoadmapPages(roadmaps, html));
  }

  /** The roadmap's part of the demo story (after the release plan's, if there is one). */
  public DemoSeed demo(io.hatrack.discovery.DiscoveryHat discovery) {
    return new RoadmapDemo(roadmaps, snapshots, links, discovery);
  }
}
