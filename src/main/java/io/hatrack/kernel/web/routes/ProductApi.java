package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ActivityJson;
import io.hatrack.kernel.web.routes.KernelJson.ProductInput;
import io.hatrack.kernel.web.routes.KernelJson.ProductJson;
import io.hatrack.kernel.work.ActivityFeed;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;

/** One product over the API. */
public final class ProductApi implements Routes {
  private final ProductService products;
  private final ActivityFeed activity;
  private final ObjectMapper json;

  public ProductApi(ProductService products, ActivityFeed activity, ObjectMapper json) {
    this.products = products;
    this.activity = activity;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}", this::get)
        .summary("A product")
        .tag("Products")
        .etag()
        .returns(200, ProductJson.class);
    r.patch("/api/v1/products/{product}", this::update)
        .summary("Edit a product (admins)")
        .tag("Products")
        .body(ProductInput.class)
        .ifMatch()
        .etag()
        .returns(200, ProductJson.class);
    r.get("/api/v1/products/{product}/activity", this::activity)
        .summary("What happened in the product, newest first")
        .tag("Activity")
        .paged()
        .returnsList(ActivityJson.class);
  }

  private void get(Context ctx) {
    ProductAccess product = products.access(Requests.user(ctx), ctx.pathParam("product"));
    Requests.etag(ctx, product.product().version());
    ctx.json(ProductJson.of(product.product()));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    ProductInput input = Requests.body(ctx, json, ProductInput.class);
    var updated =
        products.update(
            Requests.user(ctx),
            ctx.pathParam("product"),
            expected,
            new ProductService.ProductInput(
                input.name(), input.slug(), input.key(), input.description()));
    Requests.etag(ctx, updated.version());
    ctx.json(ProductJson.of(updated));
  }

  private void activity(Context ctx) {
    ProductAccess product = products.access(Requests.user(ctx), ctx.pathParam("product"));
    int limit = Requests.limit(ctx, 50);
    var page = activity.pageForProduct(product, Requests.cursorId(ctx), limit + 1);
    ctx.json(
        Listings.of(
            page.entries(), limit, page.total(), ActivityEntry::id, a -> ActivityJson.of(a, json)));
  }
}
