package io.hatrack.definition.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.DefinitionJson.PersonJson;
import io.hatrack.definition.Person;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.ItemAccess;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Requirement documents and their templates over the API. */
public final class DocumentApi implements Routes {
  private static final String TAG = "Documents";
  private static final String DOC = "/api/v1/documents/{document}";
  private static final String TEMPLATES = "/api/v1/products/{product}/document-templates";

  private final DocumentService documents;
  private final DocumentTemplateService templates;
  private final DocumentExport export;
  private final Html html;
  private final ObjectMapper json;

  public DocumentApi(
      DocumentService documents,
      DocumentTemplateService templates,
      DocumentExport export,
      Html html,
      ObjectMapper json) {
    this.documents = documents;
    this.templates = templates;
    this.export = export;
    this.html = html;
    this.json = json;
  }

  /** A named approver and their decision. */
  public record DocumentApproverJson(
      long userId,
      String handle,
      String name,
      String decision,
      Integer decidedVersion,
      String comment,
      Instant decidedAt) {
    static DocumentApproverJson of(Approval a) {
      return new DocumentApproverJson(
          a.approver().id(),
          a.approver().handle(),
          a.approver().name(),
          a.decision().id(),
          a.decidedVersion(),
          a.comment(),
          a.decidedAt());
    }
  }

  /** A document in a listing: everything but its body. */
  public record DocumentSummaryJson(
      long id,
      String key,
      String title,
      String status,
      long version,
      int latestVersion,
      String template,
      List<DocumentApproverJson> approvers,
      long productId,
      Instant createdAt,
      Instant updatedAt,
      String url) {
    static DocumentSummaryJson of(Document d) {
      return new DocumentSummaryJson(
          d.id(),
          d.key(),
          d.title(),
          d.status().id(),
          d.version(),
          d.latestVersion(),
          d.templateKey(),
          d.approvals().stream().map(DocumentApproverJson::of).toList(),
          d.item().productId(),
          d.item().createdAt(),
          d.item().updatedAt(),
          "/i/" + d.key());
    }
  }

  /**
   * A document. {@code version} is the ETag for changes; {@code latest_version} the number of its
   * latest saved version, the one approvers approve.
   */
  public record DocumentJson(
      long id,
      String key,
      String title,
      String body,
      String bodyHtml,
      String status,
      long version,
      int latestVersion,
      String template,
      String templateName,
      List<DocumentApproverJson> approvers,
      long approvedCount,
      PersonJson reviewRequestedBy,
      Instant reviewRequestedAt,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {}

  /** Writing a new document: a template by key or id (blank when absent), a title, a body. */
  public record DocumentInput(String template, String title, String body) {}

  /** Changing a document's title and/or body: each change is saved as a new version. */
  public record DocumentPatch(String title, String body) {}

  /** Asking for a review: the approvers by handle ({@code ben} or {@code @ben}). */
  public record DocumentReviewInput(List<String> approvers) {}

  /**
   * An approver's decision: an optional comment, and optionally the number of the version reviewed
   * (refused with 409 when a newer version was saved since).
   */
  public record DocumentDecisionInput(String comment, Integer reviewedVersion) {}

  /** A saved version in the list of versions. */
  public record DocumentVersionInfoJson(
      int number, String title, PersonJson author, Instant savedAt, int characters) {}

  /** One saved version. */
  public record DocumentVersionJson(
      int number, String title, String body, String bodyHtml, PersonJson author, Instant savedAt) {}

  /** A run of a line's text; {@code changed} marks words that differ from the paired line. */
  public record DocumentDiffSegmentJson(String text, boolean changed) {}

  /** A line of a diff: {@code context}, {@code added} or {@code removed}. */
  public record DocumentDiffLineJson(
      String type,
      Integer oldNumber,
      Integer newNumber,
      String text,
      List<DocumentDiffSegmentJson> segments) {}

  /** A hunk of a diff, as in {@code diff -u}. */
  public record DocumentDiffHunkJson(
      int oldStart,
      int oldLines,
      int newStart,
      int newLines,
      String header,
      List<DocumentDiffLineJson> lines) {}

  /** The difference between two versions of a document. */
  public record DocumentDiffJson(
      int from,
      int to,
      String titleBefore,
      String titleAfter,
      boolean titleChanged,
      int added,
      int removed,
      boolean identical,
      List<DocumentDiffHunkJson> hunks) {}

  /** A document template; built-in ones have no id and cannot be changed. */
  public record DocumentTemplateJson(
      Long id,
      String key,
      String name,
      String description,
      String body,
      boolean builtIn,
      long version,
      List<String> outline,
      Instant updatedAt) {
    static DocumentTemplateJson of(DocumentTemplate t) {
      return new DocumentTemplateJson(
          t.id(),
          t.key(),
          t.name(),
          t.description(),
          t.body(),
          t.builtIn(),
          t.version(),
          t.outline(),
          t.updatedAt());
    }
  }

  /** Writing a product template; on a change, an absent field keeps its value. */
  public record DocumentTemplateInput(String name, String description, String body) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/documents", this::list)
        .summary("A product's requirement documents, most recently updated first")
        .tag(TAG)
        .query("status", "draft, in_review or approved: only documents with this status")
        .paged()
        .returnsList(DocumentSummaryJson.class);
    r.post("/api/v1/products/{product}/documents", this::create)
        .summary("Write a document from a template (editors)")
        .description(
            "template is a template key (prd, one-pager, technical-spec, rfc, blank, or a product"
                + " template's key) or a product template's id; without it the document starts"
                + " blank. Without a body the document starts with the template's text. The new"
                + " document is a draft at version 1.")
        .tag(TAG)
        .body(DocumentInput.class)
        .returns(201, DocumentJson.class);
    r.get(DOC, this::get)
        .summary("A document by id or key, with its status and approvers")
        .tag(TAG)
        .etag()
        .returns(200, DocumentJson.class);
    r.patch(DOC, this::update)
        .summary("Save a new version of a document's title and/or body (editors)")
        .description(
            "Every save is kept as a numbered version. Saving resets every approval (approvers"
                + " must approve the new version) and moves an approved document back to draft.")
        .tag(TAG)
        .body(DocumentPatch.class)
        .ifMatch()
        .etag()
        .returns(200, DocumentJson.class);
    r.delete(DOC, this::delete)
        .summary("Delete a document (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(DOC + "/restore", this::restore)
        .summary("Restore a deleted document (editors)")
        .tag(TAG)
        .etag()
        .returns(200, DocumentJson.class);
    r.get(DOC + "/versions", this::versions)
        .summary("Every saved version of a document, newest first")
        .tag(TAG)
        .returnsList(DocumentVersionInfoJson.class);
    r.get(DOC + "/versions/{number}", this::version)
        .summary("One saved version of a document, with its body")
        .tag(TAG)
        .returns(200, DocumentVersionJson.class);
    r.get(DOC + "/diff", this::diff)
        .summary("What changed between two versions of a document, as hunks of lines")
        .description(
            "Lines are context, added or removed; inside a changed line the segments marked"
                + " changed are the words that differ.")
        .tag(TAG)
        .query("from", "The older version number (default: the one before 'to')")
        .query("to", "The newer version number (default: the latest)")
        .returns(200, DocumentDiffJson.class);
    r.post(DOC + "/review", this::review)
        .summary("Ask named approvers to review a document (editors); they are notified")
        .description(
            "The approvers replace the document's list; those already named keep their decision."
                + " The document is in review until every approver approved its latest version.")
        .tag(TAG)
        .body(DocumentReviewInput.class)
        .returns(200, DocumentJson.class);
    r.post(DOC + "/approve", this::approve)
        .summary("Approve the latest version of a document (its named approvers)")
        .description("The body is optional.")
        .tag(TAG)
        .body(DocumentDecisionInput.class)
        .returns(200, DocumentJson.class);
    r.post(DOC + "/request-changes", this::requestChanges)
        .summary("Ask for changes to the latest version of a document (its named approvers)")
        .description("The body is optional; a comment saying what to change helps.")
        .tag(TAG)
        .body(DocumentDecisionInput.class)
        .returns(200, DocumentJson.class);
    r.get(DOC + "/export.md", this::exportMarkdown)
        .summary("Download a document as Markdown (text/markdown, its title as the first heading)")
        .tag(TAG);
    r.get(DOC + "/export.html", this::exportHtml)
        .summary("Download a document as one standalone, styled HTML file (text/html)")
        .tag(TAG);
    r.get(TEMPLATES, this::templates)
        .summary("The document templates of a product: the built-in ones, then its own")
        .tag(TAG)
        .returnsList(DocumentTemplateJson.class);
    r.post(TEMPLATES, this::createTemplate)
        .summary("Add a product template (editors); its key is made from its name")
        .tag(TAG)
        .body(DocumentTemplateInput.class)
        .returns(201, DocumentTemplateJson.class);
    r.get(TEMPLATES + "/{template}", this::template)
        .summary("A document template by key or id")
        .tag(TAG)
        .etag()
        .returns(200, DocumentTemplateJson.class);
    r.patch(TEMPLATES + "/{template}", this::updateTemplate)
        .summary("Change a product template (editors); built-in templates cannot be changed")
        .tag(TAG)
        .body(DocumentTemplateInput.class)
        .ifMatch()
        .etag()
        .returns(200, DocumentTemplateJson.class);
    r.delete(TEMPLATES + "/{template}", this::deleteTemplate)
        .summary("Delete a product template (editors); documents made from it are kept")
        .tag(TAG)
        .ifMatch()
        .noContent();
  }

  /** The JSON of a document for the uniform item endpoint. */
  Object representation(User user, ItemAccess access) {
    return json(documents.get(user, Long.toString(access.id())));
  }

  private DocumentJson json(DocumentService.DocumentView view) {
    Document d = view.document();
    String bodyHtml = html.markdown(d.body(), html.markdownContext(view.access().workspace()));
    return new DocumentJson(
        d.id(),
        d.key(),
        d.title(),
        d.body(),
        bodyHtml,
        d.status().id(),
        d.version(),
        d.latestVersion(),
        d.templateKey(),
        d.templateName(),
        d.approvals().stream().map(DocumentApproverJson::of).toList(),
        d.approvedCount(),
        person(d.reviewRequestedBy()),
        d.reviewRequestedAt(),
        d.item().productId(),
        d.item().createdBy(),
        d.item().createdAt(),
        d.item().updatedBy(),
        d.item().updatedAt(),
        "/i/" + d.key());
  }

  private static PersonJson person(Person p) {
    return p == null ? null : new PersonJson(p.id(), p.handle(), p.name());
  }

  /** Answers with the document as it now is, with its ETag. */
  private void answer(Context ctx, User user, Document d, int status) {
    var view = documents.get(user, Long.toString(d.id()));
    Requests.etag(ctx, view.document().version());
    ctx.status(status).json(json(view));
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    var slice =
        documents.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("status"),
            ctx.queryParam("cursor"),
            limit);
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(DocumentSummaryJson::of).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void create(Context ctx) {
    DocumentInput in = Requests.body(ctx, json, DocumentInput.class);
    User user = Requests.user(ctx);
    Document d =
        documents.create(
            user, ctx.pathParam("product"), new NewDocument(in.template(), in.title(), in.body()));
    ctx.header("Location", "/api/v1/documents/" + d.id());
    answer(ctx, user, d, 201);
  }

  private void get(Context ctx) {
    var view = documents.get(Requests.user(ctx), ctx.pathParam("document"));
    Requests.etag(ctx, view.document().version());
    ctx.json(json(view));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    DocumentPatch in = Requests.body(ctx, json, DocumentPatch.class);
    User user = Requests.user(ctx);
    Document d = documents.update(user, ctx.pathParam("document"), expected, in.title(), in.body());
    answer(ctx, user, d, 200);
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    documents.delete(Requests.user(ctx), ctx.pathParam("document"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    answer(ctx, user, documents.restore(user, ctx.pathParam("document")), 200);
  }

  private void versions(Context ctx) {
    List<DocumentVersionInfoJson> list =
        documents.versions(Requests.user(ctx), ctx.pathParam("document")).stream()
            .map(
                v ->
                    new DocumentVersionInfoJson(
                        v.number(), v.title(), person(v.author()), v.savedAt(), v.characters()))
            .toList();
    ctx.json(new ListJson<>(list, list.size(), null));
  }

  private void version(Context ctx) {
    User user = Requests.user(ctx);
    var view = documents.get(user, ctx.pathParam("document"));
    DocumentVersion v =
        documents.version(
            user, Long.toString(view.document().id()), number(ctx.pathParam("number"), "number"));
    ctx.json(
        new DocumentVersionJson(
            v.number(),
            v.title(),
            v.body(),
            html.markdown(v.body(), html.markdownContext(view.access().workspace())),
            person(v.author()),
            v.savedAt()));
  }

  private void diff(Context ctx) {
    var diff =
        documents.diff(
            Requests.user(ctx),
            ctx.pathParam("document"),
            optionalNumber(ctx.queryParam("from"), "from"),
            optionalNumber(ctx.queryParam("to"), "to"));
    ctx.json(diffJson(diff));
  }

  static DocumentDiffJson diffJson(DocumentService.VersionDiff diff) {
    TextDiff.Result r = diff.body();
    return new DocumentDiffJson(
        diff.from().number(),
        diff.to().number(),
        diff.from().title(),
        diff.to().title(),
        diff.titleChanged(),
        r.added(),
        r.removed(),
        r.identical() && !diff.titleChanged(),
        r.hunks().stream()
            .map(
                h ->
                    new DocumentDiffHunkJson(
                        h.oldStart(),
                        h.oldCount(),
                        h.newStart(),
                        h.newCount(),
                        h.header(),
                        h.lines().stream()
                            .map(
                                l ->
                                    new DocumentDiffLineJson(
                                        l.kind().id(),
                                        l.oldNumber(),
                                        l.newNumber(),
                                        l.text(),
                                        l.segments().stream()
                                            .map(
                                                s ->
                                                    new DocumentDiffSegmentJson(
                                                        s.text(), s.changed()))
                                            .toList()))
                            .toList()))
            .toList());
  }

  private static int number(String value, String field) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a version number such as 3");
    }
  }

  private static Integer optionalNumber(String value, String field) {
    return value == null || value.isBlank() ? null : number(value, field);
  }

  private void review(Context ctx) {
    DocumentReviewInput in = Requests.body(ctx, json, DocumentReviewInput.class);
    User user = Requests.user(ctx);
    answer(
        ctx, user, documents.requestReview(user, ctx.pathParam("document"), in.approvers()), 200);
  }

  private DocumentDecisionInput decision(Context ctx) {
    return ctx.bodyAsBytes().length == 0
        ? new DocumentDecisionInput(null, null)
        : Requests.body(ctx, json, DocumentDecisionInput.class);
  }

  private void approve(Context ctx) {
    DocumentDecisionInput in = decision(ctx);
    User user = Requests.user(ctx);
    Document d =
        documents.approve(user, ctx.pathParam("document"), in.reviewedVersion(), in.comment());
    answer(ctx, user, d, 200);
  }

  private void requestChanges(Context ctx) {
    DocumentDecisionInput in = decision(ctx);
    User user = Requests.user(ctx);
    Document d =
        documents.requestChanges(
            user, ctx.pathParam("document"), in.reviewedVersion(), in.comment());
    answer(ctx, user, d, 200);
  }

  private void exportMarkdown(Context ctx) {
    Document d = documents.get(Requests.user(ctx), ctx.pathParam("document")).document();
    ctx.header("Content-Disposition", DocumentExport.attachment(DocumentExport.filename(d, "md")))
        .contentType("text/markdown; charset=utf-8")
        .result(export.markdown(d));
  }

  private void exportHtml(Context ctx) {
    User user = Requests.user(ctx);
    var view = documents.get(user, ctx.pathParam("document"));
    Document d = view.document();
    ctx.header("Content-Disposition", DocumentExport.attachment(DocumentExport.filename(d, "html")))
        .contentType("text/html; charset=utf-8")
        .result(export.html(d, view.product().product().name(), user.zone()));
  }

  private void templates(Context ctx) {
    List<DocumentTemplateJson> list =
        templates.list(Requests.user(ctx), ctx.pathParam("product")).stream()
            .map(DocumentTemplateJson::of)
            .toList();
    ctx.json(new ListJson<>(list, list.size(), null));
  }

  private void createTemplate(Context ctx) {
    DocumentTemplateInput in = Requests.body(ctx, json, DocumentTemplateInput.class);
    DocumentTemplate t =
        templates.create(
            Requests.user(ctx),
            ctx.pathParam("product"),
            new TemplateInput(in.name(), in.description(), in.body()));
    ctx.header(
        "Location",
        "/api/v1/products/" + ctx.pathParam("product") + "/document-templates/" + t.key());
    Requests.etag(ctx, t.version());
    ctx.status(201).json(DocumentTemplateJson.of(t));
  }

  private void template(Context ctx) {
    DocumentTemplate t =
        templates.get(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("template"));
    Requests.etag(ctx, t.version());
    ctx.json(DocumentTemplateJson.of(t));
  }

  private void updateTemplate(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    DocumentTemplateInput in = Requests.body(ctx, json, DocumentTemplateInput.class);
    DocumentTemplate t =
        templates.update(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.pathParam("template"),
            expected,
            new TemplateInput(in.name(), in.description(), in.body()));
    Requests.etag(ctx, t.version());
    ctx.json(DocumentTemplateJson.of(t));
  }

  private void deleteTemplate(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    templates.delete(
        Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("template"), expected);
    ctx.status(204);
  }
}
