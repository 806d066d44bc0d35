package io.hatrack.definition.query;

import io.hatrack.definition.WorkItemRoutes;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Saved views in the browser: saving what the list or the board shows (query, columns, grouping) as
 * a view shared in the product, changing a view (a stale change is shown as a conflict with the
 * choice to reload or overwrite), and deleting one with a way back. Members open views from the
 * pickers of {@code WorkItemRoutes} and {@code BoardRoutes}; editors save them here.
 */
public final class ViewRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition/views";

  /**
   * Longer undo addresses are not offered: the flash cookie that carries them has to stay small.
   */
  private static final int MAX_UNDO_URL = 1500;

  private final SavedViewService views;
  private final ProductService products;
  private final Html html;

  public ViewRoutes(SavedViewService views, ProductService products, Html html) {
    this.views = views;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{view}/edit", this::editForm);
    r.postPage(BASE + "/{view}", this::update);
    r.postPage(BASE + "/{view}/delete", this::delete);
    r.postPage(BASE + "/{view}/restore", this::restore);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    ProductAccess product = products.access(Requests.user(ctx), ctx.pathParam("product"));
    if (!product.workspace().workspace().slug().equals(ctx.pathParam("ws"))) {
      throw new NotFound("product");
    }
    return product;
  }

  private static String ref(ProductAccess product) {
    return Long.toString(product.id());
  }

  /** The page that shows a view: the list or the board with the view picked. */
  private static String pageOf(ProductAccess product, SavedView view) {
    String base = WorkItemRoutes.base(product);
    return switch (view.layout()) {
      case LIST -> base + "/items?view=" + view.id();
      case BOARD -> base + "/board?view=" + view.id();
      case TREE -> base + "/tree";
    };
  }

  private static String pageOf(ProductAccess product, ViewLayout layout) {
    return WorkItemRoutes.base(product) + (layout == ViewLayout.BOARD ? "/board" : "/items");
  }

  /** The columns checked in the form, in their order. */
  private static List<String> columns(Context ctx) {
    return ctx.formParams("columns").stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
  }

  private static ViewLayout layout(Context ctx) {
    return ViewLayout.parse("layout", Requests.form(ctx, "layout"));
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  // ---- Saving ---------------------------------------------------------------------------------

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    ViewLayout layout = layout(ctx);
    boolean board = layout == ViewLayout.BOARD;
    SavedViewService.ViewInput in =
        new SavedViewService.ViewInput(
            Requests.form(ctx, "name"),
            layout.id(),
            Requests.form(ctx, "query"),
            board ? Requests.form(ctx, "group") : "",
            board ? List.of() : columns(ctx));
    try {
      SavedView saved = views.create(user, ref(product), in);
      Flashes.success(
          ctx,
          "Saved the view \u201c"
              + saved.name()
              + "\u201d for everyone in "
              + product.product().name()
              + ".");
      ctx.redirect(pageOf(product, saved));
    } catch (Invalid e) {
      ctx.status(422);
      renderForm(ctx, product, null, layout, Form.refused(ctx, e), columns(ctx), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderForm(ctx, product, null, layout, Form.refused(ctx, e.getMessage()), columns(ctx), null);
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "change saved views");
    SavedView view = views.get(Requests.user(ctx), ref(product), Requests.idParam(ctx, "view"));
    Form form =
        Form.of(
            "name", view.name(),
            "query", view.query(),
            "group", view.groupBy(),
            "version", Long.toString(view.version()));
    List<String> checked =
        view.columns().isEmpty() ? WorkItemQuery.DEFAULT_COLUMNS : view.columns();
    renderForm(ctx, product, view, view.layout(), form, checked, null);
  }

  /**
   * Saves the form over a view: a blank name keeps the view's name (the list's "save changes" sends
   * none); a list view takes the checked columns, a board view the grouping.
   */
  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    SavedView view = views.get(user, ref(product), Requests.idParam(ctx, "view"));
    boolean board = view.layout() == ViewLayout.BOARD;
    String name = Requests.form(ctx, "name");
    SavedViewService.ViewInput in =
        new SavedViewService.ViewInput(
            name == null || name.isBlank() ? null : name,
            null,
            Requests.form(ctx, "query"),
            board ? Requests.form(ctx, "group") : null,
            board ? null : columns(ctx));
    try {
      SavedView saved = views.update(user, ref(product), view.id(), version(ctx), in);
      Flashes.success(ctx, "Saved the changes to the view \u201c" + saved.name() + "\u201d.");
      ctx.redirect(pageOf(product, saved));
    } catch (Invalid e) {
      ctx.status(422);
      renderForm(
          ctx,
          product,
          view,
          view.layout(),
          refused(ctx, Form.refused(ctx, e), view),
          columns(ctx),
          null);
    } catch (Conflict e) {
      ctx.status(409);
      boolean stale = "version_conflict".equals(e.code());
      SavedView theirs = stale ? views.get(user, ref(product), view.id()) : null;
      renderForm(
          ctx,
          product,
          view,
          view.layout(),
          refused(ctx, Form.refused(ctx, e.getMessage()), view),
          columns(ctx),
          theirs);
    }
  }

  /** The refused form with the view's name back in it when the name was left blank. */
  private static Form refused(Context ctx, Form form, SavedView view) {
    String name = Requests.form(ctx, "name");
    if (name != null && !name.isBlank()) {
      return form;
    }
    java.util.Map<String, String> values = new java.util.HashMap<>(form.values());
    values.put("name", view.name());
    return new Form(values, form.errors(), form.message());
  }

  private void renderForm(
      Context ctx,
      ProductAccess product,
      SavedView view,
      ViewLayout layout,
      Form form,
      List<String> checked,
      SavedView theirs) {
    String base = WorkItemRoutes.base(product);
    String title = view == null ? "Save a view" : "Edit the view " + view.name();
    html.page(
        ctx,
        "definition/views/form.jte",
        html.shells()
            .product(
                ctx,
                product,
                "definition",
                title,
                List.of(
                    new Shell.Crumb("Definition", base + "/items"),
                    new Shell.Crumb("Views", null),
                    new Shell.Crumb(view == null ? "New" : view.name(), null))),
        "product",
        product,
        "base",
        base,
        "view",
        view,
        "layout",
        layout.id(),
        "form",
        form,
        "checked",
        checked,
        "choices",
        views.choices(Requests.user(ctx), ref(product), layout, null),
        "theirs",
        theirs,
        "cancel",
        view == null ? pageOf(product, layout) : pageOf(product, view));
  }

  // ---- Deleting and undoing -------------------------------------------------------------------

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    SavedView view = views.get(user, ref(product), Requests.idParam(ctx, "view"));
    try {
      views.delete(user, ref(product), view.id(), version(ctx));
    } catch (Conflict e) {
      Flashes.error(
          ctx, e.getMessage() + "; nothing was deleted. Look at the view again, then delete it.");
      ctx.redirect(pageOf(product, view));
      return;
    }
    String message = "Deleted the view \u201c" + view.name() + "\u201d.";
    String undo = undoUrl(product, view);
    if (undo.length() <= MAX_UNDO_URL) {
      Flashes.withAction(ctx, message, "Undo", undo);
    } else {
      Flashes.success(ctx, message);
    }
    ctx.redirect(pageOf(product, view.layout()));
  }

  /** The address that saves a deleted view again: everything it held is in the query string. */
  private static String undoUrl(ProductAccess product, SavedView view) {
    return WorkItemRoutes.base(product)
        + "/views/"
        + view.id()
        + "/restore?name="
        + encode(view.name())
        + "&layout="
        + view.layout().id()
        + "&query="
        + encode(view.query())
        + "&group="
        + encode(view.groupBy())
        + "&columns="
        + encode(String.join(",", view.columns()));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Undo of a delete: saves the view again from what the undo address carries. */
  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    String columns = ctx.queryParam("columns");
    SavedViewService.ViewInput in =
        new SavedViewService.ViewInput(
            ctx.queryParam("name"),
            ctx.queryParam("layout"),
            ctx.queryParam("query"),
            ctx.queryParam("group"),
            columns == null || columns.isBlank() ? List.of() : Arrays.asList(columns.split(",")));
    try {
      SavedView restored = views.create(Requests.user(ctx), ref(product), in);
      Flashes.success(ctx, "The view \u201c" + restored.name() + "\u201d is back.");
      ctx.redirect(pageOf(product, restored));
    } catch (Invalid | Conflict e) {
      String reason =
          e instanceof Invalid invalid && !invalid.errors().isEmpty()
              ? invalid.errors().get(0).field() + " " + invalid.errors().get(0).reason()
              : e.getMessage();
      Flashes.error(ctx, "The view could not be saved again: " + reason + ".");
      ctx.redirect(WorkItemRoutes.base(product) + "/items");
    }
  }
}
