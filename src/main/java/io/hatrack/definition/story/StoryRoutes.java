package io.hatrack.definition.story;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The story parts of the item page in the browser: the quality check and the acceptance criteria as
 * htmx fragments, the form that saves the criteria, and the .feature download. With htmx the form
 * answers with the re-rendered acceptance section (with its messages when refused); without
 * JavaScript it redirects back to the item page with a flash.
 */
public final class StoryRoutes implements Routes {
  private static final String ITEM = "/w/{ws}/{product}/definition/items/{key}";

  /** The event an htmx answer raises after the criteria were saved; the quality section listens. */
  public static final String SAVED_EVENT = "story-acceptance-saved";

  private final StoryService stories;
  private final ProductService products;
  private final Html html;

  public StoryRoutes(StoryService stories, ProductService products, Html html) {
    this.stories = stories;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(ITEM + "/quality", this::quality);
    r.getPage(ITEM + "/acceptance", this::acceptance);
    r.postPage(ITEM + "/acceptance", this::save);
    r.getPage(ITEM + "/gherkin", this::gherkin);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /** The definition hat's base URL of a product, e.g. /w/northwind/checkout/definition. */
  static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition";
  }

  /** The item of the URL, which must belong to the product of the URL. */
  private StoryService.Acceptance item(Context ctx, ProductAccess product) {
    StoryService.Acceptance a = stories.acceptance(Requests.user(ctx), ctx.pathParam("key"));
    if (!Objects.equals(a.item().item().productId(), product.id())) {
      throw new NotFound("work item");
    }
    return a;
  }

  private void quality(Context ctx) {
    ProductAccess product = product(ctx);
    StoryService.Acceptance a = item(ctx, product);
    StoryService.Quality q = stories.quality(Requests.user(ctx), Long.toString(a.item().id()));
    html.fragment(
        ctx,
        "definition/story/quality.jte",
        "findings",
        q.findings(),
        "source",
        base(product) + "/items/" + a.item().key() + "/quality");
  }

  private void acceptance(Context ctx) {
    ProductAccess product = product(ctx);
    render(ctx, product, item(ctx, product), null, false);
  }

  private void render(
      Context ctx, ProductAccess product, StoryService.Acceptance a, Form form, boolean conflict) {
    Shell shell = html.shells().fragment(ctx);
    html.fragment(
        ctx,
        "definition/story/acceptance.jte",
        "shell",
        shell,
        "item",
        a.item(),
        "base",
        base(product),
        "canEdit",
        a.canEdit(),
        "form",
        form,
        "conflict",
        conflict);
  }

  private void save(Context ctx) {
    ProductAccess product = product(ctx);
    StoryService.Acceptance before = item(ctx, product);
    String key = before.item().key();
    String id = Long.toString(before.item().id());
    String page = base(product) + "/items/" + key;
    User user = Requests.user(ctx);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      StoryService.Acceptance saved =
          stories.saveAcceptance(user, id, version, ctx.formParam("acceptance"));
      if (Requests.isHtmx(ctx)) {
        ctx.header("HX-Trigger", SAVED_EVENT);
        render(ctx, product, saved, null, false);
      } else {
        Flashes.success(ctx, "Saved the acceptance criteria.");
        ctx.redirect(page);
      }
    } catch (Invalid e) {
      if (!Requests.isHtmx(ctx)) {
        Flashes.error(ctx, shortened("The acceptance criteria were not saved: " + reasons(e)));
        ctx.redirect(page);
        return;
      }
      // A refused form still answers 200: htmx swaps only successful answers.
      render(ctx, product, before, Form.refused(ctx, e), false);
    } catch (Conflict e) {
      if (!Requests.isHtmx(ctx)) {
        Flashes.error(
            ctx,
            "Someone else changed "
                + key
                + " while you were editing, so your acceptance criteria were not saved. Here is"
                + " their version: make your change again.");
        ctx.redirect(page);
        return;
      }
      String message =
          "Someone else changed "
              + key
              + " while you were editing. Your text is kept below: save again to overwrite"
              + " their version, or reload the page to see theirs.";
      render(ctx, product, item(ctx, product), Form.refused(ctx, message), true);
    }
  }

  private static String reasons(Invalid e) {
    return String.join("; ", e.errors().stream().map(f -> f.reason()).toList());
  }

  /** Flashes travel in a cookie: keep them well under its size limit. */
  private static String shortened(String message) {
    return message.length() <= 600 ? message : message.substring(0, 599) + "\u2026";
  }

  private void gherkin(Context ctx) {
    ProductAccess product = product(ctx);
    String id = Long.toString(item(ctx, product).item().id());
    StoryService.Export export = stories.gherkin(Requests.user(ctx), id);
    ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
    ctx.contentType("text/plain; charset=utf-8").result(export.text());
  }
}
