package io.hatrack.discovery.portal;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal for the product team, a tab of the discovery hat: the ideas with their votes and
 * moderation state, the settings (on or off, approval first), and an idea's page where the team
 * approves or hides it and its comments, sets its public status, answers, merges it into another
 * idea and links it to the feature it supports.
 */
public final class PortalRoutes implements Routes {
  static final String BASE = "/w/{ws}/{product}/discovery/portal";

  private final PortalModeration moderation;
  private final ProductService products;
  private final Html html;

  PortalRoutes(PortalModeration moderation, ProductService products, ItemPanels panels) {
    this.moderation = moderation;
    this.products = products;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.postPage(BASE + "/settings", this::settings);
    r.postPage(BASE + "/comments/{comment}", this::moderateComment);
    r.getPage(BASE + "/{id}", this::show);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/merge", this::merge);
    r.postPage(BASE + "/{id}/link", this::link);
    r.postPage(BASE + "/{id}/reply", this::reply);
  }

  static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery/portal";
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private static List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    String hat = base(product).substring(0, base(product).length() - "/portal".length());
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", hat));
    all.add(new Shell.Crumb("Portal", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  private static String ref(ProductAccess product) {
    return Long.toString(product.id());
  }

  // ---- The list and the settings ----------------------------------------------------------------

  private void list(Context ctx) {
    renderList(ctx, product(ctx), null);
  }

  private void renderList(Context ctx, ProductAccess product, Invalid refused) {
    String show = ctx.queryParam("show");
    Visibility visibility = Visibility.parse(show == null ? "" : show).orElse(null);
    IdeaStatus status = IdeaStatus.parse(ctx.queryParam("status")).orElse(null);
    PortalStore.Order order =
        "new".equals(ctx.queryParam("sort")) ? PortalStore.Order.NEW : PortalStore.Order.TOP;
    int offset = (int) Math.min(100_000, Math.max(0, Requests.longQuery(ctx, "offset")));
    PortalModeration.IdeaList list =
        moderation.ideas(
            Requests.user(ctx),
            ref(product),
            new PortalModeration.Filter(visibility, status, order, offset, 50));
    html.page(
        ctx,
        "discovery/portal/admin.jte",
        html.shells().product(ctx, product, "discovery", "Portal", crumbs(product)),
        "list",
        list,
        "base",
        base(product),
        "show",
        visibility == null ? "" : visibility.id(),
        "status",
        status,
        "sort",
        order == PortalStore.Order.NEW ? "new" : "top",
        "offset",
        offset,
        "refused",
        refused);
  }

  private void settings(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      PortalSettings saved =
          moderation.saveSettings(
              Requests.user(ctx),
              ref(product),
              parseLong("version", ctx.formParam("version")),
              "on".equals(ctx.formParam("enabled")),
              "approve".equals(ctx.formParam("moderation")),
              ctx.formParam("intro"));
      Flashes.success(
          ctx,
          saved.enabled()
              ? "The portal is on at " + PortalService.path(product.product().slug()) + "."
              : "The portal is off; its address answers 404.");
      ctx.redirect(base(product));
    } catch (Invalid e) {
      ctx.status(422);
      renderList(ctx, product, e);
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage() + " Reload the page to see the current settings.");
      ctx.redirect(base(product));
    }
  }

  // ---- An idea ----------------------------------------------------------------------------------

  private void show(Context ctx) {
    renderIdea(ctx, product(ctx), null, null);
  }

  private void renderIdea(Context ctx, ProductAccess product, Invalid refused, String message) {
    long id = Requests.idParam(ctx, "id");
    PortalModeration.IdeaDetail detail = moderation.idea(Requests.user(ctx), ref(product), id);
    PortalModeration.IdeaList others =
        moderation.ideas(
            Requests.user(ctx),
            ref(product),
            new PortalModeration.Filter(null, null, PortalStore.Order.TOP, 0, 200));
    html.page(
        ctx,
        "discovery/portal/admin-idea.jte",
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                detail.idea().title(),
                crumbs(product, new Shell.Crumb(detail.idea().key(), null))),
        "detail",
        detail,
        "others",
        others.ideas().stream().filter(i -> i.id() != id && i.mergedInto() == null).toList(),
        "base",
        base(product),
        "publicBase",
        PortalService.path(product.product().slug()),
        "refused",
        refused,
        "message",
        message,
        "canEdit",
        product.role().atLeast(Role.EDITOR));
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    long id = Requests.idParam(ctx, "id");
    try {
      Idea saved =
          moderation.update(
              Requests.user(ctx),
              ref(product),
              id,
              parseLong("version", ctx.formParam("version")),
              new PortalModeration.IdeaPatch(
                  ctx.formParam("title"),
                  ctx.formParam("description"),
                  IdeaStatus.parse(blank(ctx.formParam("status"))).orElse(null),
                  Visibility.parse(blank(ctx.formParam("visibility"))).orElse(null)));
      Flashes.success(ctx, "Saved \u201c" + saved.title() + "\u201d.");
      String back = ctx.formParam("back");
      ctx.redirect(
          back != null && back.startsWith(base(product)) ? back : base(product) + "/" + id);
    } catch (Invalid e) {
      ctx.status(422);
      renderIdea(ctx, product, e, null);
    } catch (Conflict e) {
      ctx.status(409);
      renderIdea(ctx, product, null, e.getMessage() + " The page now shows the current idea.");
    }
  }

  private void merge(Context ctx) {
    ProductAccess product = product(ctx);
    long id = Requests.idParam(ctx, "id");
    try {
      long target = parseLong("target", ctx.formParam("target"));
      if (target <= 0) {
        throw Invalid.field("target", "must be chosen from the list");
      }
      Idea into = moderation.merge(Requests.user(ctx), ref(product), target, List.of(id));
      Flashes.success(
          ctx,
          "Merged into \u201c"
              + into.title()
              + "\u201d, which now has "
              + into.votes()
              + " votes. The merged idea's address leads there.");
      ctx.redirect(base(product) + "/" + into.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderIdea(ctx, product, e, null);
    }
  }

  private void link(Context ctx) {
    ProductAccess product = product(ctx);
    long id = Requests.idParam(ctx, "id");
    try {
      var link =
          moderation.linkToFeature(Requests.user(ctx), ref(product), id, ctx.formParam("feature"));
      Flashes.success(ctx, "Linked: this idea supports " + link.other().key() + ".");
      ctx.redirect(base(product) + "/" + id);
    } catch (Invalid e) {
      ctx.status(422);
      renderIdea(ctx, product, e, null);
    } catch (io.hatrack.kernel.NotFound e) {
      ctx.status(422);
      renderIdea(ctx, product, Invalid.field("feature", "is not an item you can see"), null);
    }
  }

  private void reply(Context ctx) {
    ProductAccess product = product(ctx);
    long id = Requests.idParam(ctx, "id");
    try {
      moderation.reply(Requests.user(ctx), ref(product), id, ctx.formParam("body"));
      Flashes.success(ctx, "Your answer is published on the portal.");
      ctx.redirect(base(product) + "/" + id);
    } catch (Invalid e) {
      ctx.status(422);
      renderIdea(ctx, product, e, null);
    }
  }

  private void moderateComment(Context ctx) {
    ProductAccess product = product(ctx);
    long commentId = Requests.idParam(ctx, "comment");
    Visibility visibility =
        Visibility.parse(blank(ctx.formParam("visibility")))
            .orElseThrow(() -> Invalid.field("visibility", "must be approved or hidden"));
    IdeaComment c =
        moderation.moderateComment(Requests.user(ctx), ref(product), commentId, visibility);
    Flashes.success(
        ctx,
        visibility == Visibility.HIDDEN
            ? "The comment by " + c.authorName() + " is hidden."
            : "The comment by " + c.authorName() + " is shown.");
    String back = ctx.formParam("back");
    ctx.redirect(
        back != null && back.startsWith(base(product)) ? back : base(product) + "/" + c.ideaId());
  }

  private static long parseLong(String field, String s) {
    try {
      return s == null || s.isBlank() ? 0 : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be chosen from the list");
    }
  }

  private static String blank(String s) {
    return s == null ? "" : s.trim();
  }
}
