package io.hatrack.definition.prototypes;

import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;

/**
 * Playing a prototype: one screen at a time, full width, without the app around it; a hotspot is a
 * link to its target screen, so playing needs no script. Members play at the prototype's address;
 * anyone holding a share link plays at {@code /p/prototypes/{token}}, which is never indexed and
 * answers 404 once the link is revoked.
 */
public final class PrototypePlayPages implements Routes {
  private static final String ONE = PrototypeRoutes.BASE + "/{key}";
  private static final String SHARED = "/p/prototypes/{token}";

  private final PrototypeService prototypes;
  private final ProductService products;
  private final Html html;

  public PrototypePlayPages(PrototypeService prototypes, ProductService products, Html html) {
    this.prototypes = prototypes;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(ONE + "/play", this::play);
    r.getPage(ONE + "/play/{screen}", this::play);
    r.getPage(ONE + "/screens/{screen}/image", this::image);
    r.getPage(SHARED, this::playShared);
    r.getPage(SHARED + "/{screen}", this::playShared);
    r.getPage(SHARED + "/screens/{screen}/image", this::sharedImage);
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private Prototype prototype(Context ctx, ProductAccess product) {
    Prototype p = prototypes.get(Requests.user(ctx), ctx.pathParam("key")).prototype();
    Long productId = p.item().productId();
    if (productId == null || productId != product.id()) {
      throw new NotFound("prototype");
    }
    return p;
  }

  private void play(Context ctx) {
    ProductAccess product = product(ctx);
    Prototype p = prototype(ctx, product);
    String base = PrototypeRoutes.base(product) + "/" + p.key();
    PlayView.Urls urls =
        new PlayView.Urls() {
          @Override
          public String play(long screenId) {
            return base + "/play/" + screenId;
          }

          @Override
          public String image(long screenId) {
            return base + "/screens/" + screenId + "/image";
          }
        };
    render(ctx, PlayView.of(p, screen(ctx, p), urls, base));
  }

  private void image(Context ctx) {
    ProductAccess product = product(ctx);
    Prototype p = prototype(ctx, product);
    ScreenImageAnswer.send(
        ctx, prototypes.image(Requests.user(ctx), p.key(), Requests.idParam(ctx, "screen")));
  }

  private void playShared(Context ctx) {
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    String token = ctx.pathParam("token");
    Prototype p = prototypes.shared(token);
    String base = "/p/prototypes/" + token;
    PlayView.Urls urls =
        new PlayView.Urls() {
          @Override
          public String play(long screenId) {
            return base + "/" + screenId;
          }

          @Override
          public String image(long screenId) {
            return base + "/screens/" + screenId + "/image";
          }
        };
    render(ctx, PlayView.of(p, screen(ctx, p), urls, null));
  }

  private void sharedImage(Context ctx) {
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    ScreenImageAnswer.send(
        ctx, prototypes.sharedImage(ctx.pathParam("token"), Requests.idParam(ctx, "screen")));
  }

  /** The screen of the URL, or the start; a screen of another prototype is not found. */
  private static Screen screen(Context ctx, Prototype p) {
    if (!ctx.pathParamMap().containsKey("screen")) {
      return p.start().orElse(null);
    }
    long id = Requests.idParam(ctx, "screen");
    return p.screen(id).orElseThrow(() -> new NotFound("screen"));
  }

  private void render(Context ctx, PlayView view) {
    String title =
        view.screen() == null
            ? view.prototype().title()
            : view.screen().name() + " \u00b7 " + view.prototype().title();
    html.page(
        ctx, "definition/prototypes/play.jte", html.shells().anonymous(ctx, title), "play", view);
  }
}
