package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.search.SearchIndex;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.List;

/**
 * The search page of a product ({@code /w/{ws}/{product}/search}, where the top bar's search box
 * goes): the query box, the filters as choices, ranked results with their matches highlighted and a
 * kind badge, and the query language explained while nothing is searched for yet. A bad filter
 * answers 422 with the reason next to it.
 */
public final class SearchPages implements Routes {
  private final SearchService search;
  private final ProductService products;
  private final ItemKinds kinds;
  private final Html html;

  public SearchPages(SearchService search, ProductService products, ItemKinds kinds, Html html) {
    this.search = search;
    this.products = products;
    this.kinds = kinds;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/{product}/search", this::page);
  }

  private void page(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    SearchService.Request request =
        new SearchService.Request(
            ctx.queryParam("q"),
            Long.toString(product.id()),
            ctx.queryParam("kind"),
            ctx.queryParam("source"),
            null,
            ctx.queryParam("segment"),
            ctx.queryParam("from"),
            ctx.queryParam("to"),
            ctx.queryParam("tag"),
            ctx.queryParam("status"),
            ctx.queryParam("sentiment"),
            ctx.queryParam("cursor"),
            null);
    SearchService.Results results = null;
    Invalid problem = null;
    if (request.q() != null && !request.q().isBlank()) {
      try {
        results = search.search(Requests.user(ctx), request);
      } catch (Invalid e) {
        problem = e;
        ctx.status(422);
      }
    }
    SearchIndex.Facets facets = search.facets(product);
    String base =
        "/w/" + product.workspace().workspace().slug() + "/" + product.product().slug() + "/search";
    Shell shell =
        html.shells()
            .product(ctx, product, "search", "Search", List.of(new Shell.Crumb("Search", null)));
    html.page(
        ctx,
        "kernel/product-search.jte",
        shell,
        "product",
        product,
        "request",
        request,
        "results",
        results,
        "problem",
        problem,
        "facets",
        facets,
        "kinds",
        kinds,
        "base",
        base);
  }
}
