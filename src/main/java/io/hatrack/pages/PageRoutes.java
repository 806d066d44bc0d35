package io.hatrack.pages;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanel;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.List;

/** The pages of a product in the browser: list, read, write, edit, delete with undo. */
public final class PageRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/pages";

  private final PageService pages;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public PageRoutes(PageService pages, ProductService products, ItemPanels panels) {
    this.pages = pages;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/pages";
  }

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    String cursor = ctx.queryParam("cursor");
    Slice<Item> slice = pages.list(Requests.user(ctx), Long.toString(product.id()), cursor, 50);
    Shell shell =
        html.shells()
            .product(ctx, product, "pages", "Pages", List.of(new Shell.Crumb("Pages", null)));
    html.page(
        ctx,
        "pages/list.jte",
        shell,
        "product",
        product,
        "slice",
        slice,
        "base",
        base(product),
        "firstPage",
        cursor == null || cursor.isBlank());
  }

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "write pages");
    renderEditor(ctx, product, null, Form.EMPTY, null);
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Page page =
          pages.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              ctx.formParam("title"),
              ctx.formParam("body"));
      ctx.redirect(base(product) + "/" + page.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, null, Form.refused(ctx, e), null);
    }
  }

  private Page page(Context ctx, ProductAccess product) {
    var view = pages.get(Requests.user(ctx), ctx.pathParam("id"));
    if (view.page().item().productId() == null || view.page().item().productId() != product.id()) {
      throw new NotFound("page");
    }
    return view.page();
  }

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    Page page = page(ctx, product);
    ItemPanel panel = panels.build(user, Long.toString(page.id()));
    String body = html.markdown(page.body(), html.markdownContext(product.workspace()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "pages",
                page.title(),
                List.of(
                    new Shell.Crumb("Pages", base(product)),
                    new Shell.Crumb(page.item().key(), null)));
    html.page(
        ctx,
        "pages/show.jte",
        shell,
        "page",
        page,
        "bodyHtml",
        body,
        "panel",
        panel,
        "base",
        base(product));
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "edit pages");
    Page page = page(ctx, product);
    renderEditor(
        ctx,
        product,
        page,
        Form.of(
            "title", page.title(), "body", page.body(), "version", Long.toString(page.version())),
        null);
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    Page page = page(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      pages.update(
          Requests.user(ctx),
          Long.toString(page.id()),
          version,
          ctx.formParam("title"),
          ctx.formParam("body"));
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + page.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, page, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(
          ctx,
          product,
          page,
          Form.refused(ctx, e.getMessage()),
          pages.get(Requests.user(ctx), Long.toString(page.id())).page());
    }
  }

  private void renderEditor(Context ctx, ProductAccess product, Page page, Form form, Page theirs) {
    String title = page == null ? "New page" : "Edit " + page.title();
    List<Shell.Crumb> crumbs =
        page == null
            ? List.of(new Shell.Crumb("Pages", base(product)), new Shell.Crumb("New", null))
            : List.of(
                new Shell.Crumb("Pages", base(product)),
                new Shell.Crumb(page.item().key(), base(product) + "/" + page.id()),
                new Shell.Crumb("Edit", null));
    Shell shell = html.shells().product(ctx, product, "pages", title, crumbs);
    html.page(
        ctx,
        "pages/edit.jte",
        shell,
        "page",
        page,
        "form",
        form,
        "theirs",
        theirs,
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Page page = page(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      version = page.version();
    }
    pages.delete(Requests.user(ctx), Long.toString(page.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the page \u201c" + page.title() + "\u201d.",
        "Undo",
        base(product) + "/" + page.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Page page = pages.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the page \u201c" + page.title() + "\u201d.");
    ctx.redirect(base(product) + "/" + page.id());
  }
}
