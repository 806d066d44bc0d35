package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Hats;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ActivityFeed;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.List;

/**
 * A product in the browser: its home, its settings, the pages of hats that are still coming, and
 * its public portal. Registered after every hat, so that a hat's own routes win.
 */
public final class ProductPages implements Routes {
  private final ProductService products;
  private final ItemService items;
  private final ActivityFeed activity;
  private final Html html;

  public ProductPages(
      ProductService products, ItemService items, ActivityFeed activity, Html html) {
    this.products = products;
    this.items = items;
    this.activity = activity;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/{product}", this::home);
    r.getPage("/w/{ws}/{product}/settings", ctx -> settings(ctx, null));
    r.postPage("/w/{ws}/{product}/settings", this::update);
    r.getPage("/w/{ws}/{product}/{hat}", this::hat);
    r.getPage("/p/{slug}", this::portal);
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private static String base(ProductAccess p) {
    return "/w/" + p.workspace().workspace().slug() + "/" + p.product().slug();
  }

  private void home(Context ctx) {
    ProductAccess product = product(ctx);
    Shell shell = html.shells().product(ctx, product, "home", product.product().name(), List.of());
    html.page(
        ctx,
        "product/home.jte",
        shell,
        "product",
        product,
        "base",
        base(product),
        "recent",
        items.recent(product, 8),
        "activity",
        activity.forProduct(product, 0, 20),
        "hats",
        html.shells().hats().all());
  }

  private void settings(Context ctx, Form refused) {
    ProductAccess product = product(ctx);
    Product p = product.product();
    Form form =
        refused != null
            ? refused
            : Form.of(
                "name", p.name(),
                "slug", p.slug(),
                "key", p.key(),
                "description", p.description(),
                "version", Long.toString(p.version()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "settings",
                "Product settings",
                List.of(new Shell.Crumb("Settings", null)));
    html.page(
        ctx,
        "product/settings.jte",
        shell,
        "product",
        product,
        "form",
        form,
        "base",
        base(product));
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      long version = Long.parseLong(String.valueOf(ctx.formParam("version")));
      Product updated =
          products.update(
              Requests.user(ctx),
              Long.toString(product.id()),
              version,
              new ProductService.ProductInput(
                  Requests.form(ctx, "name"),
                  Requests.form(ctx, "slug"),
                  Requests.form(ctx, "key"),
                  Requests.form(ctx, "description")));
      Flashes.success(ctx, "Saved the product settings.");
      ctx.redirect(
          "/w/" + product.workspace().workspace().slug() + "/" + updated.slug() + "/settings");
    } catch (NumberFormatException e) {
      settings(ctx, Form.refused(ctx, "The form is missing its version; reload the page."));
    } catch (Invalid e) {
      ctx.status(422);
      settings(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      settings(
          ctx, Form.refused(ctx, e.getMessage() + " Reload the page to see the current settings."));
    }
  }

  private void hat(Context ctx) {
    Hats.Hat hat =
        html.shells().hats().find(ctx.pathParam("hat")).orElseThrow(() -> new NotFound("page"));
    ProductAccess product = product(ctx);
    Shell shell =
        html.shells()
            .product(
                ctx, product, hat.id(), hat.title(), List.of(new Shell.Crumb(hat.title(), null)));
    html.page(ctx, "product/coming.jte", shell, "hat", hat, "product", product);
  }

  private void portal(Context ctx) {
    Product product =
        products.publicBySlug(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("portal"));
    html.page(
        ctx,
        "product/portal.jte",
        html.shells().anonymous(ctx, product.name()),
        "product",
        product);
  }

  /** Whether the viewer may edit product settings; used by the template. */
  public static boolean canEdit(ProductAccess product) {
    return product.role().atLeast(Role.ADMIN);
  }
}
