package io.hatrack.definition.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.List;

/**
 * Requirement documents put together: templates, documents with versions and reviews, their API,
 * pages and demo part. {@code DefinitionHat} builds one and hands out its routes and demo seed.
 */
public final class Documents {
  /** The item kind of a document: its pages live under the definition hat. */
  public static final ItemKind KIND =
      new ItemKind(Document.KIND, "Document", "definition/documents");

  /** What documents take from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      Notifier notifier,
      AuditLog audit,
      Clock clock) {}

  private final Kernel kernel;
  private final DocumentTemplateService templates;
  private final DocumentService documents;

  public Documents(Kernel k) {
    this.kernel = k;
    this.templates =
        new DocumentTemplateService(
            k.db(),
            new DocumentTemplateStore(),
            new BuiltInTemplates(),
            k.products(),
            k.audit(),
            k.clock());
    this.documents =
        new DocumentService(
            k.db(),
            new DocumentStore(),
            templates,
            k.products(),
            k.workspaces(),
            new DocumentService.Kernel(k.items(), k.notifier(), k.audit(), k.clock()));
  }

  /** The documents API and pages; registers a document's JSON for the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    DocumentExport export = new DocumentExport(html);
    DocumentApi api = new DocumentApi(documents, templates, export, html, json);
    representations.register(Document.KIND, api::representation);
    return List.of(
        api, new DocumentRoutes(documents, templates, export, kernel.products(), panels));
  }

  /** The documents of the demo story. */
  public DemoSeed demo() {
    return new DocumentsDemo(documents, templates, kernel.items(), kernel.collaboration());
  }

  public DocumentService documents() {
    return documents;
  }

  public DocumentTemplateService templates() {
    return templates;
  }
}
