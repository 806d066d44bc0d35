package io.hatrack.definition.docs;

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
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Requirement documents in the browser: the list, writing one from a template, reading it with its
 * review, editing with conflict handling, versions and diffs, exports, and the product's templates.
 */
public final class DocumentRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition/documents";

  private final DocumentService documents;
  private final DocumentTemplateService templates;
  private final DocumentExport export;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public DocumentRoutes(
      DocumentService documents,
      DocumentTemplateService templates,
      DocumentExport export,
      ProductService products,
      ItemPanels panels) {
    this.documents = documents;
    this.templates = templates;
    this.export = export;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.getPage(BASE + "/new/preview", this::preview);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/templates", this::templatesPage);
    r.postPage(BASE + "/templates", this::createTemplate);
    r.getPage(BASE + "/templates/{template}/edit", this::editTemplate);
    r.postPage(BASE + "/templates/{template}", this::updateTemplate);
    r.postPage(BASE + "/templates/{template}/delete", this::deleteTemplate);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
    r.postPage(BASE + "/{id}/review", this::review);
    r.postPage(BASE + "/{id}/approve", ctx -> decide(ctx, Decision.APPROVED));
    r.postPage(BASE + "/{id}/request-changes", ctx -> decide(ctx, Decision.CHANGES_REQUESTED));
    r.getPage(BASE + "/{id}/versions", this::versions);
    r.getPage(BASE + "/{id}/versions/{number}", this::version);
    r.getPage(BASE + "/{id}/diff", this::diff);
    r.getPage(BASE + "/{id}/export.md", this::exportMarkdown);
    r.getPage(BASE + "/{id}/export.html", this::exportHtml);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /** The hat's address, e.g. {@code /w/northwind/checkout/definition}. */
  private static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition";
  }

  private static String base(ProductAccess product) {
    return hat(product) + "/documents";
  }

  private Shell shell(Context ctx, ProductAccess product, String title, List<Shell.Crumb> more) {
    List<Shell.Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Shell.Crumb("Definition", hat(product)));
    crumbs.add(new Shell.Crumb("Documents", more.isEmpty() ? null : base(product)));
    crumbs.addAll(more);
    return html.shells().product(ctx, product, "definition", title, crumbs);
  }

  private Shell documentShell(
      Context ctx, ProductAccess product, Document d, String title, String last) {
    String docPath = base(product) + "/" + d.key();
    List<Shell.Crumb> more = new ArrayList<>();
    more.add(new Shell.Crumb(d.key(), last == null ? null : docPath));
    if (last != null) {
      more.add(new Shell.Crumb(last, null));
    }
    return shell(ctx, product, title, more);
  }

  /** The document of the URL, which must belong to the product of the URL. */
  private DocumentService.DocumentView view(Context ctx, ProductAccess product) {
    var view = documents.get(Requests.user(ctx), ctx.pathParam("id"));
    Long productId = view.document().item().productId();
    if (productId == null || productId != product.id()) {
      throw new NotFound("document");
    }
    return view;
  }

  private static long formVersion(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  // The list.

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    String cursor = ctx.queryParam("cursor");
    String status = ctx.queryParam("status");
    DocumentStatus only =
        status == null || status.isBlank() ? null : DocumentStatus.parse("status", status);
    Slice<Document> slice =
        documents.list(Requests.user(ctx), Long.toString(product.id()), status, cursor, 50);
    html.page(
        ctx,
        "definition/documents/list.jte",
        shell(ctx, product, "Documents", List.of()),
        "product",
        product,
        "slice",
        slice,
        "status",
        only,
        "hat",
        hat(product),
        "base",
        base(product),
        "firstPage",
        cursor == null || cursor.isBlank());
  }

  // Writing a new one.

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "write documents");
    String chosen = ctx.queryParam("template");
    renderNew(ctx, product, Form.of("template", chosen == null ? "prd" : chosen, "title", ""));
  }

  private void renderNew(Context ctx, ProductAccess product, Form form) {
    List<DocumentTemplate> all = templates.list(Requests.user(ctx), Long.toString(product.id()));
    DocumentTemplate chosen =
        all.stream()
            .filter(t -> t.key().equals(form.value("template")))
            .findFirst()
            .orElse(all.get(0));
    html.page(
        ctx,
        "definition/documents/new.jte",
        shell(ctx, product, "New document", List.of(new Shell.Crumb("New", null))),
        "templates",
        all,
        "chosen",
        chosen,
        "chosenHtml",
        templateHtml(ctx, product, chosen),
        "form",
        form,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  /** A template rendered as a document by the reader, made today, would start. */
  private String templateHtml(Context ctx, ProductAccess product, DocumentTemplate t) {
    User user = Requests.user(ctx);
    String text =
        t.fill(
            "Untitled",
            product.product().name(),
            user.name(),
            java.time.LocalDate.now(user.zone()));
    return html.markdown(text, html.markdownContext(product.workspace()));
  }

  /** The preview of a template, for the htmx swap on the new-document page. */
  private void preview(Context ctx) {
    ProductAccess product = product(ctx);
    DocumentTemplate t =
        templates.get(Requests.user(ctx), Long.toString(product.id()), ctx.queryParam("template"));
    html.fragment(
        ctx,
        "definition/documents/template-preview.jte",
        "template",
        t,
        "bodyHtml",
        templateHtml(ctx, product, t));
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Document d =
          documents.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              NewDocument.of(ctx.formParam("template"), ctx.formParam("title")));
      Flashes.success(ctx, "Created " + d.key() + " from the template " + d.templateName() + ".");
      ctx.redirect(base(product) + "/" + d.key() + "/edit");
    } catch (Invalid e) {
      ctx.status(422);
      renderNew(ctx, product, Form.refused(ctx, e));
    }
  }

  // Reading.

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    renderShow(ctx, product, view(ctx, product), Form.EMPTY);
  }

  private void renderShow(
      Context ctx, ProductAccess product, DocumentService.DocumentView view, Form form) {
    User user = Requests.user(ctx);
    Document d = view.document();
    ItemPanel panel = panels.build(user, Long.toString(d.id()));
    List<Link> workItems =
        panel.links().stream().filter(l -> !l.other().kind().equals(Document.KIND)).toList();
    html.page(
        ctx,
        "definition/documents/show.jte",
        documentShell(ctx, product, d, d.title(), null),
        "view",
        view,
        "bodyHtml",
        html.markdown(d.body(), html.markdownContext(product.workspace())),
        "panel",
        panel,
        "linked",
        workItems,
        "candidates",
        view.canEdit() ? documents.possibleApprovers(view) : List.of(),
        "form",
        form,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  // Editing.

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "edit documents");
    Document d = view(ctx, product).document();
    renderEditor(
        ctx,
        product,
        d,
        Form.of(
            "title",
            d.title(),
            "body",
            d.body(),
            "version",
            Long.toString(d.version()),
            "base",
            Integer.toString(d.latestVersion())),
        null);
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    Document d = view(ctx, product).document();
    long version = formVersion(ctx);
    try {
      Document saved =
          documents.update(
              Requests.user(ctx),
              Long.toString(d.id()),
              version,
              ctx.formParam("title"),
              ctx.formParam("body"));
      Flashes.success(
          ctx,
          saved.latestVersion() == d.latestVersion()
              ? "Nothing changed, so no new version was saved."
              : "Saved version " + saved.latestVersion() + ".");
      ctx.redirect(base(product) + "/" + d.key());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, d, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(
          ctx,
          product,
          d,
          Form.refused(ctx, e.getMessage()),
          documents.get(Requests.user(ctx), Long.toString(d.id())).document());
    }
  }

  private void renderEditor(
      Context ctx, ProductAccess product, Document d, Form form, Document theirs) {
    html.page(
        ctx,
        "definition/documents/edit.jte",
        documentShell(ctx, product, d, "Edit " + d.title(), "Edit"),
        "document",
        d,
        "form",
        form,
        "theirs",
        theirs,
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Document d = view(ctx, product).document();
    long version;
    try {
      version = formVersion(ctx);
    } catch (Invalid e) {
      version = d.version();
    }
    documents.delete(Requests.user(ctx), Long.toString(d.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the document \u201c" + d.title() + "\u201d.",
        "Undo",
        base(product) + "/" + d.key() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Document d = documents.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the document \u201c" + d.title() + "\u201d.");
    ctx.redirect(base(product) + "/" + d.key());
  }

  // Reviewing.

  private void review(Context ctx) {
    ProductAccess product = product(ctx);
    var view = view(ctx, product);
    try {
      Document d =
          documents.requestReview(
              Requests.user(ctx), Long.toString(view.document().id()), ctx.formParams("approvers"));
      Flashes.success(
          ctx,
          d.status() == DocumentStatus.APPROVED
              ? "Every approver has already approved this version: the document is approved."
              : "Asked "
                  + d.approvals().size()
                  + (d.approvals().size() == 1 ? " approver" : " approvers")
                  + " to review version "
                  + d.latestVersion()
                  + ". They have been notified.");
      ctx.redirect(base(product) + "/" + view.document().key());
    } catch (Invalid e) {
      ctx.status(422);
      renderShow(ctx, product, view, Form.refused(ctx, e));
    }
  }

  private void decide(Context ctx, Decision decision) {
    ProductAccess product = product(ctx);
    var view = view(ctx, product);
    String ref = Long.toString(view.document().id());
    Integer reviewed;
    try {
      reviewed = Integer.valueOf(String.valueOf(ctx.formParam("reviewed_version")));
    } catch (NumberFormatException e) {
      reviewed = null;
    }
    try {
      Document d =
          decision == Decision.APPROVED
              ? documents.approve(Requests.user(ctx), ref, reviewed, ctx.formParam("comment"))
              : documents.requestChanges(
                  Requests.user(ctx), ref, reviewed, ctx.formParam("comment"));
      Flashes.success(
          ctx,
          decision == Decision.APPROVED
              ? (d.status() == DocumentStatus.APPROVED
                  ? "You approved version " + d.latestVersion() + ". The document is approved."
                  : "You approved version " + d.latestVersion() + ".")
              : "You asked for changes to version " + d.latestVersion() + ".");
      ctx.redirect(base(product) + "/" + view.document().key());
    } catch (Invalid e) {
      ctx.status(422);
      renderShow(ctx, product, view, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      var now = documents.get(Requests.user(ctx), ref);
      String message =
          "version_conflict".equals(e.code())
              ? "Version "
                  + now.document().latestVersion()
                  + " was saved while you were reviewing version "
                  + reviewed
                  + ". Read the document as it now reads and decide again."
              : e.getMessage();
      renderShow(ctx, product, now, Form.refused(ctx, message));
    }
  }

  // Versions and differences.

  private void versions(Context ctx) {
    ProductAccess product = product(ctx);
    var view = view(ctx, product);
    Document d = view.document();
    html.page(
        ctx,
        "definition/documents/versions.jte",
        documentShell(ctx, product, d, "Versions of " + d.title(), "Versions"),
        "document",
        d,
        "versions",
        documents.versions(Requests.user(ctx), Long.toString(d.id())),
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private void version(Context ctx) {
    ProductAccess product = product(ctx);
    Document d = view(ctx, product).document();
    int number;
    try {
      number = Integer.parseInt(ctx.pathParam("number"));
    } catch (NumberFormatException e) {
      throw new NotFound("document version");
    }
    DocumentVersion v = documents.version(Requests.user(ctx), Long.toString(d.id()), number);
    html.page(
        ctx,
        "definition/documents/version.jte",
        documentShell(
            ctx, product, d, v.title() + " (version " + number + ")", "Version " + number),
        "document",
        d,
        "version",
        v,
        "bodyHtml",
        html.markdown(v.body(), html.markdownContext(product.workspace())),
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private void diff(Context ctx) {
    ProductAccess product = product(ctx);
    Document d = view(ctx, product).document();
    User user = Requests.user(ctx);
    DocumentService.VersionDiff diff =
        documents.diff(
            user,
            Long.toString(d.id()),
            number(ctx.queryParam("from"), "from"),
            number(ctx.queryParam("to"), "to"));
    html.page(
        ctx,
        "definition/documents/diff.jte",
        documentShell(ctx, product, d, "Changes to " + d.title(), "Changes"),
        "document",
        d,
        "diff",
        diff,
        "versions",
        documents.versions(user, Long.toString(d.id())),
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private static Integer number(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a version number such as 3");
    }
  }

  // Exports.

  private void exportMarkdown(Context ctx) {
    Document d = view(ctx, product(ctx)).document();
    ctx.header("Content-Disposition", DocumentExport.attachment(DocumentExport.filename(d, "md")))
        .contentType("text/markdown; charset=utf-8")
        .result(export.markdown(d));
  }

  private void exportHtml(Context ctx) {
    ProductAccess product = product(ctx);
    Document d = view(ctx, product).document();
    ctx.header("Content-Disposition", DocumentExport.attachment(DocumentExport.filename(d, "html")))
        .contentType("text/html; charset=utf-8")
        .result(export.html(d, product.product().name(), Requests.user(ctx).zone()));
  }

  // The product's templates.

  private void templatesPage(Context ctx) {
    ProductAccess product = product(ctx);
    renderTemplates(ctx, product, Form.EMPTY);
  }

  private void renderTemplates(Context ctx, ProductAccess product, Form form) {
    List<DocumentTemplate> all = templates.list(Requests.user(ctx), Long.toString(product.id()));
    html.page(
        ctx,
        "definition/documents/templates.jte",
        shell(ctx, product, "Document templates", List.of(new Shell.Crumb("Templates", null))),
        "product",
        product,
        "templates",
        all,
        "form",
        form,
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void createTemplate(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      DocumentTemplate t =
          templates.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              new TemplateInput(
                  ctx.formParam("name"), ctx.formParam("description"), ctx.formParam("body")));
      Flashes.success(ctx, "Added the template \u201c" + t.name() + "\u201d.");
      ctx.redirect(base(product) + "/templates");
    } catch (Invalid e) {
      ctx.status(422);
      renderTemplates(ctx, product, Form.refused(ctx, e));
    }
  }

  private void editTemplate(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "change templates");
    DocumentTemplate t =
        templates.get(Requests.user(ctx), Long.toString(product.id()), ctx.pathParam("template"));
    if (t.builtIn()) {
      throw new NotFound("document template");
    }
    renderTemplateEditor(
        ctx,
        product,
        t,
        Form.of(
            "name",
            t.name(),
            "description",
            t.description(),
            "body",
            t.body(),
            "version",
            Long.toString(t.version())));
  }

  private void renderTemplateEditor(
      Context ctx, ProductAccess product, DocumentTemplate t, Form form) {
    html.page(
        ctx,
        "definition/documents/template-edit.jte",
        shell(
            ctx,
            product,
            "Edit " + t.name(),
            List.of(
                new Shell.Crumb("Templates", base(product) + "/templates"),
                new Shell.Crumb(t.name(), null))),
        "template",
        t,
        "form",
        form,
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void updateTemplate(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    DocumentTemplate t =
        templates.get(user, Long.toString(product.id()), ctx.pathParam("template"));
    try {
      templates.update(
          user,
          Long.toString(product.id()),
          t.key(),
          formVersion(ctx),
          new TemplateInput(
              ctx.formParam("name"), ctx.formParam("description"), ctx.formParam("body")));
      Flashes.success(ctx, "Saved the template.");
      ctx.redirect(base(product) + "/templates");
    } catch (Invalid e) {
      ctx.status(422);
      renderTemplateEditor(ctx, product, t, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      renderTemplateEditor(
          ctx,
          product,
          templates.get(user, Long.toString(product.id()), t.key()),
          Form.refused(
              ctx,
              "Someone else saved this template while you were editing it. Your text is kept"
                  + " below; save again to overwrite theirs, or reload to see it."));
    }
  }

  private void deleteTemplate(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    DocumentTemplate t =
        templates.get(user, Long.toString(product.id()), ctx.pathParam("template"));
    templates.delete(user, Long.toString(product.id()), t.key(), formVersion(ctx));
    Flashes.success(ctx, "Deleted the template \u201c" + t.name() + "\u201d.");
    ctx.redirect(base(product) + "/templates");
  }
}
