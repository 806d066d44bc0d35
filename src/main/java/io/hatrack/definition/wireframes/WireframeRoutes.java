package io.hatrack.definition.wireframes;

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
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;

/**
 * Wireframes in the browser: the list with thumbnails, the editor with its live preview (htmx posts
 * the source as you type and swaps in the drawing or the line at fault), the wireframe with its
 * versions, images and collaboration panel, and its drawings as images.
 */
public final class WireframeRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition/wireframes";

  private final WireframeService wireframes;
  private final AttachmentService attachments;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public WireframeRoutes(
      WireframeService wireframes,
      AttachmentService attachments,
      ProductService products,
      ItemPanels panels) {
    this.wireframes = wireframes;
    this.attachments = attachments;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE + "/preview", this::preview);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", ctx -> show(ctx, null));
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.getPage(BASE + "/{id}/svg", this::svg);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
    r.getPage(BASE + "/{id}/versions/{number}", ctx -> show(ctx, number(ctx)));
    r.getPage(BASE + "/{id}/versions/{number}/svg", this::versionSvg);
    r.postPage(BASE + "/{id}/versions/{number}/restore", this::restoreVersion);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /** The hat's address in the product, e.g. {@code /w/northwind/checkout/definition}. */
  private static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition";
  }

  private static String base(ProductAccess product) {
    return hat(product) + "/wireframes";
  }

  private static int number(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("number"));
    } catch (NumberFormatException e) {
      throw new NotFound("wireframe version");
    }
  }

  private Shell shell(Context ctx, ProductAccess product, String title, List<Shell.Crumb> crumbs) {
    List<Shell.Crumb> all =
        new java.util.ArrayList<>(
            List.of(
                new Shell.Crumb("Definition", hat(product) + "/items"),
                new Shell.Crumb("Wireframes", crumbs.isEmpty() ? null : base(product))));
    all.addAll(crumbs);
    return html.shells().product(ctx, product, "definition", title, all);
  }

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    String cursor = ctx.queryParam("cursor");
    Slice<WireframeSummary> slice =
        wireframes.list(Requests.user(ctx), Long.toString(product.id()), cursor, 48);
    html.page(
        ctx,
        "definition/wireframes/list.jte",
        shell(ctx, product, "Wireframes", List.of()),
        "product",
        product,
        "slice",
        slice,
        "base",
        base(product),
        "hat",
        hat(product),
        "firstPage",
        cursor == null || cursor.isBlank());
  }

  private Wireframe wireframe(Context ctx, ProductAccess product) {
    var view = wireframes.get(Requests.user(ctx), ctx.pathParam("id"));
    Long productId = view.wireframe().item().productId();
    if (productId == null || productId != product.id()) {
      throw new NotFound("wireframe");
    }
    return view.wireframe();
  }

  private void show(Context ctx, Integer shownNumber) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    Wireframe wireframe = wireframe(ctx, product);
    String ref = Long.toString(wireframe.id());
    WireframeVersion shown =
        shownNumber == null || shownNumber == wireframe.sourceVersion()
            ? null
            : wireframes.version(user, ref, shownNumber);
    ItemPanel panel = panels.build(user, ref);
    var gallery = attachments.list(user, ref, true);
    String path = base(product) + "/" + wireframe.id();
    List<Shell.Crumb> crumbs =
        shown == null
            ? List.of(new Shell.Crumb(wireframe.item().key(), null))
            : List.of(
                new Shell.Crumb(wireframe.item().key(), path),
                new Shell.Crumb("Version " + shown.number(), null));
    html.page(
        ctx,
        "definition/wireframes/show.jte",
        shell(ctx, product, wireframe.title(), crumbs),
        "wireframe",
        wireframe,
        "shown",
        shown,
        "versions",
        wireframes.versions(user, ref),
        "panel",
        panel,
        "groups",
        AttachmentGroup.of(gallery.attachments()),
        "base",
        base(product),
        "hat",
        hat(product));
  }

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "write wireframes");
    renderEditor(ctx, product, null, Form.of("source", STARTER), null);
  }

  /** What a new wireframe starts from: a small form to change. */
  static final String STARTER =
      """
      @startsalt
      {
        <b>Sign in
        Email    | "ana@example.com  "
        Password | "****             "
        [X] Remember me
        [Cancel] | [  Sign in  ]
      }
      @endsalt
      """;

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Wireframe w =
          wireframes.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              ctx.formParam("title"),
              ctx.formParam("source"));
      Flashes.success(ctx, "Saved " + w.item().key() + ".");
      ctx.redirect(base(product) + "/" + w.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, null, Form.refused(ctx, e), null);
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "edit wireframes");
    Wireframe w = wireframe(ctx, product);
    renderEditor(
        ctx,
        product,
        w,
        Form.of("title", w.title(), "source", w.source(), "version", Long.toString(w.version())),
        null);
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    Wireframe w = wireframe(ctx, product);
    long version = formVersion(ctx);
    try {
      Wireframe saved =
          wireframes.update(
              Requests.user(ctx),
              Long.toString(w.id()),
              version,
              ctx.formParam("title"),
              ctx.formParam("source"));
      Flashes.success(
          ctx,
          saved.sourceVersion() == w.sourceVersion()
              ? "Saved."
              : "Saved as version " + saved.sourceVersion() + ".");
      ctx.redirect(base(product) + "/" + w.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, w, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(
          ctx,
          product,
          w,
          Form.refused(ctx, e.getMessage()),
          wireframes.get(Requests.user(ctx), Long.toString(w.id())).wireframe());
    }
  }

  private static long formVersion(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  private void renderEditor(
      Context ctx, ProductAccess product, Wireframe w, Form form, Wireframe theirs) {
    String title = w == null ? "New wireframe" : "Edit " + w.title();
    List<Shell.Crumb> crumbs =
        w == null
            ? List.of(new Shell.Crumb("New", null))
            : List.of(
                new Shell.Crumb(w.item().key(), base(product) + "/" + w.id()),
                new Shell.Crumb("Edit", null));
    String source = form.value("source");
    SaltRenderer.Rendering preview = source.isBlank() ? null : wireframes.preview(source);
    html.page(
        ctx,
        "definition/wireframes/edit.jte",
        shell(ctx, product, title, crumbs),
        "wireframe",
        w,
        "form",
        form,
        "theirs",
        theirs,
        "preview",
        preview == null ? null : Preview.of(preview),
        "base",
        base(product),
        "hat",
        hat(product));
  }

  /** What the live preview shows: the drawing as a data: address, or the line at fault. */
  public record Preview(String dataUrl, String problem) {
    static Preview of(SaltRenderer.Rendering r) {
      return r.ok()
          ? new Preview(
              "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(r.svg()), null)
          : new Preview(null, r.problem().toString());
    }
  }

  private void preview(Context ctx) {
    product(ctx);
    String source = ctx.formParam("source");
    Preview preview =
        source == null || source.isBlank() ? null : Preview.of(wireframes.preview(source));
    html.fragment(ctx, "definition/wireframes/preview.jte", "preview", preview);
  }

  private void svg(Context ctx) {
    ProductAccess product = product(ctx);
    Wireframe w = wireframe(ctx, product);
    byte[] svg = wireframes.svg(Requests.user(ctx), Long.toString(w.id()));
    ImageAnswers.svg(ctx, svg, WireframeApi.fileName(w.item(), null), false);
  }

  private void versionSvg(Context ctx) {
    ProductAccess product = product(ctx);
    Wireframe w = wireframe(ctx, product);
    int number = number(ctx);
    byte[] svg = wireframes.versionSvg(Requests.user(ctx), Long.toString(w.id()), number);
    ImageAnswers.svg(ctx, svg, WireframeApi.fileName(w.item(), number), true);
  }

  private void restoreVersion(Context ctx) {
    ProductAccess product = product(ctx);
    Wireframe w = wireframe(ctx, product);
    int number = number(ctx);
    Wireframe saved =
        wireframes.restoreVersion(
            Requests.user(ctx), Long.toString(w.id()), formVersion(ctx), number);
    Flashes.success(
        ctx, "Version " + number + " is back, as version " + saved.sourceVersion() + ".");
    ctx.redirect(base(product) + "/" + w.id());
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Wireframe w = wireframe(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      version = w.version();
    }
    wireframes.delete(Requests.user(ctx), Long.toString(w.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the wireframe \u201c" + w.title() + "\u201d.",
        "Undo",
        base(product) + "/" + w.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Wireframe w = wireframes.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the wireframe \u201c" + w.title() + "\u201d.");
    ctx.redirect(base(product) + "/" + w.id());
  }
}
