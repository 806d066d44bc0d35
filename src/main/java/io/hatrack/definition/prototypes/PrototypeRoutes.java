package io.hatrack.definition.prototypes;

import io.hatrack.definition.prototypes.PrototypeService.HotspotInput;
import io.hatrack.definition.prototypes.PrototypeService.NewShare;
import io.hatrack.definition.prototypes.PrototypeService.PrototypeView;
import io.hatrack.definition.prototypes.PrototypeService.ScreenChanges;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;

/**
 * Prototypes in the browser: the list, making one, and the editor where screens are added, renamed,
 * reordered and deleted, hotspots are drawn and share links are made and revoked.
 */
public final class PrototypeRoutes implements Routes {
  static final String BASE = "/w/{ws}/{product}/definition/prototypes";
  private static final String ONE = BASE + "/{key}";

  private final PrototypeService prototypes;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public PrototypeRoutes(PrototypeService prototypes, ProductService products, ItemPanels panels) {
    this.prototypes = prototypes;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", ctx -> newForm(ctx, Form.EMPTY));
    r.postPage(BASE, this::create);
    r.getPage(ONE, ctx -> editor(ctx, Form.EMPTY, null, null));
    r.postPage(ONE, this::update);
    r.postPage(ONE + "/delete", this::delete);
    r.postPage(ONE + "/restore", this::restore);
    r.postPage(ONE + "/screens", this::addScreen);
    r.postPage(ONE + "/screens/{screen}", this::changeScreen);
    r.postPage(ONE + "/screens/{screen}/delete", this::deleteScreen);
    r.postPage(ONE + "/screens/{screen}/hotspots", this::addHotspot);
    r.postPage(ONE + "/screens/{screen}/hotspots/{hotspot}", this::changeHotspot);
    r.postPage(ONE + "/screens/{screen}/hotspots/{hotspot}/delete", this::deleteHotspot);
    r.postPage(ONE + "/shares", this::share);
    r.postPage(ONE + "/shares/{share}/revoke", this::revoke);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /**
   * The address of a product's prototypes, e.g. {@code
   * /w/northwind/checkout/definition/prototypes}.
   */
  static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition/prototypes";
  }

  private static String definition(ProductAccess product) {
    return base(product).substring(0, base(product).length() - "/prototypes".length());
  }

  /** The prototype of the URL, which must belong to the product of the URL. */
  private PrototypeView prototype(Context ctx, ProductAccess product) {
    PrototypeView view = prototypes.get(Requests.user(ctx), ctx.pathParam("key"));
    Long productId = view.prototype().item().productId();
    if (productId == null || productId != product.id()) {
      throw new NotFound("prototype");
    }
    return view;
  }

  private static String editorUrl(ProductAccess product, Prototype p) {
    return base(product) + "/" + p.key();
  }

  // ---- List and new -----------------------------------------------------------------------

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    String cursor = ctx.queryParam("cursor");
    Slice<PrototypeSummary> slice =
        prototypes.list(Requests.user(ctx), Long.toString(product.id()), cursor, 50);
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "definition",
                "Prototypes",
                List.of(
                    new Shell.Crumb("Definition", definition(product)),
                    new Shell.Crumb("Prototypes", null)));
    html.page(
        ctx,
        "definition/prototypes/list.jte",
        shell,
        "product",
        product,
        "slice",
        slice,
        "base",
        base(product),
        "definition",
        definition(product),
        "firstPage",
        cursor == null || cursor.isBlank());
  }

  private void newForm(Context ctx, Form form) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "create prototypes");
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "definition",
                "New prototype",
                List.of(
                    new Shell.Crumb("Definition", definition(product)),
                    new Shell.Crumb("Prototypes", base(product)),
                    new Shell.Crumb("New", null)));
    html.page(
        ctx,
        "definition/prototypes/new.jte",
        shell,
        "form",
        form,
        "base",
        base(product),
        "definition",
        definition(product));
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Prototype p =
          prototypes.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              ctx.formParam("title"),
              ctx.formParam("description"));
      Flashes.success(ctx, "Made the prototype " + p.key() + ". Add its first screen.");
      ctx.redirect(editorUrl(product, p));
    } catch (Invalid e) {
      ctx.status(422);
      newForm(ctx, Form.refused(ctx, e));
    }
  }

  // ---- The editor -------------------------------------------------------------------------

  private void editor(Context ctx, Form form, String conflict, NewShare created) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    PrototypeView view = prototype(ctx, product);
    Prototype p = view.prototype();
    String base = editorUrl(product, p);
    Screen selected = selected(ctx, p);
    Hotspot hotspot = null;
    long hotspotId = Requests.longQuery(ctx, "hotspot");
    if (selected != null && hotspotId > 0) {
      hotspot =
          selected.hotspots().stream().filter(h -> h.id() == hotspotId).findFirst().orElse(null);
    }
    Stage stage =
        selected == null
            ? null
            : Stage.of(
                p,
                selected,
                base + "/screens/" + selected.id() + "/image",
                hs -> base + "?screen=" + hs.screenId() + "&hotspot=" + hs.id() + "#hotspot-form");
    Editor editor =
        new Editor(
            view,
            base,
            base(product),
            selected,
            stage,
            hotspot,
            view.canEdit() ? prototypes.candidates(user, p.key()) : List.of(),
            view.canEdit() ? prototypes.shares(user, p.key()) : List.of(),
            created,
            created == null ? null : PrototypeApi.origin(ctx) + created.path(),
            form,
            conflict,
            panels.build(user, Long.toString(p.id())));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "definition",
                p.title(),
                List.of(
                    new Shell.Crumb("Definition", definition(product)),
                    new Shell.Crumb("Prototypes", base(product)),
                    new Shell.Crumb(p.key(), null)));
    html.page(
        ctx,
        "definition/prototypes/edit.jte",
        shell,
        "editor",
        editor,
        "definition",
        definition(product));
  }

  /** The screen named by {@code ?screen=} (or the form's {@code screen}), else the start. */
  private static Screen selected(Context ctx, Prototype p) {
    long wanted = Requests.longQuery(ctx, "screen");
    if (wanted == 0 && ctx.pathParamMap().containsKey("screen")) {
      wanted = Requests.idParam(ctx, "screen");
    }
    long id = wanted;
    return p.screen(id).or(p::start).orElse(null);
  }

  /**
   * Runs a change from a form of the editor: on success goes back to the editor at {@code screen}
   * with a message; refused input or a stale version shows the editor again with the reason.
   */
  private void change(Context ctx, String done, Change change) {
    ProductAccess product = product(ctx);
    PrototypeView view = prototype(ctx, product);
    Prototype p = view.prototype();
    try {
      long screen = change.apply(p, version(ctx));
      Flashes.success(ctx, done);
      ctx.redirect(editorUrl(product, p) + (screen > 0 ? "?screen=" + screen : ""));
    } catch (Invalid e) {
      ctx.status(422);
      editor(ctx, Form.refused(ctx, e), null, null);
    } catch (Conflict e) {
      ctx.status(409);
      editor(ctx, Form.refused(ctx, e.getMessage()), e.getMessage(), null);
    }
  }

  /** A change made by a form; returns the screen to show afterwards (0: the start). */
  @FunctionalInterface
  private interface Change {
    long apply(Prototype p, long version);
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  private void update(Context ctx) {
    User user = Requests.user(ctx);
    change(
        ctx,
        "Saved the prototype.",
        (p, version) -> {
          String start = Requests.form(ctx, "start_screen_id");
          Long startId =
              start == null || start.isEmpty() ? null : parseId("start_screen_id", start);
          prototypes.update(
              user,
              p.key(),
              version,
              ctx.formParam("title"),
              ctx.formParam("description"),
              startId);
          return 0;
        });
  }

  private static long parseId(String field, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be chosen from the list");
    }
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Prototype p = prototype(ctx, product).prototype();
    long version;
    try {
      version = version(ctx);
    } catch (Invalid e) {
      version = p.version();
    }
    prototypes.delete(Requests.user(ctx), p.key(), version);
    Flashes.withAction(
        ctx,
        "Deleted the prototype \u201c" + p.title() + "\u201d; its share links stop working.",
        "Undo",
        editorUrl(product, p) + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Prototype p = prototypes.restore(Requests.user(ctx), ctx.pathParam("key"));
    Flashes.success(ctx, "Restored the prototype \u201c" + p.title() + "\u201d.");
    ctx.redirect(editorUrl(product, p));
  }

  // ---- Screens ----------------------------------------------------------------------------

  private void addScreen(Context ctx) {
    User user = Requests.user(ctx);
    change(
        ctx,
        "Added the screen.",
        (p, version) -> {
          String source = Requests.form(ctx, "source");
          UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("image") : null;
          if (file != null && file.size() > 0) {
            return prototypes
                .addImage(
                    user,
                    p.key(),
                    version,
                    ctx.formParam("name"),
                    PrototypeApi.bytes(file),
                    file.contentType())
                .value()
                .id();
          }
          if (source == null || source.isEmpty()) {
            throw Invalid.field("image", "is required: choose a PNG, JPEG or SVG file");
          }
          String[] parts = source.split(":", 2);
          if (parts.length != 2) {
            throw Invalid.field("source", "must be chosen from the list");
          }
          return prototypes
              .addFromSource(
                  user,
                  p.key(),
                  version,
                  ctx.formParam("name"),
                  parts[0],
                  parseId("source", parts[1]))
              .value()
              .id();
        });
  }

  private void changeScreen(Context ctx) {
    User user = Requests.user(ctx);
    long screenId = Requests.idParam(ctx, "screen");
    change(
        ctx,
        "Saved the screen.",
        (p, version) -> {
          String position = Requests.form(ctx, "position");
          Integer to = null;
          if (position != null && !position.isEmpty()) {
            to = (int) Math.max(0, Math.min(Integer.MAX_VALUE, parseId("position", position)));
          }
          prototypes.changeScreen(
              user, p.key(), version, screenId, new ScreenChanges(ctx.formParam("name"), to));
          return screenId;
        });
  }

  private void deleteScreen(Context ctx) {
    User user = Requests.user(ctx);
    long screenId = Requests.idParam(ctx, "screen");
    change(
        ctx,
        "Deleted the screen.",
        (p, version) -> {
          prototypes.deleteScreen(user, p.key(), version, screenId);
          return 0;
        });
  }

  // ---- Hotspots ---------------------------------------------------------------------------

  private void addHotspot(Context ctx) {
    User user = Requests.user(ctx);
    long screenId = Requests.idParam(ctx, "screen");
    change(
        ctx,
        "Added the hotspot.",
        (p, version) -> {
          prototypes.addHotspot(user, p.key(), version, screenId, hotspotInput(ctx));
          return screenId;
        });
  }

  private void changeHotspot(Context ctx) {
    User user = Requests.user(ctx);
    long screenId = Requests.idParam(ctx, "screen");
    long hotspotId = Requests.idParam(ctx, "hotspot");
    change(
        ctx,
        "Saved the hotspot.",
        (p, version) -> {
          prototypes.changeHotspot(user, p.key(), version, screenId, hotspotId, hotspotInput(ctx));
          return screenId;
        });
  }

  private void deleteHotspot(Context ctx) {
    User user = Requests.user(ctx);
    long screenId = Requests.idParam(ctx, "screen");
    long hotspotId = Requests.idParam(ctx, "hotspot");
    change(
        ctx,
        "Deleted the hotspot.",
        (p, version) -> {
          prototypes.deleteHotspot(user, p.key(), version, screenId, hotspotId);
          return screenId;
        });
  }

  /**
   * The hotspot of a form, whose rectangle is given in percent of the screen (what people think
   * in); absent fields are null (kept when changing, refused by the service when drawing).
   */
  private static HotspotInput hotspotInput(Context ctx) {
    String target = Requests.form(ctx, "target_screen_id");
    return new HotspotInput(
        percent(ctx, "x"),
        percent(ctx, "y"),
        percent(ctx, "w"),
        percent(ctx, "h"),
        target == null || target.isEmpty() ? null : parseId("target_screen_id", target),
        ctx.formParam("label"));
  }

  private static Double percent(Context ctx, String field) {
    String text = Requests.form(ctx, field);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(text.replace(',', '.').replace("%", "").trim()) / 100.0;
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a number of percent, such as 12.5");
    }
  }

  // ---- Share links ------------------------------------------------------------------------

  private void share(Context ctx) {
    ProductAccess product = product(ctx);
    Prototype p = prototype(ctx, product).prototype();
    NewShare made;
    try {
      made = prototypes.share(Requests.user(ctx), p.key(), ctx.formParam("share_label"));
    } catch (Invalid e) {
      ctx.status(422);
      editor(ctx, Form.refused(ctx, e), null, null);
      return;
    }
    editor(ctx, Form.EMPTY, null, made);
  }

  private void revoke(Context ctx) {
    ProductAccess product = product(ctx);
    Prototype p = prototype(ctx, product).prototype();
    prototypes.revokeShare(Requests.user(ctx), p.key(), Requests.idParam(ctx, "share"));
    Flashes.success(ctx, "Revoked the share link: it no longer opens the prototype.");
    ctx.redirect(editorUrl(product, p) + "#shares");
  }
}
