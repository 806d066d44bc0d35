package io.hatrack.pages;

import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.CommentService;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Mentions;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Pages: Markdown documents in a product. Editors write them; everyone in the workspace reads them.
 * People mentioned in a page are notified once, when the mention is added; watchers hear of every
 * edit.
 */
public final class PageService {
  /** The longest title accepted, in characters. */
  public static final int MAX_TITLE = 200;

  /** The longest body accepted, in characters. */
  public static final int MAX_BODY = 200_000;

  private final Database db;
  private final PageStore pages;
  private final ProductService products;
  private final ItemService items;
  private final Notifier notifier;
  private final AuditLog audit;

  public PageService(
      Database db,
      PageStore pages,
      ProductService products,
      ItemService items,
      Notifier notifier,
      AuditLog audit) {
    this.db = db;
    this.pages = pages;
    this.products = products;
    this.items = items;
    this.notifier = notifier;
    this.audit = audit;
  }

  /** A page with the reader's access (their role decides what the UI offers). */
  public record PageView(Page page, ItemAccess access) {}

  public Page create(User actor, String productRef, String title, String body) {
    String cleanTitle = title == null ? null : title.strip();
    String cleanBody = body == null ? "" : body;
    validate(cleanTitle, cleanBody);
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "write pages");
          return create(h, actor, product, cleanTitle, cleanBody);
        });
  }

  /** Creates a page inside the caller's transaction (the demo uses this). */
  public Page create(Handle h, User actor, ProductAccess product, String title, String body) {
    validate(title, body);
    Item item = items.create(h, actor, product, PageStore.KIND, title);
    pages.insert(h, item.id(), body);
    notifier.mentioned(
        h, item, actor, Mentions.handles(body), actor.name() + " mentioned you in " + item.label());
    audit.record(
        h,
        item.change(
            actor.id(),
            "page.created",
            "wrote the page " + item.label(),
            null,
            Map.of("title", title)));
    return new Page(item, body);
  }

  private static void validate(String title, String body) {
    new Validation()
        .text("title", title, MAX_TITLE)
        .check("body", body != null, "must be Markdown text")
        .optionalText("body", body, MAX_BODY)
        .orThrow();
  }

  public PageView get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = pageAccess(h, actor, ref);
          return new PageView(
              new Page(access.item(), pages.body(h, access.id()).orElseThrow()), access);
        });
  }

  /** A page with the first {@code limit} comments, read in one transaction. */
  public PageWithComments getWithComments(
      User actor, String ref, CommentService comments, int limit) {
    return db.read(
        h -> {
          ItemAccess access = pageAccess(h, actor, ref);
          Page page = new Page(access.item(), pages.body(h, access.id()).orElseThrow());
          return new PageWithComments(
              new PageView(page, access), comments.list(h, access, 0, limit));
        });
  }

  /** A page and the first of its comments. */
  public record PageWithComments(PageView view, CommentService.CommentPage comments) {}

  private ItemAccess pageAccess(Handle h, User actor, String ref) {
    ItemAccess access = items.access(h, actor, ref);
    if (!access.item().kind().equals(PageStore.KIND)) {
      throw new NotFound("page");
    }
    return access;
  }

  /** The pages of a product, most recently updated first. */
  public Slice<Item> list(User actor, String productRef, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
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
          List<Item> rows = pages.list(h, product.id(), at, id, limit + 1);
          boolean more = rows.size() > limit;
          List<Item> shown = more ? rows.subList(0, limit) : rows;
          Item last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
          String next = more ? Cursor.encode(last.updatedAt().toEpochMilli(), last.id()) : null;
          return new Slice<>(shown, items.liveCount(h, product.id(), PageStore.KIND), next);
        });
  }

  /**
   * Changes the title and/or body (null keeps a field) if the page is still at {@code
   * expectedVersion}.
   */
  public Page update(User actor, String ref, long expectedVersion, String title, String body) {
    return db.tx(
        h -> {
          ItemAccess access = pageAccess(h, actor, ref).require(Role.EDITOR, "edit pages");
          Item item = access.item();
          String oldBody = pages.body(h, item.id()).orElseThrow();
          String newTitle = title == null ? item.title() : title.strip();
          String newBody = body == null ? oldBody : body;
          validate(newTitle, newBody);
          items.bump(h, actor, item, expectedVersion, newTitle);
          pages.updateBody(h, item.id(), newBody);
          Map<String, Object> before = new LinkedHashMap<>();
          Map<String, Object> after = new LinkedHashMap<>();
          if (!newTitle.equals(item.title())) {
            before.put("title", item.title());
            after.put("title", newTitle);
          }
          if (!newBody.equals(oldBody)) {
            before.put("body", oldBody);
            after.put("body", newBody);
          }
          Item updated = items.access(h, actor, item.id()).item();
          Set<String> added = Mentions.handles(newBody);
          added.removeAll(Mentions.handles(oldBody));
          Set<Long> told =
              new HashSet<>(
                  notifier.mentioned(
                      h,
                      updated,
                      actor,
                      added,
                      actor.name() + " mentioned you in " + updated.label()));
          notifier.watchers(h, updated, actor, actor.name() + " edited " + updated.label(), told);
          audit.record(
              h,
              item.change(
                  actor.id(), "page.updated", "edited the page " + updated.label(), before, after));
          return new Page(updated, newBody);
        });
  }

  /** Deletes a page; it can be restored with {@link #restore}. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = pageAccess(h, actor, ref);
          items.delete(h, actor, access, expectedVersion);
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "page.deleted",
                  "deleted the page " + item.label(),
                  Map.of("title", item.title()),
                  null));
        });
  }

  /** Brings a deleted page back. */
  public Page restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = items.accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(PageStore.KIND)) {
            throw new NotFound("page");
          }
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "page.restored",
                  "restored the page " + item.label(),
                  null,
                  Map.of("title", item.title())));
          return new Page(item, pages.body(h, item.id()).orElseThrow());
        });
  }
}
