package io.hatrack.escalations;

import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.WorkItemType;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkType;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Escalations of a product: opening one for a customer, changing it (optimistic locking), moving it
 * through its statuses, writing internal notes and customer updates on its timeline, linking it to
 * the features and bugs behind it, and reading it with its SLA clocks.
 */
public final class EscalationService {
  /** The kind of an escalation in the entity table. */
  public static final String KIND = EscalationStore.KIND;

  /** The link from an escalation to the feature or bug behind it. */
  public static final LinkType CONCERNS = new LinkType("concerns", "concerns", "escalated in");

  public static final int MAX_TITLE = 200;
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_LIST = 500;

  /** What the service works with. */
  public record Parts(
      Database db,
      EscalationStore store,
      SlaPolicyService policies,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      CustomerService customers,
      WorkItemService workItems,
      LinkService links,
      EscalationSearch search,
      AuditLog audit,
      Clock clock) {}

  private final Parts p;
  private final Database db;
  private final EscalationStore store;

  public EscalationService(Parts parts) {
    this.p = parts;
    this.db = parts.db();
    this.store = parts.store();
  }

  /** An escalation with its clocks at the time it was read. */
  public record Sla(Escalation escalation, SlaPolicy policy, SlaEvaluation.State state) {}

  /** An escalation as one reader sees it: with its timeline, links and SLA clocks. */
  public record View(
      Escalation escalation,
      ItemAccess access,
      SlaPolicy policy,
      SlaEvaluation.State state,
      List<TimelineEntry> timeline) {
    public boolean canEdit() {
      return access.role().atLeast(Role.EDITOR);
    }

    public Sla sla() {
      return new Sla(escalation, policy, state);
    }
  }

  /** A product's escalations with their clocks, and the product's policy. */
  public record Listing(ProductAccess product, SlaPolicy policy, List<Sla> escalations) {
    public boolean canEdit() {
      return product.role().atLeast(Role.EDITOR);
    }
  }

  // Reading.

  public View get(User actor, String ref) {
    return db.tx(h -> view(h, access(h, actor, ref)));
  }

  /** An escalation of the product named by {@code productRef}; not found if of another one. */
  public View get(User actor, String productRef, String ref) {
    return db.tx(
        h -> {
          ProductAccess product = p.products().access(h, actor, productRef);
          ItemAccess access = p.items().access(h, actor, product, ref == null ? "" : ref.strip());
          if (!access.item().kind().equals(KIND)
              || !Objects.equals(access.item().productId(), product.id())) {
            throw new NotFound("escalation");
          }
          return view(h, access);
        });
  }

  private View view(Handle h, ItemAccess access) {
    Escalation x = store.byId(h, access.id()).orElseThrow();
    List<TimelineEntry> stored = store.timeline(h, x.id());
    SlaPolicy policy = p.policies().byIdOrDefault(h, x.item().workspaceId(), x.policyId());
    SlaEvaluation.State state = state(x, policy, stored, p.clock().instant());
    List<TimelineEntry> timeline = new ArrayList<>(stored);
    for (Link l : p.links().list(h, x.id())) {
      timeline.add(
          new TimelineEntry(
              -l.id(),
              x.id(),
              TimelineEntry.Kind.LINK,
              l.label() + " " + l.other().label(),
              null,
              l.other().key(),
              l.createdBy(),
              p.workspaces()
                  .memberById(h, x.item().workspaceId(), l.createdBy())
                  .map(User::name)
                  .orElse(null),
              l.createdAt()));
    }
    timeline.sort(Comparator.comparing(TimelineEntry::at));
    return new View(x, access, policy, state, timeline);
  }

  static SlaEvaluation.State state(
      Escalation x, SlaPolicy policy, List<TimelineEntry> timeline, Instant now) {
    return SlaEvaluation.evaluate(
        policy.clock(),
        policy.targets(x.severity()),
        Escalation.history(x.openedAt(), timeline),
        x.firstResponseAt(),
        now);
  }

  private ItemAccess access(Handle h, User actor, String ref) {
    ItemAccess access = p.items().access(h, actor, ref == null ? "" : ref.strip());
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("escalation");
    }
    return access;
  }

  /** A product's escalations matching {@code filter}, newest first, with their clocks. */
  public Listing list(User actor, String productRef, EscalationFilter filter, int limit) {
    new Validation()
        .check("limit", limit >= 1 && limit <= MAX_LIST, "must be 1 to " + MAX_LIST)
        .orThrow();
    return db.tx(
        h -> {
          ProductAccess product = p.products().access(h, actor, productRef);
          SlaPolicy policy = p.policies().forProduct(h, product.workspace().id(), product.id());
          List<Escalation> rows = store.list(h, product.id(), filter, limit);
          return new Listing(product, policy, withClocks(h, product.workspace().id(), rows));
        });
  }

  /**
   * A product's escalations filtered as typed: status ({@code open} or one status), severity,
   * customer (id, external id or name) and owner (handle or id); blank filters do not filter.
   */
  public Listing list(
      User actor,
      String productRef,
      String status,
      String severity,
      String customer,
      String owner,
      int limit) {
    new Validation()
        .check("limit", limit >= 1 && limit <= MAX_LIST, "must be 1 to " + MAX_LIST)
        .orThrow();
    String st = blank(status) ? null : status.strip().toLowerCase(java.util.Locale.ROOT);
    if (st != null && !st.equals("open")) {
      st = EscalationStatus.parse("status", st).id();
    }
    Severity sev = blank(severity) ? null : Severity.parse("severity", severity);
    String statusFilter = st;
    return db.tx(
        h -> {
          ProductAccess product = p.products().access(h, actor, productRef);
          long ws = product.workspace().id();
          Long customerId = null;
          if (!blank(customer)) {
            customerId =
                customer(h, ws, customer)
                    .map(Customer::id)
                    .orElseThrow(
                        () -> Invalid.field("customer", "is not a customer of the workspace"));
          }
          Long ownerId = null;
          if (!blank(owner)) {
            ownerId =
                member(h, ws, owner)
                    .map(User::id)
                    .orElseThrow(() -> Invalid.field("owner", "is not a member of the workspace"));
          }
          SlaPolicy policy = p.policies().forProduct(h, ws, product.id());
          List<Escalation> rows =
              store.list(
                  h,
                  product.id(),
                  new EscalationFilter(statusFilter, sev, customerId, ownerId),
                  limit);
          return new Listing(product, policy, withClocks(h, ws, rows));
        });
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The clocks of many escalations, read with their timelines in one go. */
  List<Sla> withClocks(Handle h, long workspaceId, List<Escalation> rows) {
    Map<Long, SlaPolicy> policies = p.policies().all(h, workspaceId);
    Map<Long, List<TimelineEntry>> timelines =
        store.timelines(h, rows.stream().map(Escalation::id).toList());
    Instant now = p.clock().instant();
    List<Sla> out = new ArrayList<>(rows.size());
    for (Escalation x : rows) {
      SlaPolicy policy = policies.getOrDefault(x.policyId() == null ? 0L : x.policyId(), null);
      if (policy == null) {
        policy = policies.get(0L);
      }
      out.add(new Sla(x, policy, state(x, policy, timelines.getOrDefault(x.id(), List.of()), now)));
    }
    return out;
  }

  // Opening and changing.

  public Escalation create(User actor, String productRef, EscalationDraft draft) {
    return db.tx(
        h ->
            create(
                h, actor, p.products().access(h, actor, productRef), draft, p.clock().instant()));
  }

  /** Opens an escalation at {@code at} inside the caller's transaction (the demo uses this). */
  public Escalation create(
      Handle h, User actor, ProductAccess product, EscalationDraft draft, Instant at) {
    product.require(Role.EDITOR, "open escalations");
    long ws = product.workspace().id();
    String title = draft.title() == null ? null : draft.title().strip();
    String description = draft.description() == null ? "" : draft.description().strip();
    Validation v =
        new Validation()
            .text("title", title, MAX_TITLE)
            .optionalText("description", description, MAX_TEXT)
            .check(
                "customer",
                draft.customer() != null && !draft.customer().isBlank(),
                "must name a customer of the workspace (id, external id or name)");
    Severity severity = null;
    try {
      severity = Severity.parse("severity", draft.severity());
    } catch (Invalid e) {
      v.check("severity", false, e.reasonFor("severity"));
    }
    Customer customer = null;
    if (!v.has("customer")) {
      Optional<Customer> found = customer(h, ws, draft.customer());
      v.check(
          "customer",
          found.isPresent(),
          "no customer of the workspace has the id, external id or name "
              + draft.customer().strip());
      customer = found.orElse(null);
    }
    Long owner = null;
    if (draft.owner() != null && !draft.owner().isBlank()) {
      Optional<User> o = member(h, ws, draft.owner());
      v.check("owner", o.isPresent(), "is not a member of the workspace");
      owner = o.map(User::id).orElse(null);
    }
    v.orThrow();
    SlaPolicy policy = p.policies().forProduct(h, ws, product.id());
    Item item = p.items().create(h, actor, product, KIND, title);
    store.insert(
        h,
        item.id(),
        product.id(),
        new EscalationStore.Row(
            customer.id(), severity, EscalationStatus.NEW, owner, description, policy.id(), at));
    store.insertEvent(
        h,
        item.id(),
        TimelineEntry.Kind.OPENED,
        "Opened for " + customer.name() + " at " + severity.id(),
        null,
        EscalationStatus.NEW.id(),
        actor.id(),
        at);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("customer", customer.name());
    after.put("severity", severity.id());
    after.put("title", title);
    p.audit()
        .record(
            h,
            item.change(
                actor.id(),
                "escalation.created",
                "opened the escalation " + item.label() + " for " + customer.name(),
                null,
                after));
    p.search().refresh(h, item.id());
    return store.byId(h, item.id()).orElseThrow();
  }

  private Optional<Customer> customer(Handle h, long ws, String text) {
    String t = text.strip();
    if (t.matches("\\d{1,18}")) {
      Optional<Customer> byId = p.customers().liveIn(h, ws, Long.parseLong(t));
      if (byId.isPresent()) {
        return byId;
      }
    }
    return p.customers().findByExternalIdOrName(h, ws, t);
  }

  private Optional<User> member(Handle h, long ws, String ref) {
    String r = ref.strip();
    if (r.startsWith("@")) {
      r = r.substring(1);
    }
    Ref parsed = new Ref(r);
    return parsed.id().isPresent()
        ? p.workspaces().memberById(h, ws, parsed.id().getAsLong())
        : p.workspaces().memberByHandle(h, ws, r);
  }

  /** Changes title, description, customer, severity or owner if still at the version. */
  public Escalation update(User actor, String ref, long expectedVersion, EscalationDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "change escalations");
          Escalation before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This escalation", expectedVersion, before.version());
          }
          return update(h, actor, before, draft, p.clock().instant());
        });
  }

  private Escalation update(
      Handle h, User actor, Escalation before, EscalationDraft d, Instant at) {
    long ws = before.item().workspaceId();
    String title = d.title() == null ? before.title() : d.title().strip();
    String description = d.description() == null ? before.description() : d.description().strip();
    Validation v =
        new Validation()
            .text("title", title, MAX_TITLE)
            .optionalText("description", description, MAX_TEXT);
    Severity severity = before.severity();
    if (d.severity() != null) {
      try {
        severity = Severity.parse("severity", d.severity());
      } catch (Invalid e) {
        v.check("severity", false, e.reasonFor("severity"));
      }
    }
    long customerId = before.customerId();
    String customerName = before.customerName();
    if (d.customer() != null) {
      Optional<Customer> c =
          d.customer().isBlank() ? Optional.empty() : customer(h, ws, d.customer());
      v.check(
          "customer",
          c.isPresent(),
          "no customer of the workspace has the id, external id or name " + d.customer().strip());
      if (c.isPresent()) {
        customerId = c.get().id();
        customerName = c.get().name();
      }
    }
    Long owner = before.ownerId();
    String ownerName = before.ownerName();
    if (d.owner() != null) {
      if (d.owner().isBlank()) {
        owner = null;
        ownerName = null;
      } else {
        Optional<User> o = member(h, ws, d.owner());
        v.check("owner", o.isPresent(), "is not a member of the workspace");
        owner = o.map(User::id).orElse(null);
        ownerName = o.map(User::name).orElse(null);
      }
    }
    v.orThrow();
    p.items().bump(h, actor, before.item(), before.version(), title);
    store.update(h, before.id(), customerId, severity, owner, description);
    if (severity != before.severity()) {
      store.insertEvent(
          h,
          before.id(),
          TimelineEntry.Kind.SEVERITY,
          "",
          before.severity().id(),
          severity.id(),
          actor.id(),
          at);
    }
    if (!Objects.equals(owner, before.ownerId())) {
      store.insertEvent(
          h,
          before.id(),
          TimelineEntry.Kind.OWNER,
          "",
          before.ownerName(),
          ownerName,
          actor.id(),
          at);
    }
    Map<String, Object> was = new LinkedHashMap<>();
    Map<String, Object> now = new LinkedHashMap<>();
    changed(was, now, "title", before.title(), title);
    changed(was, now, "description", before.description(), description);
    changed(was, now, "customer", before.customerName(), customerName);
    changed(was, now, "severity", before.severity().id(), severity.id());
    changed(was, now, "owner", before.ownerName(), ownerName);
    p.audit()
        .record(
            h,
            before
                .item()
                .change(
                    actor.id(),
                    "escalation.updated",
                    "changed the escalation " + before.item().label(),
                    was,
                    now));
    p.search().refresh(h, before.id());
    return store.byId(h, before.id()).orElseThrow();
  }

  private static void changed(
      Map<String, Object> was, Map<String, Object> now, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      was.put(field, a);
      now.put(field, b);
    }
  }

  /**
   * Moves an escalation to {@code status} if it is still at the version and the move is allowed
   * (reopening a resolved or closed one goes back to investigating), with an optional note.
   */
  public Escalation changeStatus(
      User actor, String ref, long expectedVersion, String status, String note) {
    EscalationStatus to = EscalationStatus.parse("status", status);
    new Validation().optionalText("note", note, MAX_TEXT).orThrow();
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "change escalations");
          Escalation before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This escalation", expectedVersion, before.version());
          }
          return changeStatus(h, actor, before, to, note, p.clock().instant());
        });
  }

  /** Moves an escalation on at {@code at}, inside the caller's transaction (the demo uses this). */
  public Escalation changeStatus(
      Handle h, User actor, Escalation before, EscalationStatus to, String note, Instant at) {
    if (!before.status().mayMoveTo(to)) {
      throw Invalid.field(
          "status",
          "cannot go from "
              + before.status().id()
              + " to "
              + to.id()
              + "; it may go to "
              + String.join(", ", before.status().next().stream().map(s -> s.id()).toList()));
    }
    p.items().bump(h, actor, before.item(), before.version(), before.title());
    Instant resolved =
        to == EscalationStatus.RESOLVED
            ? at
            : to == EscalationStatus.CLOSED ? orElse(before.resolvedAt(), at) : null;
    store.setStatus(h, before.id(), to, resolved, to == EscalationStatus.CLOSED ? at : null);
    store.insertEvent(
        h,
        before.id(),
        TimelineEntry.Kind.STATUS,
        note == null ? "" : note.strip(),
        before.status().id(),
        to.id(),
        actor.id(),
        at);
    p.audit()
        .record(
            h,
            before
                .item()
                .change(
                    actor.id(),
                    "escalation.status",
                    "moved " + before.item().label() + " to " + to.label(),
                    Map.of("status", before.status().id()),
                    Map.of("status", to.id())));
    p.search().refresh(h, before.id());
    return store.byId(h, before.id()).orElseThrow();
  }

  private static Instant orElse(Instant a, Instant b) {
    return a != null ? a : b;
  }

  /**
   * Writes an internal note or an update to the customer on the timeline; the first customer update
   * is the escalation's first response. Commenters may write (support staff often are).
   */
  public TimelineEntry post(User actor, String ref, String kind, String text) {
    TimelineEntry.Kind k = writtenKind(kind);
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.COMMENTER, "write on escalations");
          Escalation x = store.byId(h, access.id()).orElseThrow();
          return post(h, actor, x, k, text, p.clock().instant());
        });
  }

  /** Writes on the timeline at {@code at}, inside the caller's transaction. */
  public TimelineEntry post(
      Handle h, User actor, Escalation x, TimelineEntry.Kind kind, String text, Instant at) {
    String body = text == null ? null : text.strip();
    new Validation().text("text", body, MAX_TEXT).orThrow();
    long id = store.insertEvent(h, x.id(), kind, body, null, null, actor.id(), at);
    if (kind == TimelineEntry.Kind.CUSTOMER_UPDATE) {
      store.firstResponse(h, x.id(), at);
    }
    p.audit()
        .record(
            h,
            x.item()
                .change(
                    actor.id(),
                    "escalation." + kind.id(),
                    (kind == TimelineEntry.Kind.NOTE
                            ? "wrote a note on "
                            : "updated the customer on ")
                        + x.item().label(),
                    null,
                    null));
    p.search().refresh(h, x.id());
    return store.timeline(h, x.id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  private static TimelineEntry.Kind writtenKind(String kind) {
    String k =
        kind == null ? "" : kind.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    return switch (k) {
      case "note" -> TimelineEntry.Kind.NOTE;
      case "customer_update" -> TimelineEntry.Kind.CUSTOMER_UPDATE;
      default -> throw Invalid.field("kind", "must be note or customer_update");
    };
  }

  /** Links the escalation to a feature or bug (by key) with the "concerns" link. */
  public Link link(User actor, String ref, String target) {
    if (target == null || target.isBlank()) {
      throw Invalid.field("target", "must name a feature or bug by key, such as CHK-42");
    }
    WorkItemType type;
    try {
      type = p.workItems().get(actor, target.strip()).item().type();
    } catch (NotFound e) {
      throw Invalid.field("target", "no feature or bug " + target.strip() + " that you can see");
    }
    if (type != WorkItemType.FEATURE && type != WorkItemType.BUG) {
      throw Invalid.field(
          "target",
          "must be a feature or a bug, not " + type.label().toLowerCase(java.util.Locale.ROOT));
    }
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "link escalations");
          return p.links().add(h, actor, access, target.strip(), CONCERNS.id());
        });
  }

  /** Links the escalation to an item the caller checked, inside the caller's transaction. */
  public Link link(Handle h, User actor, Escalation x, String target) {
    ItemAccess access = p.items().access(h, actor, x.id()).require(Role.EDITOR, "link escalations");
    return p.links().add(h, actor, access, target, CONCERNS.id());
  }
}
