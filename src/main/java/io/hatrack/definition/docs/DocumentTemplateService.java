package io.hatrack.definition.docs;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Slugs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Document templates: the built-in ones every product has, and those a product's editors add,
 * change and delete. Documents copy their template's text when they are created, so changing or
 * deleting a template never changes a document.
 */
public final class DocumentTemplateService {
  /** The longest template name accepted. */
  public static final int MAX_NAME = 100;

  /** The longest description accepted. */
  public static final int MAX_DESCRIPTION = 500;

  private final Database db;
  private final DocumentTemplateStore store;
  private final BuiltInTemplates builtIns;
  private final ProductService products;
  private final AuditLog audit;
  private final Clock clock;

  public DocumentTemplateService(
      Database db,
      DocumentTemplateStore store,
      BuiltInTemplates builtIns,
      ProductService products,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.builtIns = builtIns;
    this.products = products;
    this.audit = audit;
    this.clock = clock;
  }

  /** The built-in templates, then the product's own by name. */
  public List<DocumentTemplate> list(User actor, String productRef) {
    return db.read(h -> list(h, products.access(h, actor, productRef)));
  }

  List<DocumentTemplate> list(Handle h, ProductAccess product) {
    List<DocumentTemplate> all = new ArrayList<>(builtIns.all());
    all.addAll(store.list(h, product.id()));
    return all;
  }

  /** A template by key ({@code prd}) or, for a product template, by id. */
  public DocumentTemplate get(User actor, String productRef, String ref) {
    return db.read(
        h ->
            find(h, products.access(h, actor, productRef), ref)
                .orElseThrow(() -> new NotFound("document template")));
  }

  /**
   * The template a new document starts from (the blank one when {@code ref} is blank); an {@link
   * Invalid} on {@code template} naming the choices when there is no such template.
   */
  DocumentTemplate resolve(Handle h, ProductAccess product, String ref) {
    if (ref == null || ref.isBlank()) {
      return builtIns.byKey(BuiltInTemplates.BLANK).orElseThrow();
    }
    return find(h, product, ref.trim())
        .orElseThrow(
            () ->
                Invalid.field(
                    "template",
                    "no template '"
                        + ref.trim()
                        + "' in this product; choose one of "
                        + String.join(
                            ", ", list(h, product).stream().map(DocumentTemplate::key).toList())));
  }

  private java.util.Optional<DocumentTemplate> find(Handle h, ProductAccess product, String ref) {
    String clean = ref == null ? "" : ref.trim();
    var builtIn = builtIns.byKey(clean);
    if (builtIn.isPresent()) {
      return builtIn;
    }
    if (clean.matches("\\d{1,18}")) {
      return store.byId(h, product.id(), Long.parseLong(clean));
    }
    return store.byKey(h, product.id(), clean);
  }

  public DocumentTemplate create(User actor, String productRef, TemplateInput in) {
    return db.tx(h -> create(h, actor, products.access(h, actor, productRef), in));
  }

  /** Adds a product template inside the caller's transaction (the demo uses this). */
  public DocumentTemplate create(Handle h, User actor, ProductAccess product, TemplateInput in) {
    product.require(Role.EDITOR, "add document templates");
    DocumentTemplateStore.Fields fields =
        validate(
            h,
            product,
            0,
            new DocumentTemplateStore.Fields(
                strip(in.name()), strip(in.description()), in.body() == null ? "" : in.body()));
    String key = freeKey(h, product, Slugs.fromName(fields.name()));
    long id = store.insert(h, product.id(), key, fields, actor.id(), clock.instant());
    audit.record(
        h,
        change(
            product,
            actor,
            "document_template.created",
            "added the document template \u201c" + fields.name() + "\u201d",
            null,
            Map.of("name", fields.name(), "key", key)));
    return store.byId(h, product.id(), id).orElseThrow();
  }

  /** Changes a product template if it is still at {@code expectedVersion}. */
  public DocumentTemplate update(
      User actor, String productRef, String ref, long expectedVersion, TemplateInput in) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "change templates");
          DocumentTemplate old = own(h, product, ref);
          DocumentTemplateStore.Fields fields =
              validate(
                  h,
                  product,
                  old.id(),
                  new DocumentTemplateStore.Fields(
                      in.name() == null ? old.name() : strip(in.name()),
                      in.description() == null ? old.description() : strip(in.description()),
                      in.body() == null ? old.body() : in.body()));
          if (!store.update(h, old.id(), expectedVersion, fields, actor.id(), clock.instant())) {
            throw Conflict.staleVersion("This template", expectedVersion, old.version());
          }
          audit.record(
              h,
              change(
                  product,
                  actor,
                  "document_template.updated",
                  "changed the document template \u201c" + fields.name() + "\u201d",
                  Map.of("name", old.name()),
                  Map.of("name", fields.name())));
          return store.byId(h, product.id(), old.id()).orElseThrow();
        });
  }

  /** Deletes a product template; documents made from it keep their text. */
  public void delete(User actor, String productRef, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "delete templates");
          DocumentTemplate old = own(h, product, ref);
          if (!store.delete(h, old.id(), expectedVersion)) {
            throw Conflict.staleVersion("This template", expectedVersion, old.version());
          }
          audit.record(
              h,
              change(
                  product,
                  actor,
                  "document_template.deleted",
                  "deleted the document template \u201c" + old.name() + "\u201d",
                  Map.of("name", old.name()),
                  null));
        });
  }

  /** A product template (not a built-in one) of the product. */
  private DocumentTemplate own(Handle h, ProductAccess product, String ref) {
    DocumentTemplate t = find(h, product, ref).orElseThrow(() -> new NotFound("document template"));
    if (t.builtIn()) {
      throw Invalid.field(
          "template",
          "is built in and cannot be changed or deleted; add a product template based on it"
              + " instead");
    }
    return t;
  }

  private DocumentTemplateStore.Fields validate(
      Handle h, ProductAccess product, long exceptId, DocumentTemplateStore.Fields f) {
    Validation v =
        new Validation()
            .text("name", f.name(), MAX_NAME)
            .optionalText("description", f.description(), MAX_DESCRIPTION)
            .optionalText("body", f.body(), DocumentService.MAX_BODY);
    if (!v.has("name")) {
      v.check(
          "name",
          builtIns.all().stream().noneMatch(t -> t.name().equalsIgnoreCase(f.name()))
              && !store.nameTaken(h, product.id(), f.name(), exceptId),
          "is already the name of a template in this product");
    }
    v.orThrow();
    return f;
  }

  /** {@code base}, or {@code base-2}, {@code base-3}, ... if a template already has it. */
  private String freeKey(Handle h, ProductAccess product, String base) {
    String key = base;
    for (int n = 2; builtIns.taken(key) || store.byKey(h, product.id(), key).isPresent(); n++) {
      key = base + "-" + n;
    }
    return key;
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  private static Change change(
      ProductAccess product,
      User actor,
      String action,
      String summary,
      Object before,
      Object after) {
    return new Change(
        product.workspace().id(),
        product.id(),
        null,
        actor.id(),
        action,
        summary,
        before,
        after,
        true);
  }
}
