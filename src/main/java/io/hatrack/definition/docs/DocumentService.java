package io.hatrack.definition.docs;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.Mentions;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Requirement documents: written from a template, every save kept as a numbered version, reviewed
 * by named approvers. A document is approved when every named approver approved its latest version;
 * any edit puts the approvers back to pending (and an approved document back to draft), so that an
 * approval always means the text as it now reads.
 */
public final class DocumentService {
  /** The longest title accepted, in characters. */
  public static final int MAX_TITLE = 200;

  /** The longest body accepted, in characters. */
  public static final int MAX_BODY = 200_000;

  /** The longest comment an approver may give with a decision. */
  public static final int MAX_COMMENT = 5_000;

  /** The most approvers a document may name. */
  public static final int MAX_APPROVERS = 20;

  private final Database db;
  private final DocumentStore store;
  private final DocumentTemplateService templates;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final Kernel kernel;

  /** The kernel services a document needs: identity, notifications, the audit log, the time. */
  public record Kernel(ItemService items, Notifier notifier, AuditLog audit, Clock clock) {}

  public DocumentService(
      Database db,
      DocumentStore store,
      DocumentTemplateService templates,
      ProductService products,
      WorkspaceService workspaces,
      Kernel kernel) {
    this.db = db;
    this.store = store;
    this.templates = templates;
    this.products = products;
    this.workspaces = workspaces;
    this.kernel = kernel;
  }

  /** A document as one reader sees it: with their access, which decides what the UI offers. */
  public record DocumentView(
      Document document, ItemAccess access, ProductAccess product, long readerId) {
    public boolean canEdit() {
      return access.role().atLeast(Role.EDITOR);
    }

    /** True when the reader is a named approver and the document is under review. */
    public boolean canDecide() {
      return document.status() != DocumentStatus.DRAFT
          && access.role().atLeast(Role.COMMENTER)
          && document.approvalOf(readerId).isPresent();
    }

    /** The reader's own approval, if they are a named approver. */
    public Optional<Approval> mine() {
      return document.approvalOf(readerId);
    }
  }

  // Writing.

  public Document create(User actor, String productRef, NewDocument in) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "write documents");
          return create(h, actor, product, in);
        });
  }

  /** Creates a document inside the caller's transaction (the demo uses this). */
  public Document create(Handle h, User actor, ProductAccess product, NewDocument in) {
    product.require(Role.EDITOR, "write documents");
    String title = in.title() == null ? null : in.title().strip();
    new Validation()
        .text("title", title, MAX_TITLE)
        .optionalText("body", in.body(), MAX_BODY)
        .orThrow();
    DocumentTemplate template = templates.resolve(h, product, in.template());
    Instant now = kernel.clock().instant();
    String body =
        in.body() != null
            ? in.body()
            : template.fill(
                title,
                product.product().name(),
                actor.name(),
                LocalDate.ofInstant(now, actor.zone()));
    new Validation().optionalText("body", body, MAX_BODY).orThrow();
    Item item = kernel.items().create(h, actor, product, Document.KIND, title);
    store.insert(
        h,
        item.id(),
        new DocumentStore.NewRow(product.id(), template.key(), template.name(), body));
    store.insertVersion(h, item.id(), 1, title, body, actor.id(), now);
    kernel
        .notifier()
        .mentioned(
            h,
            item,
            actor,
            Mentions.handles(body),
            actor.name() + " mentioned you in " + item.label());
    kernel
        .audit()
        .record(
            h,
            item.change(
                actor.id(),
                "document.created",
                "wrote the document " + item.label() + " from the template " + template.name(),
                null,
                Map.of("title", title, "template", template.key(), "version", 1)));
    return store.byId(h, item.id()).orElseThrow();
  }

  /**
   * Saves a new version with the given title and/or body (null keeps a field) if the document is
   * still at {@code expectedVersion}. Saving puts every approver back to pending; an approved
   * document goes back to draft. Saving without a change makes no version.
   */
  public Document update(User actor, String ref, long expectedVersion, String title, String body) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "edit documents");
          store.lock(h, access.id());
          Document old = store.byId(h, access.id()).orElseThrow();
          String newTitle = title == null ? old.title() : title.strip();
          String newBody = body == null ? old.body() : body;
          new Validation()
              .text("title", newTitle, MAX_TITLE)
              .optionalText("body", newBody, MAX_BODY)
              .orThrow();
          if (newTitle.equals(old.title()) && newBody.equals(old.body())) {
            if (expectedVersion != old.version()) {
              throw Conflict.staleVersion("This document", expectedVersion, old.version());
            }
            return old;
          }
          kernel.items().bump(h, actor, old.item(), expectedVersion, newTitle);
          return saveVersion(h, actor, old, newTitle, newBody);
        });
  }

  private Document saveVersion(
      Handle h, User actor, Document old, String newTitle, String newBody) {
    Instant now = kernel.clock().instant();
    int number = old.latestVersion() + 1;
    DocumentStatus status =
        old.status() == DocumentStatus.APPROVED ? DocumentStatus.DRAFT : old.status();
    store.insertVersion(h, old.id(), number, newTitle, newBody, actor.id(), now);
    store.saveBody(h, old.id(), newBody, number, status);
    store.resetDecisions(h, old.id());
    Document saved = store.byId(h, old.id()).orElseThrow();
    Item item = saved.item();
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    if (!newTitle.equals(old.title())) {
      before.put("title", old.title());
      after.put("title", newTitle);
    }
    before.put("version", old.latestVersion());
    after.put("version", number);
    kernel
        .audit()
        .record(
            h,
            old.item()
                .change(
                    actor.id(),
                    "document.updated",
                    "saved version " + number + " of the document " + item.label(),
                    before,
                    after));
    Set<Long> told = new HashSet<>();
    Set<String> added = Mentions.handles(newBody);
    added.removeAll(Mentions.handles(old.body()));
    told.addAll(
        kernel
            .notifier()
            .mentioned(h, item, actor, added, actor.name() + " mentioned you in " + item.label()));
    if (old.status() == DocumentStatus.APPROVED) {
      kernel
          .audit()
          .record(
              h,
              item.change(
                  actor.id(),
                  "document.reopened",
                  "moved "
                      + item.label()
                      + " back to draft: version "
                      + number
                      + " was saved after its approval, so the approvals were reset",
                  Map.of("status", DocumentStatus.APPROVED.id()),
                  Map.of("status", DocumentStatus.DRAFT.id())));
    } else if (old.status() == DocumentStatus.IN_REVIEW) {
      List<String> decided =
          old.approvals().stream()
              .filter(a -> a.decision() != Decision.PENDING)
              .map(a -> a.approver().handle())
              .toList();
      told.addAll(
          kernel
              .notifier()
              .mentioned(
                  h,
                  item,
                  actor,
                  decided,
                  actor.name()
                      + " saved version "
                      + number
                      + " of "
                      + item.label()
                      + "; your review of the new version is needed"));
    }
    kernel
        .notifier()
        .watchers(
            h,
            item,
            actor,
            actor.name() + " saved version " + number + " of " + item.label(),
            told);
    return saved;
  }

  /** Deletes a document; it can be restored with {@link #restore}. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = access(h, actor, ref);
          kernel.items().delete(h, actor, access, expectedVersion);
          Item item = access.item();
          kernel
              .audit()
              .record(
                  h,
                  item.change(
                      actor.id(),
                      "document.deleted",
                      "deleted the document " + item.label(),
                      Map.of("title", item.title()),
                      null));
        });
  }

  /** Brings a deleted document back, as it was. */
  public Document restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = kernel.items().accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(Document.KIND)) {
            throw new NotFound("document");
          }
          Item item = kernel.items().restore(h, actor, access);
          kernel
              .audit()
              .record(
                  h,
                  item.change(
                      actor.id(),
                      "document.restored",
                      "restored the document " + item.label(),
                      null,
                      Map.of("title", item.title())));
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  // Reading.

  public DocumentView get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref);
          Document document = store.byId(h, access.id()).orElseThrow();
          ProductAccess product =
              products.access(h, actor, Long.toString(document.item().productId()));
          return new DocumentView(document, access, product, actor.id());
        });
  }

  /**
   * The live documents of a product, most recently updated first; {@code status} (draft, in_review,
   * approved) keeps one status, null or blank keeps all.
   */
  public Slice<Document> list(
      User actor, String productRef, String status, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    DocumentStatus only =
        status == null || status.isBlank() ? null : DocumentStatus.parse("status", status);
    Instant afterUpdated = null;
    long afterId = 0;
    if (cursor != null && !cursor.isBlank()) {
      long[] parts = Cursor.decode(cursor, 2);
      afterUpdated = Instant.ofEpochMilli(parts[0]);
      afterId = parts[1];
    }
    Instant at = afterUpdated;
    long id = afterId;
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<Document> rows = store.list(h, product.id(), only, at, id, limit + 1);
          boolean more = rows.size() > limit;
          List<Document> shown = more ? rows.subList(0, limit) : rows;
          Item last = shown.isEmpty() ? null : shown.get(shown.size() - 1).item();
          String next = more ? Cursor.encode(last.updatedAt().toEpochMilli(), last.id()) : null;
          long total =
              only == null
                  ? kernel.items().liveCount(h, product.id(), Document.KIND)
                  : store.count(h, product.id(), only);
          return new Slice<>(shown, total, next);
        });
  }

  /** Every saved version of a document, newest first. */
  public List<DocumentVersion.Info> versions(User actor, String ref) {
    return db.read(h -> store.versions(h, access(h, actor, ref).id()));
  }

  /** One saved version of a document. */
  public DocumentVersion version(User actor, String ref, int number) {
    return db.read(
        h ->
            store
                .version(h, access(h, actor, ref).id(), number)
                .orElseThrow(() -> new NotFound("document version")));
  }

  /** What changed between two saved versions of a document. */
  public record VersionDiff(
      Document document, DocumentVersion from, DocumentVersion to, TextDiff.Result body) {
    public boolean titleChanged() {
      return !from.title().equals(to.title());
    }
  }

  /**
   * The difference between versions {@code from} and {@code to} of a document, in either order. A
   * missing {@code to} is the latest version; a missing {@code from} the one before {@code to}.
   */
  public VersionDiff diff(User actor, String ref, Integer from, Integer to) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref);
          Document document = store.byId(h, access.id()).orElseThrow();
          int latest = document.latestVersion();
          int target = to == null ? latest : to;
          int source = from == null ? Math.max(1, target - 1) : from;
          String rule = "must be a version from 1 to " + latest;
          new Validation()
              .check("from", source >= 1 && source <= latest, rule)
              .check("to", target >= 1 && target <= latest, rule)
              .orThrow();
          DocumentVersion a = store.version(h, access.id(), source).orElseThrow();
          DocumentVersion b = store.version(h, access.id(), target).orElseThrow();
          return new VersionDiff(document, a, b, TextDiff.of(a.body(), b.body()));
        });
  }

  /** The members who may be named approvers: everyone with at least the commenter role. */
  public List<Member> possibleApprovers(DocumentView view) {
    return workspaces.members(view.access().workspace()).stream()
        .filter(m -> m.role().atLeast(Role.COMMENTER))
        .toList();
  }

  // Reviewing.

  /**
   * Asks the members named by handle to approve the document (editors). Approvers no longer named
   * are dropped; those already named keep their decision. Approvers who have yet to approve the
   * latest version are notified.
   */
  public Document requestReview(User actor, String ref, List<String> approverHandles) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "ask for reviews");
          store.lock(h, access.id());
          Document old = store.byId(h, access.id()).orElseThrow();
          List<User> approvers = approvers(h, access, approverHandles);
          Instant now = kernel.clock().instant();
          Set<Long> named = new HashSet<>();
          approvers.forEach(u -> named.add(u.id()));
          for (Approval a : old.approvals()) {
            if (!named.contains(a.approver().id())) {
              store.removeApprover(h, old.id(), a.approver().id());
            }
          }
          for (User u : approvers) {
            if (old.approvalOf(u.id()).isEmpty()) {
              store.addApprover(h, old.id(), u.id(), now);
            }
          }
          store.reviewRequested(h, old.id(), actor.id(), now);
          Document asked = store.byId(h, old.id()).orElseThrow();
          Item item = asked.item();
          List<String> waiting =
              asked.approvals().stream()
                  .filter(a -> !approvedLatest(asked, a))
                  .map(a -> a.approver().handle())
                  .toList();
          kernel
              .notifier()
              .mentioned(
                  h,
                  item,
                  actor,
                  waiting,
                  actor.name()
                      + " asked you to review version "
                      + asked.latestVersion()
                      + " of "
                      + item.label());
          kernel
              .audit()
              .record(
                  h,
                  item.change(
                      actor.id(),
                      "document.review_requested",
                      "asked "
                          + String.join(
                              ", ", approvers.stream().map(u -> "@" + u.handle()).toList())
                          + " to review version "
                          + asked.latestVersion()
                          + " of "
                          + item.label(),
                      Map.of(
                          "status",
                          old.status().id(),
                          "approvers",
                          old.approvals().stream().map(a -> a.approver().handle()).toList()),
                      Map.of(
                          "status",
                          DocumentStatus.IN_REVIEW.id(),
                          "approvers",
                          approvers.stream().map(User::handle).toList())));
          return settle(h, actor, asked, true);
        });
  }

  /** The named approvers: members by handle, each at least a commenter, none twice. */
  private List<User> approvers(Handle h, ItemAccess access, List<String> handles) {
    List<String> given = handles == null ? List.of() : handles;
    if (given.stream().allMatch(s -> s == null || s.isBlank())) {
      throw Invalid.field("approvers", "name at least one approver");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<User> out = new ArrayList<>();
    for (String raw : given) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String handle = raw.trim().replaceFirst("^@", "");
      Optional<User> user = workspaces.memberByHandle(h, access.workspace().id(), handle);
      if (user.isEmpty()) {
        throw Invalid.field("approvers", "no member @" + handle + " in this workspace");
      }
      Role role = workspaces.access(h, user.get(), access.workspace().id()).role();
      if (!role.atLeast(Role.COMMENTER)) {
        throw Invalid.field(
            "approvers",
            "@"
                + user.get().handle()
                + " is a viewer in this workspace; approvers need at least the commenter role");
      }
      if (seen.add(user.get().handle())) {
        out.add(user.get());
      }
    }
    if (out.size() > MAX_APPROVERS) {
      throw Invalid.field("approvers", "must name at most " + MAX_APPROVERS + " people");
    }
    return out;
  }

  /** A named approver approves the document's latest version, with an optional comment. */
  public Document approve(User actor, String ref, Integer reviewedVersion, String comment) {
    return decide(actor, ref, reviewedVersion, comment, Decision.APPROVED);
  }

  /** A named approver asks for changes to the latest version, with an optional comment. */
  public Document requestChanges(User actor, String ref, Integer reviewedVersion, String comment) {
    return decide(actor, ref, reviewedVersion, comment, Decision.CHANGES_REQUESTED);
  }

  private Document decide(
      User actor, String ref, Integer reviewedVersion, String comment, Decision decision) {
    String text = comment == null ? "" : comment.strip();
    new Validation().optionalText("comment", text, MAX_COMMENT).orThrow();
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.COMMENTER, "review documents");
          store.lock(h, access.id());
          Document doc = store.byId(h, access.id()).orElseThrow();
          if (doc.approvalOf(actor.id()).isEmpty()) {
            throw new Forbidden("Only the named approvers of this document can approve it.");
          }
          if (doc.status() == DocumentStatus.DRAFT) {
            throw Conflict.state(
                "This document is a draft; approvals start when a review is asked.");
          }
          if (reviewedVersion != null && reviewedVersion != doc.latestVersion()) {
            throw Conflict.staleVersion(
                "This document", reviewedVersion.longValue(), doc.latestVersion());
          }
          Instant now = kernel.clock().instant();
          store.decide(h, doc.id(), actor.id(), decision, doc.latestVersion(), text, now);
          Document decided = store.byId(h, doc.id()).orElseThrow();
          Item item = decided.item();
          String what =
              decision == Decision.APPROVED
                  ? "approved version " + doc.latestVersion() + " of " + item.label()
                  : "asked for changes to version " + doc.latestVersion() + " of " + item.label();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("decision", decision.id());
          after.put("version", doc.latestVersion());
          if (!text.isEmpty()) {
            after.put("comment", text);
          }
          kernel
              .audit()
              .record(
                  h,
                  item.change(
                      actor.id(),
                      decision == Decision.APPROVED
                          ? "document.review_approved"
                          : "document.changes_requested",
                      what,
                      null,
                      after));
          Set<Long> told = new HashSet<>();
          if (decided.reviewRequestedBy() != null) {
            told.addAll(
                kernel
                    .notifier()
                    .mentioned(
                        h,
                        item,
                        actor,
                        List.of(decided.reviewRequestedBy().handle()),
                        actor.name() + " " + what));
          }
          kernel.notifier().watchers(h, item, actor, actor.name() + " " + what, told);
          return settle(h, actor, decided, false);
        });
  }

  /**
   * Moves the status to what the approvals say: approved when every named approver approved the
   * latest version, else in review. Records the change when there is one.
   */
  private Document settle(Handle h, User actor, Document doc, boolean asked) {
    boolean all =
        !doc.approvals().isEmpty()
            && doc.approvals().stream().allMatch(a -> approvedLatest(doc, a));
    DocumentStatus next = all ? DocumentStatus.APPROVED : DocumentStatus.IN_REVIEW;
    if (next == doc.status()) {
      return doc;
    }
    Instant now = kernel.clock().instant();
    store.setStatus(h, doc.id(), next, now);
    Item item = doc.item();
    if (next == DocumentStatus.APPROVED) {
      kernel
          .audit()
          .record(
              h,
              item.change(
                  actor.id(),
                  "document.approved",
                  item.label()
                      + " is approved: every approver approved version "
                      + doc.latestVersion(),
                  Map.of("status", doc.status().id()),
                  Map.of("status", next.id())));
      kernel
          .notifier()
          .watchers(
              h,
              item,
              actor,
              item.label() + " is approved (version " + doc.latestVersion() + ")",
              Set.of());
    } else if (!asked) {
      kernel
          .audit()
          .record(
              h,
              item.change(
                  actor.id(),
                  "document.status_changed",
                  item.label() + " is back in review",
                  Map.of("status", doc.status().id()),
                  Map.of("status", next.id())));
    }
    return store.byId(h, doc.id()).orElseThrow();
  }

  private static boolean approvedLatest(Document doc, Approval a) {
    return a.decision() == Decision.APPROVED
        && a.decidedVersion() != null
        && a.decidedVersion() == doc.latestVersion();
  }

  private ItemAccess access(Handle h, User actor, String ref) {
    ItemAccess access = kernel.items().access(h, actor, ref);
    if (!access.item().kind().equals(Document.KIND)) {
      throw new NotFound("document");
    }
    return access;
  }
}
