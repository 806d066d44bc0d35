package io.hatrack.escalations;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The SLA policies of a workspace: creating, changing (optimistic locking) and deleting them, which
 * one is the default (a workspace without any gets the standard policy the first time one is
 * needed), and which policy each product picked.
 */
public final class SlaPolicyService {
  public static final int MAX_NAME = 80;
  public static final int MAX_HOLIDAYS = 400;

  /** The longest target: a year of business time, in minutes. */
  public static final long MAX_TARGET_MINUTES = 366L * 24 * 60;

  private final Database db;
  private final SlaPolicyStore store;
  private final EscalationStore escalations;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final AuditLog audit;
  private final Clock clock;

  public SlaPolicyService(
      Database db,
      SlaPolicyStore store,
      EscalationStore escalations,
      WorkspaceService workspaces,
      ProductService products,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.escalations = escalations;
    this.workspaces = workspaces;
    this.products = products;
    this.audit = audit;
    this.clock = clock;
  }

  /** A workspace's policies with the reader's access, and which policy each product picked. */
  public record Listing(
      WorkspaceAccess ws,
      List<SlaPolicy> policies,
      List<io.hatrack.kernel.work.Product> products,
      Map<Long, Long> picks) {
    public boolean canEdit() {
      return ws.can(Role.EDITOR);
    }

    public SlaPolicy byDefault() {
      return policies.stream().filter(SlaPolicy::isDefault).findFirst().orElseThrow();
    }
  }

  /** The workspace's policies; the standard one is created first if there is none. */
  public Listing list(User actor, String workspaceRef) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = workspaces.access(h, actor, new Ref(workspaceRef));
          ensureDefault(h, ws.id());
          return new Listing(ws, store.list(h, ws.id()), List.of(), store.picks(h, ws.id()));
        });
  }

  /** As {@link #list}, with the workspace's products for the page that picks their policy. */
  public Listing page(User actor, String workspaceRef) {
    Listing l = list(actor, workspaceRef);
    return new Listing(l.ws(), l.policies(), products.list(l.ws()), l.picks());
  }

  public SlaPolicy get(User actor, String workspaceRef, long id) {
    return db.read(h -> policy(h, workspaces.access(h, actor, new Ref(workspaceRef)), id));
  }

  private SlaPolicy policy(Handle h, WorkspaceAccess ws, long id) {
    return store
        .byId(h, id)
        .filter(p -> p.workspaceId() == ws.id())
        .orElseThrow(() -> new NotFound("SLA policy"));
  }

  /** The workspace's default policy, created as the standard one if it has none. */
  public SlaPolicy ensureDefault(Handle h, long workspaceId) {
    List<SlaPolicy> all = store.list(h, workspaceId);
    if (!all.isEmpty() && all.get(0).isDefault()) {
      return all.get(0);
    }
    if (!all.isEmpty()) {
      // Policies without a default (the default was deleted by hand): the first becomes it.
      SlaPolicy first = all.get(0);
      SlaPolicy made = withDefault(first, true);
      store.update(h, first.id(), first.version(), made, clock.instant());
      return store.byId(h, first.id()).orElseThrow();
    }
    SlaPolicy standard =
        new SlaPolicy(
            0,
            workspaceId,
            SlaPolicy.STANDARD,
            true,
            null,
            SlaPolicy.standardTargets(),
            clock.instant(),
            clock.instant(),
            1);
    long id = store.insert(h, workspaceId, standard, clock.instant());
    return store.byId(h, id).orElseThrow();
  }

  /** The policy of a product: the one it picked, else the workspace's default. */
  public SlaPolicy forProduct(Handle h, long workspaceId, long productId) {
    return store
        .picked(h, productId)
        .flatMap(id -> store.byId(h, id))
        .orElseGet(() -> ensureDefault(h, workspaceId));
  }

  /** The policy with this id, or the workspace's default when it is gone or null. */
  public SlaPolicy byIdOrDefault(Handle h, long workspaceId, Long id) {
    return (id == null ? java.util.Optional.<SlaPolicy>empty() : store.byId(h, id))
        .orElseGet(() -> ensureDefault(h, workspaceId));
  }

  /** Every policy of the workspace by id, the default under key 0 too (for many escalations). */
  public Map<Long, SlaPolicy> all(Handle h, long workspaceId) {
    Map<Long, SlaPolicy> out = new LinkedHashMap<>();
    SlaPolicy byDefault = ensureDefault(h, workspaceId);
    out.put(0L, byDefault);
    store.list(h, workspaceId).forEach(p -> out.put(p.id(), p));
    return out;
  }

  public SlaPolicy create(User actor, String workspaceRef, SlaPolicyDraft draft) {
    return db.tx(
        h -> {
          WorkspaceAccess ws =
              workspaces
                  .access(h, actor, new Ref(workspaceRef))
                  .require(Role.EDITOR, "create SLA policies");
          return create(h, actor, ws, draft);
        });
  }

  /** Creates a policy inside the caller's transaction (the demo uses this). */
  public SlaPolicy create(Handle h, User actor, WorkspaceAccess ws, SlaPolicyDraft draft) {
    ws.require(Role.EDITOR, "create SLA policies");
    ensureDefault(h, ws.id());
    SlaPolicy p = check(draft, null, ws.id());
    if (store.nameTaken(h, ws.id(), p.name(), -1)) {
      throw Conflict.taken("name", p.name());
    }
    long id = store.insert(h, ws.id(), p, clock.instant());
    if (p.isDefault()) {
      store.clearDefault(h, ws.id(), id);
    }
    record(h, ws, actor, "sla_policy.created", "created the SLA policy " + p.name(), null, p);
    return store.byId(h, id).orElseThrow();
  }

  /** Changes a policy if it is still at {@code expectedVersion}; null fields keep their value. */
  public SlaPolicy update(
      User actor, String workspaceRef, long id, long expectedVersion, SlaPolicyDraft draft) {
    return db.tx(
        h -> {
          WorkspaceAccess ws =
              workspaces
                  .access(h, actor, new Ref(workspaceRef))
                  .require(Role.EDITOR, "change SLA policies");
          SlaPolicy before = policy(h, ws, id);
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This SLA policy", expectedVersion, before.version());
          }
          SlaPolicy p = check(draft, before, ws.id());
          if (before.isDefault() && !p.isDefault()) {
            throw Invalid.field(
                "default", "make another policy the default instead; a workspace needs one");
          }
          if (store.nameTaken(h, ws.id(), p.name(), id)) {
            throw Conflict.taken("name", p.name());
          }
          if (!store.update(h, id, expectedVersion, p, clock.instant())) {
            throw Conflict.staleVersion("This SLA policy", expectedVersion, before.version() + 1);
          }
          if (p.isDefault()) {
            store.clearDefault(h, ws.id(), id);
          }
          record(
              h, ws, actor, "sla_policy.updated", "changed the SLA policy " + p.name(), before, p);
          return store.byId(h, id).orElseThrow();
        });
  }

  /**
   * Deletes a policy that is not the default; its products and escalations go over to the default.
   */
  public void delete(User actor, String workspaceRef, long id, long expectedVersion) {
    db.txVoid(
        h -> {
          WorkspaceAccess ws =
              workspaces
                  .access(h, actor, new Ref(workspaceRef))
                  .require(Role.EDITOR, "delete SLA policies");
          SlaPolicy p = policy(h, ws, id);
          if (p.isDefault()) {
            throw Conflict.state(
                "The default SLA policy cannot be deleted; make another policy the default first.");
          }
          SlaPolicy byDefault = ensureDefault(h, ws.id());
          escalations.movePolicy(h, id, byDefault.id());
          if (!store.delete(h, id, expectedVersion)) {
            throw Conflict.staleVersion("This SLA policy", expectedVersion, p.version());
          }
          record(h, ws, actor, "sla_policy.deleted", "deleted the SLA policy " + p.name(), p, null);
        });
  }

  /** The product's choice of policy (null: the workspace's default). */
  public SlaPolicy pick(User actor, String productRef, Long policyId) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "pick an SLA policy");
          return pick(h, actor, product, policyId);
        });
  }

  /** As {@link #pick(User, String, Long)}, inside the caller's transaction. */
  public SlaPolicy pick(Handle h, User actor, ProductAccess product, Long policyId) {
    product.require(Role.EDITOR, "pick an SLA policy");
    WorkspaceAccess ws = product.workspace();
    SlaPolicy p;
    if (policyId == null) {
      p = ensureDefault(h, ws.id());
    } else {
      p =
          store
              .byId(h, policyId)
              .filter(x -> x.workspaceId() == ws.id())
              .orElseThrow(() -> Invalid.field("policy", "is not an SLA policy of the workspace"));
    }
    store.pick(h, product.id(), policyId);
    audit.record(
        h,
        new Change(
            ws.id(),
            product.id(),
            null,
            actor.id(),
            "sla_policy.picked",
            product.product().name() + " now uses the SLA policy " + p.name(),
            null,
            Map.of("policy", p.name()),
            true));
    return p;
  }

  /** The product's current policy, as the reader sees it. */
  public SlaPolicy ofProduct(User actor, String productRef) {
    return db.tx(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          return forProduct(h, product.workspace().id(), product.id());
        });
  }

  /** Whether the product picked a policy of its own (rather than following the default). */
  public boolean picked(User actor, String productRef) {
    return db.read(h -> store.picked(h, products.access(h, actor, productRef).id()).isPresent());
  }

  // Checks.

  private static SlaPolicy withDefault(SlaPolicy p, boolean isDefault) {
    return new SlaPolicy(
        p.id(),
        p.workspaceId(),
        p.name(),
        isDefault,
        p.hours(),
        p.targets(),
        p.createdAt(),
        p.updatedAt(),
        p.version());
  }

  /** Checks a draft against the policy it changes (null: a new one), every field at once. */
  SlaPolicy check(SlaPolicyDraft d, SlaPolicy before, long workspaceId) {
    List<FieldError> errors = new ArrayList<>();
    String name = d.name() != null ? d.name().strip() : before == null ? null : before.name();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    } else if (name.length() > MAX_NAME) {
      errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
    }
    boolean isDefault =
        d.makeDefault() != null ? d.makeDefault() : before != null && before.isDefault();
    BusinessHours was = before == null ? null : before.hours();
    boolean inHours = d.businessHours() != null ? d.businessHours() : was != null;
    BusinessHours hours = null;
    if (inHours) {
      hours = hours(d, was == null ? SlaPolicy.officeHours() : was, errors);
    }
    Map<Severity, SlaTargets> targets =
        new EnumMap<>(before == null ? SlaPolicy.standardTargets() : before.targets());
    if (d.targets() != null) {
      for (Map.Entry<String, SlaPolicyDraft.Target> e : d.targets().entrySet()) {
        target(e.getKey(), e.getValue(), targets, errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return new SlaPolicy(
        before == null ? 0 : before.id(),
        workspaceId,
        name,
        isDefault,
        hours,
        targets,
        clock.instant(),
        clock.instant(),
        before == null ? 1 : before.version());
  }

  private static void target(
      String key,
      SlaPolicyDraft.Target t,
      Map<Severity, SlaTargets> targets,
      List<FieldError> errors) {
    Severity s;
    try {
      s = Severity.parse("targets." + key, key);
    } catch (Invalid e) {
      errors.add(new FieldError("targets." + key, "is not a severity; must be S1, S2, S3 or S4"));
      return;
    }
    String field = "targets." + s.id();
    if (t == null) {
      errors.add(new FieldError(field, "must give first_response_minutes and resolution_minutes"));
      return;
    }
    SlaTargets old = targets.get(s);
    long first = t.firstResponseMinutes() != null ? t.firstResponseMinutes() : minutes(old, true);
    long resolution = t.resolutionMinutes() != null ? t.resolutionMinutes() : minutes(old, false);
    boolean ok = true;
    if (first <= 0 || first > MAX_TARGET_MINUTES) {
      errors.add(
          new FieldError(
              field + ".first_response_minutes",
              "must be more than 0 and at most " + MAX_TARGET_MINUTES + " minutes"));
      ok = false;
    }
    if (resolution <= 0 || resolution > MAX_TARGET_MINUTES) {
      errors.add(
          new FieldError(
              field + ".resolution_minutes",
              "must be more than 0 and at most " + MAX_TARGET_MINUTES + " minutes"));
      ok = false;
    }
    if (ok && resolution < first) {
      errors.add(
          new FieldError(
              field + ".resolution_minutes", "must not be shorter than the first response"));
      ok = false;
    }
    if (ok) {
      targets.put(s, SlaTargets.ofMinutes(first, resolution));
    }
  }

  private static long minutes(SlaTargets t, boolean first) {
    return (first ? t.firstResponse() : t.resolution()).toMinutes();
  }

  private static BusinessHours hours(SlaPolicyDraft d, BusinessHours was, List<FieldError> errors) {
    ZoneId zone = was.zone();
    if (d.timeZone() != null) {
      try {
        zone = ZoneId.of(d.timeZone().strip());
      } catch (DateTimeException e) {
        errors.add(
            new FieldError("time_zone", "is not a time zone; use a name such as Europe/Berlin"));
      }
    }
    Set<DayOfWeek> days = was.days();
    if (d.workDays() != null) {
      days = EnumSet.noneOf(DayOfWeek.class);
      for (String day : d.workDays()) {
        DayOfWeek w = weekday(day);
        if (w == null) {
          errors.add(new FieldError("work_days", "must be weekdays such as mon, tue, wed"));
          break;
        }
        days.add(w);
      }
      if (days.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("work_days"))) {
        errors.add(new FieldError("work_days", "must name at least one working day"));
      }
    }
    LocalTime start = time("start", d.start(), was.start(), errors);
    LocalTime end = time("end", d.end(), was.end(), errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("end", "must be after the start (" + start + ")"));
    }
    Set<LocalDate> holidays = was.holidays();
    if (d.holidays() != null) {
      holidays = new TreeSet<>();
      for (String text : d.holidays()) {
        if (text == null || text.isBlank()) {
          continue;
        }
        try {
          holidays.add(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
          errors.add(new FieldError("holidays", "must be dates such as 2026-12-25, not " + text));
          break;
        }
      }
      if (holidays.size() > MAX_HOLIDAYS) {
        errors.add(new FieldError("holidays", "must be at most " + MAX_HOLIDAYS + " days"));
      }
    }
    if (errors.stream()
        .anyMatch(
            e ->
                List.of("time_zone", "work_days", "start", "end", "holidays")
                    .contains(e.field()))) {
      return null;
    }
    return new BusinessHours(zone, days, start, end, holidays);
  }

  private static LocalTime time(
      String field, String text, LocalTime fallback, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalTime.parse(text.strip()).truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a time such as 09:00"));
      return null;
    }
  }

  /** A weekday from mon / monday / 1 (ISO, Monday is 1). */
  static DayOfWeek weekday(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.matches("[1-7]")) {
      return DayOfWeek.of(Integer.parseInt(t));
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (t.length() >= 2 && full.startsWith(t) && (t.length() >= 3 || !t.equals("t"))) {
        return d;
      }
    }
    return null;
  }

  /** A weekday as the API writes it: mon, tue, ... */
  public static String weekday(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }

  private void record(
      Handle h,
      WorkspaceAccess ws,
      User actor,
      String action,
      String summary,
      SlaPolicy before,
      SlaPolicy after) {
    audit.record(
        h,
        new Change(
            ws.id(),
            null,
            null,
            actor.id(),
            action,
            summary,
            before == null ? null : fields(before),
            after == null ? null : fields(after),
            true));
  }

  private static Map<String, Object> fields(SlaPolicy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("default", p.isDefault());
    m.put("time_zone", p.hours() == null ? null : p.hours().zone().getId());
    for (Severity s : Severity.values()) {
      m.put(
          s.id(),
          p.targets(s).firstResponse().toMinutes() + "/" + p.targets(s).resolution().toMinutes());
    }
    return m;
  }
}
