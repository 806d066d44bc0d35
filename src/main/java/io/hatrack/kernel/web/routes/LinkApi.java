package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.LinkInput;
import io.hatrack.kernel.web.routes.KernelJson.LinkJson;
import io.hatrack.kernel.web.routes.KernelJson.LinkTypeJson;
import io.hatrack.kernel.work.LinkService;
import io.javalin.http.Context;

/** Typed links between any two items over the API. */
public final class LinkApi implements Routes {
  private final LinkService links;
  private final ObjectMapper json;

  public LinkApi(LinkService links, ObjectMapper json) {
    this.links = links;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get(
            "/api/v1/items/{item}/links",
            ctx ->
                ctx.json(
                    Listings.all(
                        links.list(Requests.user(ctx), ctx.pathParam("item")), LinkJson::of)))
        .summary("An item's links in both directions")
        .tag("Links")
        .returnsList(LinkJson.class);
    r.post("/api/v1/items/{item}/links", this::add)
        .summary("Link an item to another (editors); depends-on cycles are refused")
        .tag("Links")
        .body(LinkInput.class)
        .returns(201, LinkJson.class);
    r.delete(
            "/api/v1/links/{id}",
            ctx -> {
              links.remove(Requests.user(ctx), Requests.idParam(ctx, "id"));
              ctx.status(204);
            })
        .summary("Remove a link (editors)")
        .tag("Links")
        .noContent();
    r.get(
            "/api/v1/link-types",
            ctx ->
                ctx.json(
                    Listings.all(java.util.List.copyOf(links.types().all()), LinkTypeJson::of)))
        .summary("The link types and how each reads in both directions")
        .tag("Links")
        .returnsList(LinkTypeJson.class);
  }

  private void add(Context ctx) {
    LinkInput input = Requests.body(ctx, json, LinkInput.class);
    var link = links.add(Requests.user(ctx), ctx.pathParam("item"), input.target(), input.type());
    ctx.status(201).json(LinkJson.of(link));
  }
}
