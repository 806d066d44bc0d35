package io.hatrack.planning.roadmap;

import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;

/**
 * The public roadmap at {@code /p/{product}/roadmap}: no sign-in and no app around it, only the
 * entries marked public, as Now/Next/Later columns. It is on when the product's public portal is on
 * (the portal's switch) and answers 404 otherwise, like the portal's idea board; it is read-only,
 * so none of the portal's rate limits (which count ideas, votes, comments and mails) applies.
 */
public final class PublicRoadmapPages implements Routes {
  private final RoadmapService roadmaps;
  private final Html html;

  public PublicRoadmapPages(RoadmapService roadmaps, Html html) {
    this.roadmaps = roadmaps;
    this.html = html;
  }

  /** The address of a product's public roadmap. */
  public static String path(String productSlug) {
    return "/p/" + productSlug + "/roadmap";
  }

  @Override
  public void register(Router r) {
    r.getPage("/p/{product}/roadmap", this::page);
  }

  private void page(Context ctx) {
    RoadmapService.PublicRoadmap roadmap = roadmaps.publicRoadmap(ctx.pathParam("product"));
    ctx.header("X-Robots-Tag", "noindex");
    html.page(
        ctx,
        "roadmap/public.jte",
        html.shells().anonymous(ctx, "Roadmap \u00b7 " + roadmap.product().name()),
        "roadmap",
        roadmap,
        "feedback",
        "/p/" + roadmap.product().slug() + "/feedback");
  }
}
