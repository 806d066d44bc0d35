package io.hatrack.definition.decisions;

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
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Mentions;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The decision log: recording decisions with their context, the options considered, the outcome,
 * the deciders and the date; changing them with optimistic locking; superseding one decision by
 * another; deleting and restoring. Every save checks the whole decision (a decided decision has a
 * date and at least one decider, deciders are members, at most one option is chosen, ...) and
 * writes the decision, its options and its deciders in one transaction.
 */
public final class DecisionService {
  /** The kind of a decision in the entity table. */
  public static final String KIND = DecisionStore.KIND;

  /** The longest title accepted, in characters. */
  public static final int MAX_TITLE = 200;

  /** The longest context, decision or consequences text accepted, in characters. */
  public static final int MAX_TEXT = 100_000;

  /** The most options one decision may list. */
  public static final int MAX_OPTIONS = 20;

  /** The longest option name accepted, in characters. */
  public static final int MAX_OPTION_NAME = 200;

  /** The longest option description accepted, in characters. */
  public static final int MAX_OPTION_DESCRIPTION = 20_000;

  /** The most pros (or cons) one option may list. */
  public static final int MAX_POINTS = 30;

  /** The longest pro or con accepted, in characters. */
  public static final int MAX_POINT = 500;

  /** The most deciders one decision may name. */
  public static final int MAX_DECIDERS = 50;

  private final Database db;
  private final DecisionStore store;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final ItemService items;
  private final Notifier notifier;
  private final AuditLog audit;

  public DecisionService(
      Database db,
      DecisionStore store,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Notifier notifier,
      AuditLog audit) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.workspaces = workspaces;
    this.items = items;
    this.notifier = notifier;
    this.audit = audit;
  }

  /** A decision with the reader's access (their role decides what the UI offers). */
  public record View(Decision decision, ItemAccess access) {}

  /** A decision as checked: every reference resolved, every rule kept. */
  private record Checked(
      String title,
      DecisionStore.Row row,
      List<User> deciders,
      List<DecisionOption> options,
      Decision supersedes) {}

  // ---- Creating ---------------------------------------------------------------------------------

  public Decision create(User actor, String productRef, DecisionDraft draft) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "record decisions");
          return create(h, actor, product, draft);
        });
  }

  /** Records a decision inside the caller's transaction (the demo uses this). */
  public Decision create(Handle h, User actor, ProductAccess product, DecisionDraft draft) {
    product.require(Role.EDITOR, "record decisions");
    Checked c = check(h, actor, product, null, draft, true);
    Item item = items.create(h, actor, product, KIND, c.title());
    store.insert(h, item.id(), product.id(), c.row());
    store.replaceOptions(h, item.id(), c.options());
    store.replaceDeciders(h, item.id(), c.deciders().stream().map(User::id).toList());
    Set<Long> told = tell(h, item, actor, c, Set.of(), Set.of());
    audit.record(
        h,
        item.change(
            actor.id(),
            "decision.created",
            "recorded the decision " + item.label(),
            null,
            fields(c.title(), c.row(), c.options(), c.deciders())));
    if (c.supersedes() != null) {
      supersede(h, actor, c.supersedes(), item, told);
    }
    return store.byId(h, item.id()).orElseThrow();
  }

  /** Marks {@code old} superseded by the new decision {@code successor}. */
  private void supersede(Handle h, User actor, Decision old, Item successor, Set<Long> told) {
    items.bump(h, actor, old.item(), old.version(), old.title());
    store.markSuperseded(h, old.id(), successor.id());
    Item updated = items.access(h, actor, old.id()).item();
    notifier.watchers(
        h,
        updated,
        actor,
        actor.name() + " superseded " + updated.label() + " with " + successor.label(),
        told);
    audit.record(
        h,
        old.item()
            .change(
                actor.id(),
                "decision.superseded",
                "superseded the decision " + updated.label() + " with " + successor.label(),
                Map.of("status", old.status().id()),
                Map.of(
                    "status", DecisionStatus.SUPERSEDED.id(), "superseded_by", successor.key())));
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public View get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = decisionAccess(h, actor, ref);
          return new View(store.byId(h, access.id()).orElseThrow(), access);
        });
  }

  private ItemAccess decisionAccess(Handle h, User actor, String ref) {
    ItemAccess access = items.access(h, actor, ref);
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("decision");
    }
    return access;
  }

  /**
   * The decision log of a product: decisions not decided yet first, then the most recently decided;
   * only those of {@code status} when it is given.
   */
  public Slice<DecisionSummary> list(
      User actor, String productRef, String status, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    DecisionStatus only =
        status == null || status.isBlank() ? null : DecisionStatus.parse("status", status);
    String afterDay = null;
    long afterId = 0;
    if (cursor != null && !cursor.isBlank()) {
      long[] parts = Cursor.decode(cursor.trim(), 2);
      try {
        afterDay = LocalDate.ofEpochDay(parts[0]).toString();
      } catch (DateTimeException e) {
        throw Invalid.field("cursor", "is not a cursor that this listing gave out");
      }
      afterId = parts[1];
    }
    String day = afterDay;
    long id = afterId;
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<DecisionSummary> rows = store.list(h, product.id(), only, day, id, limit + 1);
          boolean more = rows.size() > limit;
          List<DecisionSummary> shown = more ? rows.subList(0, limit) : rows;
          String next = null;
          if (more) {
            DecisionSummary last = shown.get(shown.size() - 1);
            LocalDate sortDay =
                last.decidedOn() == null
                    ? LocalDate.parse(DecisionStore.UNDECIDED)
                    : last.decidedOn();
            next = Cursor.encode(sortDay.toEpochDay(), last.item().id());
          }
          long total =
              only == null
                  ? items.liveCount(h, product.id(), KIND)
                  : store.count(h, product.id(), only);
          return new Slice<>(shown, total, next);
        });
  }

  // ---- Changing ---------------------------------------------------------------------------------

  /** Changes a decision if it is still at {@code expectedVersion}. */
  public Decision update(User actor, String ref, long expectedVersion, DecisionChanges changes) {
    return db.tx(
        h -> {
          ItemAccess access =
              decisionAccess(h, actor, ref).require(Role.EDITOR, "change decisions");
          Decision before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            // Said before any rule: the writer's view of the decision is out of date.
            throw Conflict.staleVersion("This decision", expectedVersion, before.version());
          }
          ProductAccess product =
              products.access(h, actor, Long.toString(before.item().productId()));
          DecisionDraft draft = merge(before, changes);
          Checked c = check(h, actor, product, before, draft, false);
          items.bump(h, actor, before.item(), expectedVersion, c.title());
          store.update(h, before.id(), c.row());
          store.replaceOptions(h, before.id(), c.options());
          store.replaceDeciders(h, before.id(), c.deciders().stream().map(User::id).toList());
          Item updated = items.access(h, actor, before.id()).item();
          Set<Long> oldDeciders = new HashSet<>();
          before.deciders().forEach(d -> oldDeciders.add(d.id()));
          Set<Long> told = tell(h, updated, actor, c, oldDeciders, mentions(before));
          notifier.watchers(h, updated, actor, actor.name() + " changed " + updated.label(), told);
          Map<String, Object> was = fields(before);
          Map<String, Object> now = fields(c.title(), c.row(), c.options(), c.deciders());
          Map<String, Object> changedBefore = new LinkedHashMap<>();
          Map<String, Object> changedAfter = new LinkedHashMap<>();
          for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
              changedBefore.put(field, was.get(field));
              changedAfter.put(field, now.get(field));
            }
          }
          String action =
              before.status() != c.row().status()
                  ? "changed the decision " + updated.label() + " to " + c.row().status().id()
                  : "edited the decision " + updated.label();
          audit.record(
              h,
              before
                  .item()
                  .change(actor.id(), "decision.updated", action, changedBefore, changedAfter));
          return store.byId(h, before.id()).orElseThrow();
        });
  }

  /** The draft a decision becomes with {@code changes} applied. */
  private static DecisionDraft merge(Decision d, DecisionChanges c) {
    String status = c.status().or(d.status().id());
    boolean supersededNow = DecisionStatus.SUPERSEDED.id().equals(clean(status));
    boolean proposedNow = DecisionStatus.PROPOSED.id().equals(clean(status));
    String successor = d.supersededBy() == null ? null : Long.toString(d.supersededBy().id());
    if (!c.supersededBy().present() && !supersededNow) {
      successor = null;
    }
    String date = d.decidedOn() == null ? null : d.decidedOn().toString();
    if (!c.decidedOn().present() && proposedNow && c.status().present()) {
      date = null;
    }
    return new DecisionDraft(
        c.title().or(d.title()),
        c.context().or(d.context()),
        c.outcome().or(d.outcome()),
        c.consequences().or(d.consequences()),
        status,
        c.decidedOn().present() ? c.decidedOn().value() : date,
        c.deciders().present()
            ? c.deciders().value()
            : d.deciders().stream().map(Decider::handle).toList(),
        c.options().present() ? c.options().value() : d.options(),
        c.supersededBy().present() ? c.supersededBy().value() : successor,
        null);
  }

  private static String clean(String value) {
    return value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** Deletes a decision; it can be restored with {@link #restore}. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = decisionAccess(h, actor, ref);
          items.delete(h, actor, access, expectedVersion);
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "decision.deleted",
                  "deleted the decision " + item.label(),
                  Map.of("title", item.title()),
                  null));
        });
  }

  /** Brings a deleted decision back. */
  public Decision restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = items.accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(KIND)) {
            throw new NotFound("decision");
          }
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "decision.restored",
                  "restored the decision " + item.label(),
                  null,
                  Map.of("title", item.title())));
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  // ---- Rules ------------------------------------------------------------------------------------

  /**
   * Checks a whole decision and resolves what it refers to; an {@link Invalid} listing every broken
   * rule at once. {@code self} is the decision being changed (null when creating).
   */
  private Checked check(
      Handle h,
      User actor,
      ProductAccess product,
      Decision self,
      DecisionDraft d,
      boolean creating) {
    Validation v = new Validation();
    String title = d.title() == null ? null : d.title().strip();
    v.text("title", title, MAX_TITLE)
        .optionalText("context", d.context(), MAX_TEXT)
        .optionalText("outcome", d.outcome(), MAX_TEXT)
        .optionalText("consequences", d.consequences(), MAX_TEXT);

    DecisionStatus status = DecisionStatus.PROPOSED;
    if (d.status() != null && !d.status().isBlank()) {
      try {
        status = DecisionStatus.parse("status", d.status());
      } catch (Invalid e) {
        v.check("status", false, e.reasonFor("status"));
      }
    }

    LocalDate date = null;
    if (d.decidedOn() != null && !d.decidedOn().isBlank()) {
      try {
        date = LocalDate.parse(d.decidedOn().trim());
      } catch (DateTimeParseException e) {
        v.check("decided_on", false, "must be a date such as 2026-03-01");
      }
    }
    if (!v.has("status") && !v.has("decided_on")) {
      v.check(
          "decided_on",
          status != DecisionStatus.DECIDED || date != null,
          "is needed: a decided decision says when it was decided");
      v.check(
          "decided_on",
          status != DecisionStatus.PROPOSED || date == null,
          "must be empty while the decision is proposed");
    }

    List<User> deciders = deciders(h, product, d.deciders(), v);
    if (!v.has("deciders") && !v.has("status")) {
      v.check(
          "deciders",
          status != DecisionStatus.DECIDED || !deciders.isEmpty(),
          "needs at least one person: a decided decision names who decided");
    }

    List<DecisionOption> options = options(d.options(), v);

    Long successor = null;
    if (!v.has("status")) {
      successor = successor(h, actor, product, self, status, d.supersededBy(), v);
    }
    Decision supersedes = null;
    if (creating) {
      supersedes = predecessor(h, actor, product, d.supersedes(), v);
    }
    v.orThrow();
    return new Checked(
        title,
        new DecisionStore.Row(status, d.context(), d.outcome(), d.consequences(), date, successor),
        deciders,
        options,
        supersedes);
  }

  private List<User> deciders(Handle h, ProductAccess product, List<String> handles, Validation v) {
    Set<String> seen = new LinkedHashSet<>();
    for (String handle : handles) {
      if (handle != null && !handle.isBlank()) {
        seen.add(handle.trim().replaceFirst("^@", "").toLowerCase(java.util.Locale.ROOT));
      }
    }
    v.check(
        "deciders", seen.size() <= MAX_DECIDERS, "may name at most " + MAX_DECIDERS + " people");
    List<User> found = new ArrayList<>();
    List<String> strangers = new ArrayList<>();
    for (String handle : seen) {
      workspaces
          .memberByHandle(h, product.workspace().id(), handle)
          .ifPresentOrElse(found::add, () -> strangers.add("@" + handle));
    }
    v.check(
        "deciders",
        strangers.isEmpty(),
        "must be members of the workspace; "
            + String.join(", ", strangers)
            + (strangers.size() == 1 ? " is not one" : " are not"));
    return found;
  }

  private static List<DecisionOption> options(List<DecisionOption> options, Validation v) {
    v.check(
        "options", options.size() <= MAX_OPTIONS, "may list at most " + MAX_OPTIONS + " options");
    int chosen = 0;
    for (int i = 0; i < options.size(); i++) {
      DecisionOption o = options.get(i);
      if (o == null) {
        v.check("options[" + i + "]", false, "must be an option with a name");
        continue;
      }
      String at = "options[" + i + "].";
      v.text(at + "name", o.name(), MAX_OPTION_NAME)
          .optionalText(at + "description", o.description(), MAX_OPTION_DESCRIPTION);
      points(at + "pros", o.pros(), v);
      points(at + "cons", o.cons(), v);
      if (o.chosen()) {
        chosen++;
      }
    }
    v.check(
        "options",
        chosen <= 1,
        "may have at most one chosen option (" + chosen + " are marked chosen)");
    return options;
  }

  private static void points(String field, List<String> points, Validation v) {
    v.check(field, points.size() <= MAX_POINTS, "may list at most " + MAX_POINTS + " points");
    for (String point : points) {
      v.optionalText(field, point, MAX_POINT)
          .check(field, point.indexOf('\n') < 0 && point.indexOf('\r') < 0, "are one line each");
    }
  }

  /** The id of the decision that supersedes this one, checked. */
  private Long successor(
      Handle h,
      User actor,
      ProductAccess product,
      Decision self,
      DecisionStatus status,
      String ref,
      Validation v) {
    boolean given = ref != null && !ref.isBlank();
    if (status != DecisionStatus.SUPERSEDED) {
      v.check(
          "superseded_by",
          !given,
          "names the decision that replaces this one; set the status to superseded, or leave it"
              + " empty");
      return null;
    }
    if (!given) {
      v.check(
          "superseded_by",
          false,
          "is needed: a superseded decision names the decision that replaces it");
      return null;
    }
    Decision successor = otherDecision(h, actor, product, ref.trim(), "superseded_by", v);
    if (successor == null) {
      return null;
    }
    if (self != null) {
      v.check("superseded_by", successor.id() != self.id(), "cannot be the decision itself");
      // Walk the chain of successors: it must never lead back here.
      Set<Long> seen = new HashSet<>();
      Long at = successor.id();
      while (at != null && seen.add(at) && !v.has("superseded_by")) {
        v.check(
            "superseded_by",
            at != self.id(),
            successor.key() + " is itself superseded, through its successors, by this decision");
        at = store.successor(h, at).orElse(null);
      }
    }
    return successor.id();
  }

  /** The decision a new one replaces, checked. */
  private Decision predecessor(
      Handle h, User actor, ProductAccess product, String ref, Validation v) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    Decision old = otherDecision(h, actor, product, ref.trim(), "supersedes", v);
    if (old != null && old.supersededBy() != null) {
      v.check(
          "supersedes", false, old.key() + " is already superseded by " + old.supersededBy().key());
    }
    return old;
  }

  /** A live decision of the same product by id or key, or an error on {@code field}. */
  private Decision otherDecision(
      Handle h, User actor, ProductAccess product, String ref, String field, Validation v) {
    ItemAccess access;
    try {
      access = items.access(h, actor, ref);
    } catch (NotFound | Invalid e) {
      v.check(field, false, "must be a decision; there is none " + ref + " that you can see");
      return null;
    }
    if (!access.item().kind().equals(KIND)
        || !Objects.equals(access.item().productId(), product.id())) {
      v.check(field, false, ref + " is not a decision of " + product.product().name());
      return null;
    }
    return store.byId(h, access.id()).orElseThrow();
  }

  // ---- Telling people ---------------------------------------------------------------------------

  /**
   * Tells newly named deciders and newly mentioned members about the decision; returns who was
   * told, so that watchers are not told twice.
   */
  private Set<Long> tell(
      Handle h, Item item, User actor, Checked c, Set<Long> oldDeciders, Set<String> oldMentions) {
    List<String> newDeciders =
        c.deciders().stream().filter(u -> !oldDeciders.contains(u.id())).map(User::handle).toList();
    Set<Long> told =
        new HashSet<>(
            notifier.mentioned(
                h,
                item,
                actor,
                newDeciders,
                actor.name() + " named you a decider of " + item.label()));
    Set<String> mentioned = mentions(c.row(), c.options());
    mentioned.removeAll(oldMentions);
    Set<String> untold = new HashSet<>();
    for (String handle : mentioned) {
      if (!newDeciders.contains(handle)) {
        untold.add(handle);
      }
    }
    told.addAll(
        notifier.mentioned(
            h, item, actor, untold, actor.name() + " mentioned you in " + item.label()));
    return told;
  }

  private static Set<String> mentions(Decision d) {
    return mentions(
        new DecisionStore.Row(d.status(), d.context(), d.outcome(), d.consequences(), null, null),
        d.options());
  }

  private static Set<String> mentions(DecisionStore.Row row, List<DecisionOption> options) {
    Set<String> handles = new HashSet<>();
    handles.addAll(Mentions.handles(row.context()));
    handles.addAll(Mentions.handles(row.outcome()));
    handles.addAll(Mentions.handles(row.consequences()));
    for (DecisionOption o : options) {
      handles.addAll(Mentions.handles(o.description()));
    }
    return handles;
  }

  // ---- The audit trail --------------------------------------------------------------------------

  private static Map<String, Object> fields(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", d.title());
    m.put("status", d.status().id());
    m.put("decided_on", d.decidedOn() == null ? null : d.decidedOn().toString());
    m.put("superseded_by", d.supersededBy() == null ? null : d.supersededBy().id());
    m.put("context", d.context());
    m.put("outcome", d.outcome());
    m.put("consequences", d.consequences());
    m.put("options", optionSummary(d.options()));
    m.put("deciders", d.deciders().stream().map(Decider::handle).sorted().toList());
    return m;
  }

  private static Map<String, Object> fields(
      String title, DecisionStore.Row row, List<DecisionOption> options, List<User> deciders) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("status", row.status().id());
    m.put("decided_on", row.decidedOn() == null ? null : row.decidedOn().toString());
    m.put("superseded_by", row.supersededBy());
    m.put("context", row.context());
    m.put("outcome", row.outcome());
    m.put("consequences", row.consequences());
    m.put("options", optionSummary(options));
    m.put("deciders", deciders.stream().map(User::handle).sorted().toList());
    return m;
  }

  /** Options as the activity shows them: their names, the chosen one marked. */
  private static List<String> optionSummary(List<DecisionOption> options) {
    return options.stream().map(o -> o.chosen() ? o.name() + " (chosen)" : o.name()).toList();
  }
}
