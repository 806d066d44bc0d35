package io.hatrack.discovery.feedback;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.discovery.text.FeedbackText;
import io.hatrack.discovery.text.Vader;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The feedback inbox of a product: taking feedback in (by hand, over the API, from surveys),
 * changing it with optimistic locking, moving it through its statuses, deleting and restoring it,
 * linking it as evidence to the work it supports, merging duplicates, and the demand that the
 * linked feedback adds up to on a work item. Every change that touches several rows is one
 * transaction.
 */
public final class FeedbackService {
  /** The kind of a piece of feedback in the entity table. */
  public static final String KIND = FeedbackStore.KIND;

  public static final int MAX_TEXT = 20_000;
  public static final int MAX_SUMMARY = 200;

  /** How long a summary taken from the text may be. */
  public static final int SUMMARY_LENGTH = 80;

  public static final int MAX_EXTERNAL_ID = 200;
  public static final int MAX_MERGE = 100;

  /**
   * A filtered inbox counts its matches up to this many (and says "1,000+"): beyond that a number
   * adds nothing for the reader, and counting a million matches would cost what reading them costs.
   */
  public static final int COUNT_LIMIT = 1_000;

  private static final String SUPPORTS = LinkTypes.SUPPORTS.id();

  private final Database db;
  private final FeedbackStore store;
  private final ProductService products;
  private final ItemService items;
  private final CustomerService customers;
  private final WorkspaceService workspaces;
  private final Collaboration collaboration;
  private final AuditLog audit;
  private final Clock clock;
  private final List<FeedbackListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final FeedbackSearch search;
  private final FeedbackArrivals arrivals;
  private final FeedbackRules rules;

  public FeedbackService(
      Database db,
      FeedbackStore store,
      ProductService products,
      ItemService items,
      CustomerService customers,
      WorkspaceService workspaces,
      Collaboration collaboration,
      AuditLog audit,
      Clock clock,
      FeedbackSearch search,
      FeedbackArrivals arrivals) {
    this.arrivals = arrivals == null ? FeedbackArrivals.NONE : arrivals;
    this.rules = new FeedbackRules(store, customers, clock);
    this.db = db;
    this.search = search;
    this.workspaces = workspaces;
    this.store = store;
    this.products = products;
    this.items = items;
    this.customers = customers;
    this.collaboration = collaboration;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a listener told of every change of feedback, in the change's transaction. */
  public void listen(FeedbackListener listener) {
    listeners.add(listener);
  }

  private void written(Handle h, User actor, long productId, List<FeedbackText> texts) {
    listeners.forEach(l -> l.written(h, actor, productId, texts));
  }

  /** A piece of feedback with its tags, the work it supports, what was merged into it. */
  public record View(
      Feedback feedback,
      List<String> tags,
      List<Link> links,
      List<Feedback> duplicates,
      ItemAccess access) {
    public boolean canEdit() {
      return access.role().atLeast(Role.EDITOR);
    }
  }

  /** One page of the inbox, with the tags of the feedback shown. */
  public record Listing(
      Slice<Feedback> slice, Map<Long, List<String>> tags, ProductAccess product) {}

  // ---- Creating ---------------------------------------------------------------------------------

  public Feedback create(User actor, String productRef, FeedbackDraft draft) {
    return db.tx(h -> create(h, actor, products.access(h, actor, productRef), draft));
  }

  /** Creates feedback inside the caller's transaction (the demo, surveys and imports use this). */
  public Feedback create(Handle h, User actor, ProductAccess product, FeedbackDraft draft) {
    product.require(Role.EDITOR, "add feedback");
    FeedbackRules.Checked c = rules.check(h, product.workspace().id(), product.id(), draft, null);
    Item item = items.create(h, actor, product, KIND, c.summary());
    store.insert(h, item.id(), product.id(), c.row(), clock.instant());
    store.setSentiment(h, item.id(), sentimentOf(c.row().text()));
    written(h, actor, product.id(), List.of(new FeedbackText(item.id(), c.row().text())));
    arrivals.arrived(h, product.id(), List.of(item.id()), List.of(c.row().text()));
    if (c.tags() != null && !c.tags().isEmpty()) {
      collaboration.tags().set(h, actor, item, c.tags());
    }
    audit.record(
        h,
        item.change(
            actor.id(),
            "feedback.created",
            "added the feedback " + item.label(),
            null,
            fields(c.summary(), c.row())));
    search.refresh(h, item.id());
    return store.byId(h, item.id()).orElseThrow();
  }

  /**
   * Creates many pieces of feedback in one transaction, all or nothing (the demo and imports use
   * this); a problem names the piece by its position, e.g. {@code [3].text}.
   */
  public List<Feedback> createAll(User actor, String productRef, List<FeedbackDraft> drafts) {
    return db.tx(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<Feedback> out = new ArrayList<>();
          for (int i = 0; i < drafts.size(); i++) {
            try {
              out.add(create(h, actor, product, drafts.get(i)));
            } catch (Invalid e) {
              String at = "[" + i + "].";
              throw new Invalid(
                  e.errors().stream()
                      .map(err -> new io.hatrack.kernel.FieldError(at + err.field(), err.reason()))
                      .toList());
            }
          }
          return out;
        });
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public View get(User actor, String ref) {
    return db.read(h -> view(h, access(h, actor, ref, false)));
  }

  private View view(Handle h, ItemAccess access) {
    Feedback f = store.byId(h, access.id()).orElseThrow();
    return new View(
        f,
        collaboration.tags().forItems(h, List.of(f.id())).getOrDefault(f.id(), List.of()),
        supportLinks(h, f.id()),
        store.duplicates(h, f.id()),
        access);
  }

  private List<Link> supportLinks(Handle h, long id) {
    return collaboration.links().list(h, id).stream()
        .filter(l -> l.outgoing() && l.type().equals(SUPPORTS))
        .toList();
  }

  private ItemAccess access(Handle h, User actor, String ref, boolean deletedToo) {
    String r = ref == null ? "" : ref.trim();
    ItemAccess access;
    try {
      access = deletedToo ? items.accessIncludingDeleted(h, actor, r) : items.access(h, actor, r);
    } catch (Invalid e) {
      throw new NotFound("feedback");
    }
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("feedback");
    }
    return access;
  }

  /** A page of a product's feedback that matches {@code filter}, newest first. */
  public Listing list(
      User actor, String productRef, FeedbackFilter filter, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long[] after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim(), 2);
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<Feedback> rows = store.list(h, product.id(), filter, after, limit + 1);
          boolean more = rows.size() > limit;
          List<Feedback> shown = more ? rows.subList(0, limit) : rows;
          String next = more ? FeedbackStore.cursorAfter(shown.get(shown.size() - 1)) : null;
          long total =
              filter.narrowed()
                  ? store.count(h, product.id(), filter, COUNT_LIMIT)
                  : items.liveCount(h, product.id(), KIND);
          Map<Long, List<String>> tags =
              collaboration.tags().forItems(h, shown.stream().map(Feedback::id).toList());
          return new Listing(new Slice<>(shown, total, next), tags, product);
        });
  }

  /** How much live feedback the product has in each status, for the inbox's chips. */
  public Map<FeedbackStatus, Long> statusCounts(User actor, String productRef) {
    return db.read(h -> store.countByStatus(h, products.access(h, actor, productRef).id()));
  }

  // ---- Changing ---------------------------------------------------------------------------------

  /** Replaces a piece of feedback with {@code draft} if it is still at {@code expectedVersion}. */
  public Feedback update(User actor, String ref, long expectedVersion, FeedbackDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, false).require(Role.EDITOR, "change feedback");
          Feedback before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This feedback", expectedVersion, before.version());
          }
          return update(h, actor, before, draft);
        });
  }

  /**
   * Replaces a piece of feedback the caller read in this transaction (and may edit) with {@code
   * draft}: an import updating the feedback of its external ids uses this.
   */
  public Feedback update(Handle h, User actor, Feedback before, FeedbackDraft draft) {
    FeedbackRules.Checked c =
        rules.check(h, before.item().workspaceId(), before.productId(), draft, before);
    items.bump(h, actor, before.item(), before.version(), c.summary());
    store.update(h, before.id(), c.row());
    if (!before.text().equals(c.row().text())) {
      store.setSentiment(h, before.id(), sentimentOf(c.row().text()));
      written(h, actor, before.productId(), List.of(new FeedbackText(before.id(), c.row().text())));
    }
    if (c.tags() != null) {
      collaboration.tags().set(h, actor, before.item(), c.tags());
    }
    Map<String, Object> was = fields(before.summary(), row(before));
    Map<String, Object> now = fields(c.summary(), c.row());
    Map<String, Object> changedBefore = new LinkedHashMap<>();
    Map<String, Object> changedAfter = new LinkedHashMap<>();
    for (String field : now.keySet()) {
      if (!Objects.equals(was.get(field), now.get(field))) {
        changedBefore.put(field, was.get(field));
        changedAfter.put(field, now.get(field));
      }
    }
    boolean statusOnly = changedAfter.keySet().equals(Set.of("status"));
    audit.record(
        h,
        before
            .item()
            .change(
                actor.id(),
                statusOnly ? "feedback.status_changed" : "feedback.updated",
                statusOnly
                    ? "moved the feedback "
                        + before.item().label()
                        + " to "
                        + c.row().status().label().toLowerCase(java.util.Locale.ROOT)
                    : "edited the feedback " + before.item().label(),
                changedBefore,
                changedAfter));
    search.refresh(h, before.id());
    return store.byId(h, before.id()).orElseThrow();
  }

  /** Moves a piece of feedback to {@code status}, keeping the rest. */
  public Feedback setStatus(User actor, String ref, long expectedVersion, String status) {
    FeedbackStatus s = FeedbackStatus.parse("status", status);
    Feedback f = get(actor, ref).feedback();
    return update(actor, ref, expectedVersion, draftOf(f).withStatus(s.id()));
  }

  /** A piece of feedback as a draft (tags kept), to change a part of it. */
  public static FeedbackDraft draftOf(Feedback f) {
    return new FeedbackDraft(
        f.text(),
        f.summary(),
        f.source().id(),
        f.customerId(),
        f.contactId(),
        f.happenedAt(),
        f.importance(),
        f.externalId(),
        f.status().id(),
        null);
  }

  private static FeedbackStore.Row row(Feedback f) {
    return new FeedbackStore.Row(
        f.text(),
        f.source(),
        f.customerId(),
        f.contactId(),
        f.happenedAt(),
        f.status(),
        f.importance(),
        f.externalId());
  }

  /** Deletes a piece of feedback so that it can be restored. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = access(h, actor, ref, false);
          items.delete(h, actor, access, expectedVersion);
          long productId = access.item().productId();
          listeners.forEach(l -> l.deleted(h, productId, access.id()));
          store.countLive(h, access.item().id(), -1);
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "feedback.deleted",
                      "deleted the feedback " + access.item().label(),
                      Map.of("summary", access.item().title()),
                      null));
          search.refresh(h, access.id());
        });
  }

  public Feedback restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, true);
          Item item = items.restore(h, actor, access);
          Feedback back = store.byId(h, item.id()).orElseThrow();
          if (back.duplicateOf() == null) {
            written(h, actor, back.productId(), List.of(new FeedbackText(back.id(), back.text())));
          }
          store.countLive(h, item.id(), 1);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "feedback.restored",
                  "restored the feedback " + item.label(),
                  null,
                  Map.of("summary", item.title())));
          search.refresh(h, item.id());
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  // ---- Evidence: links to the work it supports --------------------------------------------------

  /** The work items this feedback supports. */
  public List<Link> links(User actor, String ref) {
    return db.read(h -> supportLinks(h, access(h, actor, ref, false).id()));
  }

  /**
   * Links the feedback to the work item it supports ({@code target}: an id or a key such as {@code
   * CHK-12}); new or triaged feedback becomes linked.
   */
  public Link link(User actor, String ref, String target) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, false).require(Role.EDITOR, "link feedback");
          requireWorkTarget(h, actor, target);
          Link link = collaboration.links().add(h, actor, access, target, SUPPORTS);
          Feedback f = store.byId(h, access.id()).orElseThrow();
          if (f.status().linkable()) {
            moveStatus(h, actor, f, FeedbackStatus.LINKED);
          }
          return link;
        });
  }

  private void requireWorkTarget(Handle h, User actor, String target) {
    if (target == null || target.isBlank()) {
      throw Invalid.field("target", "must name a work item by id or key, such as CHK-12");
    }
    try {
      if (items.access(h, actor, target.trim()).item().kind().equals(KIND)) {
        throw Invalid.field(
            "target", "is feedback: feedback supports work items; merge duplicates instead");
      }
    } catch (NotFound e) {
      throw Invalid.field("target", "no item " + target.trim() + " that you can see");
    }
  }

  /**
   * Removes a link from the feedback to a work item; linked feedback that supports nothing any more
   * goes back to triaged.
   */
  public void unlink(User actor, String ref, long linkId) {
    db.txVoid(
        h -> {
          ItemAccess access = access(h, actor, ref, false).require(Role.EDITOR, "unlink feedback");
          boolean mine =
              collaboration.links().list(h, access.id()).stream()
                  .anyMatch(l -> l.id() == linkId && l.outgoing());
          if (!mine) {
            throw new NotFound("link");
          }
          collaboration.links().remove(h, actor, linkId);
          Feedback f = store.byId(h, access.id()).orElseThrow();
          if (f.status() == FeedbackStatus.LINKED && supportLinks(h, f.id()).isEmpty()) {
            moveStatus(h, actor, f, FeedbackStatus.TRIAGED);
          }
        });
  }

  private void moveStatus(Handle h, User actor, Feedback f, FeedbackStatus status) {
    items.bump(h, actor, f.item(), f.version(), f.summary());
    store.setStatus(h, f.id(), status);
    audit.record(
        h,
        f.item()
            .change(
                actor.id(),
                "feedback.status_changed",
                "moved the feedback "
                    + f.item().label()
                    + " to "
                    + status.label().toLowerCase(java.util.Locale.ROOT),
                Map.of("status", f.status().id()),
                Map.of("status", status.id())));
    search.refresh(h, f.id());
  }

  // ---- Merging duplicates -----------------------------------------------------------------------

  /**
   * Merges the feedback {@code refs} into {@code targetRef}, all or nothing: each becomes a
   * duplicate of the target and is archived (it stays readable, so every source and customer is
   * kept), and the target gains their tags and links. What was merged into them moves to the target
   * too, so merges stay one level deep.
   */
  public Feedback merge(User actor, String targetRef, List<String> refs) {
    return db.tx(h -> merge(h, actor, targetRef, refs));
  }

  /**
   * Merges inside the caller's transaction, so that the public portal merges its ideas' feedback
   * together with their votes, all or nothing.
   */
  public Feedback merge(Handle h, User actor, String targetRef, List<String> refs) {
    ItemAccess targetAccess =
        access(h, actor, targetRef, false).require(Role.EDITOR, "merge feedback");
    Feedback target = store.byId(h, targetAccess.id()).orElseThrow();
    if (target.duplicateOf() != null) {
      throw Conflict.state("This feedback was merged into another; merge into that one instead.");
    }
    List<Feedback> sources = mergeSources(h, actor, target, refs);
    Set<String> tags =
        new LinkedHashSet<>(
            collaboration
                .tags()
                .forItems(h, List.of(target.id()))
                .getOrDefault(target.id(), List.of()));
    Map<Long, List<String>> sourceTags =
        collaboration.tags().forItems(h, sources.stream().map(Feedback::id).toList());
    for (Feedback s : sources) {
      store.moveDuplicates(h, s.id(), target.id());
      items.bump(h, actor, s.item(), s.version(), s.summary());
      store.markDuplicate(h, s.id(), target.id());
      tags.addAll(sourceTags.getOrDefault(s.id(), List.of()));
      for (Link l : collaboration.links().list(h, s.id())) {
        if (l.outgoing()
            && l.other().id() != target.id()
            && !collaboration.links().exists(h, target.id(), l.other().id(), l.type())) {
          collaboration
              .links()
              .add(h, actor, targetAccess, Long.toString(l.other().id()), l.type());
        }
      }
      audit.record(
          h,
          s.item()
              .change(
                  actor.id(),
                  "feedback.merged",
                  "merged the feedback " + s.item().label() + " into " + target.key(),
                  Map.of("status", s.status().id()),
                  Map.of("status", FeedbackStatus.ARCHIVED.id(), "duplicate_of", target.id())));
    }
    collaboration.tags().set(h, actor, target.item(), new ArrayList<>(tags));
    Feedback now = store.byId(h, target.id()).orElseThrow();
    items.bump(h, actor, now.item(), now.version(), now.summary());
    if (now.status().linkable() && !supportLinks(h, now.id()).isEmpty()) {
      store.setStatus(h, now.id(), FeedbackStatus.LINKED);
    }
    audit.record(
        h,
        target
            .item()
            .change(
                actor.id(),
                "feedback.merged_into",
                "merged "
                    + sources.size()
                    + (sources.size() == 1 ? " piece" : " pieces")
                    + " of feedback into "
                    + target.item().label(),
                null,
                Map.of("merged", sources.stream().map(Feedback::id).toList())));
    search.refresh(h, mergedIds(target, sources));
    Feedback merged = store.byId(h, target.id()).orElseThrow();
    listeners.forEach(l -> l.merged(h, actor, merged, sources));
    return merged;
  }

  private static List<Long> mergedIds(Feedback target, List<Feedback> sources) {
    List<Long> ids = new ArrayList<>(sources.stream().map(Feedback::id).toList());
    ids.add(target.id());
    return ids;
  }

  private List<Feedback> mergeSources(Handle h, User actor, Feedback target, List<String> refs) {
    Validation v = new Validation();
    List<String> given = refs == null ? List.of() : refs;
    v.check("ids", !given.isEmpty(), "must list the feedback to merge");
    v.check("ids", given.size() <= MAX_MERGE, "may list at most " + MAX_MERGE + " at once");
    List<Feedback> out = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (int i = 0; i < given.size() && !v.has("ids"); i++) {
      String field = "ids[" + i + "]";
      String ref = given.get(i) == null ? "" : given.get(i).trim();
      Feedback f;
      try {
        ItemAccess a = access(h, actor, ref, false).require(Role.EDITOR, "merge feedback");
        f = store.byId(h, a.id()).orElseThrow();
      } catch (NotFound e) {
        v.check(field, false, "no feedback " + ref + " that you can see");
        continue;
      }
      v.check(field, f.productId() == target.productId(), "is feedback of another product");
      v.check(field, f.id() != target.id(), "is the feedback merged into; it cannot merge itself");
      v.check(field, seen.add(f.id()), "is listed twice");
      v.check(
          field,
          f.duplicateOf() == null,
          Objects.equals(f.duplicateOf(), target.id())
              ? "was already merged into " + target.key()
              : "was already merged into other feedback");
      out.add(f);
    }
    v.orThrow();
    return out;
  }

  // ---- Demand -----------------------------------------------------------------------------------

  /**
   * The demand for an item (a work item): the feedback that supports it, merged duplicates
   * included, with its customers, their revenue, their importance and the monthly trend.
   */
  public Demand demand(User actor, String itemRef) {
    return db.read(
        h -> {
          ItemAccess access = items.access(h, actor, itemRef == null ? "" : itemRef.trim());
          if (access.item().kind().equals(KIND)) {
            throw new NotFound("work item");
          }
          return demand(h, access.item());
        });
  }

  /** The demand for an item the caller may see, inside the caller's transaction. */
  public Demand demand(Handle h, Item item) {
    List<FeedbackStore.DemandRow> rows = store.supporting(h, item.id());
    Set<Long> ids = new LinkedHashSet<>();
    for (FeedbackStore.DemandRow r : rows) {
      if (r.customerId() != null) {
        ids.add(r.customerId());
      }
    }
    Map<Long, Long> arr = new HashMap<>();
    for (Map.Entry<Long, Customer> e : customers.liveIn(h, item.workspaceId(), ids).entrySet()) {
      Customer c = e.getValue();
      arr.put(e.getKey(), c.revenue() == null ? null : c.revenue().arrMinor());
    }
    String currency = customers.settings(h, item.workspaceId()).currencyCode();
    return Demand.of(item.id(), rows, arr, currency, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
  }

  // ---- For the text analysis and imports ------------------------------------------------------

  /**
   * Creates many pieces of feedback at once inside the caller's transaction (a bulk import), with
   * batched inserts rather than one statement after another. The drafts must have been checked by
   * the caller (customers, contacts and external ids known, values in range, tags normalized): only
   * what needs no lookup is checked again here. One audit record tells of the whole batch. Answers
   * the ids in the order of the drafts.
   */
  public List<Long> createAll(
      Handle h, User actor, ProductAccess product, List<FeedbackDraft> drafts, String origin) {
    product.require(Role.EDITOR, "add feedback");
    if (drafts.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<String> summaries = new ArrayList<>(drafts.size());
    List<FeedbackStore.Row> rows = new ArrayList<>(drafts.size());
    for (FeedbackDraft d : drafts) {
      String text = d.text().strip();
      String summary =
          d.summary() == null || d.summary().isBlank()
              ? FeedbackDraft.summaryOf(text)
              : d.summary().strip();
      summaries.add(summary);
      rows.add(
          new FeedbackStore.Row(
              text,
              d.source() == null || d.source().isBlank()
                  ? FeedbackSource.OTHER
                  : FeedbackSource.parse("source", d.source()),
              d.customerId(),
              d.contactId(),
              d.happenedAt() == null ? now : d.happenedAt(),
              d.status() == null || d.status().isBlank()
                  ? FeedbackStatus.NEW
                  : FeedbackStatus.parse("status", d.status()),
              d.importance(),
              d.externalId() == null || d.externalId().isBlank() ? null : d.externalId().strip()));
    }
    List<Long> ids = items.createAll(h, actor, product, KIND, summaries);
    store.insertAll(h, ids, product.id(), rows, now);
    List<FeedbackText> texts = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      texts.add(new FeedbackText(ids.get(i), rows.get(i).text()));
    }
    written(h, actor, product.id(), texts);
    arrivals.arrived(h, product.id(), ids, rows.stream().map(FeedbackStore.Row::text).toList());
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i).tags() != null && !drafts.get(i).tags().isEmpty()) {
        tags.put(ids.get(i), drafts.get(i).tags());
      }
    }
    collaboration.tags().tagAll(h, product.workspace().id(), tags);
    audit.record(
        h,
        new io.hatrack.kernel.audit.Change(
            product.workspace().id(),
            product.id(),
            null,
            actor.id(),
            "feedback.imported",
            "imported " + drafts.size() + " pieces of feedback from " + origin,
            null,
            Map.of("count", drafts.size(), "from", origin),
            true));
    search.refresh(h, ids);
    return ids;
  }

  /** The feedback of a product with any of these external ids (live or deleted), by external id. */
  public Map<String, Feedback> byExternalIds(
      Handle h, long productId, java.util.Collection<String> externalIds) {
    return store.byExternalIds(h, productId, externalIds);
  }

  /** The feedback of a product with this external id (live or deleted), for idempotent imports. */
  public java.util.Optional<Feedback> byExternalId(Handle h, long productId, String externalId) {
    return store.byExternalId(h, productId, externalId);
  }

  /** The compound score of {@link Vader} for a feedback text, from -1 to 1. */
  static double sentimentOf(String text) {
    return Vader.standard().score(text).compound();
  }

  /** Stores a sentiment score (-1..1) computed by the text analysis; null clears it. */
  public void setSentiment(Handle h, long feedbackId, Double score) {
    if (score != null && (score.isNaN() || score < -1 || score > 1)) {
      throw new IllegalArgumentException("a sentiment score is from -1 to 1: " + score);
    }
    store.setSentiment(h, feedbackId, score);
    search.refresh(h, feedbackId);
  }

  /** Puts feedback into a theme of its product (or none). */
  public void setTheme(Handle h, long feedbackId, Long themeId) {
    store.setTheme(h, feedbackId, themeId);
  }

  /** Makes a theme of a product; {@code label} is made of its top terms. */
  public long createTheme(Handle h, long productId, String label, String terms) {
    return store.insertTheme(h, productId, label, null, terms, clock.instant());
  }

  private static Map<String, Object> fields(String summary, FeedbackStore.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("summary", summary);
    m.put("text", r.text());
    m.put("source", r.source().id());
    m.put("customer_id", r.customerId());
    m.put("contact_id", r.contactId());
    m.put("happened_at", r.happenedAt().toString());
    m.put("status", r.status().id());
    m.put("importance", r.importance());
    m.put("external_id", r.externalId());
    return m;
  }
}
