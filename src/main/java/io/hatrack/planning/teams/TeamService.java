package io.hatrack.planning.teams;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.Slugs;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The teams of a workspace: creating and changing them (optimistic locking), their members with an
 * allocation for part-timers, team holidays and members' days off, their capacity per quarter,
 * month or sprint (see {@link TeamCapacity}), and each item's effort per team.
 */
public final class TeamService {
  public static final int MAX_NAME = 80;
  public static final int MAX_TEXT = 2_000;
  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");
  private static final Set<String> UNITS = Set.of("days", "points");

  private final Database db;
  private final TeamStore store;
  private final WorkspaceService workspaces;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  public TeamService(
      Database db,
      TeamStore store,
      WorkspaceService workspaces,
      ItemService items,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /** A team with its people and days off, and the reader's access to its workspace. */
  public record View(
      Team team, List<TeamMember> members, List<DayOff> daysOff, WorkspaceAccess ws) {
    public boolean canEdit() {
      return ws.can(Role.EDITOR);
    }
  }

  /** A workspace's teams with the reader's access. */
  public record Listing(WorkspaceAccess ws, List<Team> teams, Map<Long, Integer> memberCounts) {}

  public Listing list(User actor, String workspaceRef) {
    return db.read(
        h -> {
          WorkspaceAccess ws = workspaces.access(h, actor, new Ref(workspaceRef));
          List<Team> teams = store.list(h, ws.id());
          Map<Long, Integer> counts = new LinkedHashMap<>();
          teams.forEach(t -> counts.put(t.id(), store.members(h, t.id()).size()));
          return new Listing(ws, teams, counts);
        });
  }

  /** The live teams of a workspace, inside the caller's transaction. */
  public List<Team> teams(Handle h, long workspaceId) {
    return store.list(h, workspaceId);
  }

  public View get(User actor, String workspaceRef, String teamRef) {
    return db.read(h -> view(h, access(h, actor, workspaceRef), teamRef));
  }

  /** A team by id, inside the caller's transaction (the roadmap shows its name). */
  public java.util.Optional<Team> byId(Handle h, long teamId) {
    return store.byId(h, teamId);
  }

  private WorkspaceAccess access(Handle h, User actor, String workspaceRef) {
    return workspaces.access(h, actor, new Ref(workspaceRef));
  }

  private Team team(Handle h, WorkspaceAccess ws, String teamRef) {
    Ref ref = new Ref(teamRef == null ? "" : teamRef.strip());
    return (ref.id().isPresent()
            ? store.byId(h, ref.id().getAsLong()).filter(t -> t.workspaceId() == ws.id())
            : store.bySlug(h, ws.id(), ref.slug()))
        .orElseThrow(() -> new NotFound("team"));
  }

  /**
   * A team by slug or id with its people and days off, inside the caller's transaction (the
   * delivery hat's ceremonies read it with their own rows).
   */
  public View get(Handle h, WorkspaceAccess ws, String teamRef) {
    return view(h, ws, teamRef);
  }

  private View view(Handle h, WorkspaceAccess ws, String teamRef) {
    Team t = team(h, ws, teamRef);
    return new View(t, store.members(h, t.id()), store.daysOff(h, t.id()), ws);
  }

  public Team create(User actor, String workspaceRef, TeamDraft draft) {
    return db.tx(h -> create(h, actor, access(h, actor, workspaceRef), draft));
  }

  /** Creates a team inside the caller's transaction (the demo uses this). */
  public Team create(Handle h, User actor, WorkspaceAccess ws, TeamDraft draft) {
    ws.require(Role.EDITOR, "create teams");
    TeamDraft d = check(draft, null);
    if (store.bySlug(h, ws.id(), d.slug()).isPresent()) {
      throw Conflict.taken("slug", d.slug());
    }
    if (store.nameTaken(h, ws.id(), d.name(), -1)) {
      throw Conflict.taken("name", d.name());
    }
    long id = store.insert(h, ws.id(), d, clock.instant());
    record(h, ws, actor, "team.created", "created the team " + d.name(), null, fields(d));
    return store.byId(h, id).orElseThrow();
  }

  /** Changes a team if it is still at {@code expectedVersion}; null fields keep their value. */
  public Team update(
      User actor, String workspaceRef, String teamRef, long expectedVersion, TeamDraft draft) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef).require(Role.EDITOR, "change teams");
          Team before = team(h, ws, teamRef);
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This team", expectedVersion, before.version());
          }
          TeamDraft d = check(draft, before);
          if (!d.slug().equals(before.slug()) && store.bySlug(h, ws.id(), d.slug()).isPresent()) {
            throw Conflict.taken("slug", d.slug());
          }
          if (store.nameTaken(h, ws.id(), d.name(), before.id())) {
            throw Conflict.taken("name", d.name());
          }
          if (!store.update(h, before.id(), expectedVersion, d, clock.instant())) {
            throw Conflict.staleVersion("This team", expectedVersion, before.version() + 1);
          }
          record(
              h,
              ws,
              actor,
              "team.updated",
              "changed the team " + d.name(),
              fields(before),
              fields(d));
          return store.byId(h, before.id()).orElseThrow();
        });
  }

  /** Deletes a team with its members, days off and the efforts items had for it. */
  public void delete(User actor, String workspaceRef, String teamRef, long expectedVersion) {
    db.txVoid(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef).require(Role.EDITOR, "delete teams");
          Team t = team(h, ws, teamRef);
          if (!store.delete(h, t.id(), expectedVersion)) {
            throw Conflict.staleVersion("This team", expectedVersion, t.version());
          }
          record(h, ws, actor, "team.deleted", "deleted the team " + t.name(), fields(t), null);
        });
  }

  /** Puts a member of the workspace on the team (or changes their allocation). */
  public View putMember(
      User actor, String workspaceRef, String teamRef, String userRef, int allocation) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef).require(Role.EDITOR, "change teams");
          Team t = team(h, ws, teamRef);
          new Validation()
              .check("allocation", allocation >= 1 && allocation <= 100, "must be 1 to 100 (%)")
              .orThrow();
          User member = member(h, ws, userRef);
          store.putMember(h, t.id(), member.id(), allocation, clock.instant());
          store.touch(h, t.id(), clock.instant());
          record(
              h,
              ws,
              actor,
              "team.member",
              "put " + member.name() + " on the team " + t.name() + " at " + allocation + " %",
              null,
              Map.of("user", member.handle(), "allocation", allocation));
          return view(h, ws, Long.toString(t.id()));
        });
  }

  private User member(Handle h, WorkspaceAccess ws, String userRef) {
    String ref = userRef == null ? "" : userRef.strip();
    var found =
        new Ref(ref).id().isPresent()
            ? workspaces.memberById(h, ws.id(), new Ref(ref).id().getAsLong())
            : workspaces.memberByHandle(h, ws.id(), ref);
    return found.orElseThrow(() -> Invalid.field("user", "is not a member of the workspace"));
  }

  public View removeMember(User actor, String workspaceRef, String teamRef, long userId) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef).require(Role.EDITOR, "change teams");
          Team t = team(h, ws, teamRef);
          if (!store.removeMember(h, t.id(), userId)) {
            throw new NotFound("team member");
          }
          record(
              h,
              ws,
              actor,
              "team.member.removed",
              "took a member off the team " + t.name(),
              Map.of("user", userId),
              null);
          return view(h, ws, Long.toString(t.id()));
        });
  }

  /** Adds a team holiday ({@code userRef} blank) or a member's days off. */
  public DayOff addDayOff(
      User actor,
      String workspaceRef,
      String teamRef,
      String userRef,
      String firstDay,
      String lastDay,
      String note) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef).require(Role.EDITOR, "change teams");
          Team t = team(h, ws, teamRef);
          LocalDate first = date("first_day", firstDay);
          LocalDate last = lastDay == null || lastDay.isBlank() ? first : date("last_day", lastDay);
          DateRange days = new DateRange(first, last);
          new Validation()
              .check("last_day", first.plusDays(366).isAfter(last), "is more than a year away")
              .optionalText("note", note, 200)
              .orThrow();
          Long userId = null;
          if (userRef != null && !userRef.isBlank()) {
            User u = member(h, ws, userRef);
            if (store.members(h, t.id()).stream().noneMatch(m -> m.userId() == u.id())) {
              throw Invalid.field("user", "is not on the team " + t.name());
            }
            userId = u.id();
          }
          long id =
              store.insertDayOff(
                  h, t.id(), userId, days, note == null ? "" : note.strip(), clock.instant());
          store.touch(h, t.id(), clock.instant());
          record(
              h,
              ws,
              actor,
              "team.day_off",
              "added days off " + first + " to " + last + " to the team " + t.name(),
              null,
              Map.of("first_day", first.toString(), "last_day", last.toString()));
          return store.daysOff(h, t.id()).stream().filter(d -> d.id() == id).findFirst().get();
        });
  }

  public void removeDayOff(User actor, String workspaceRef, String teamRef, long dayOffId) {
    db.txVoid(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef).require(Role.EDITOR, "change teams");
          Team t = team(h, ws, teamRef);
          if (!store.deleteDayOff(h, t.id(), dayOffId)) {
            throw new NotFound("days off");
          }
          record(
              h,
              ws,
              actor,
              "team.day_off.removed",
              "removed days off from the team " + t.name(),
              Map.of("id", dayOffId),
              null);
        });
  }

  /** A team's capacity per period from {@code from} to {@code to}. */
  public record CapacityTable(View team, String period, List<TeamCapacity.Result> rows) {}

  /** The capacity of a team per quarter, month or sprint over a span of dates. */
  public CapacityTable capacity(
      User actor, String workspaceRef, String teamRef, String from, String to, String period) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate start =
        from == null || from.isBlank()
            ? PlanningPeriod.quarterOf(today).start()
            : date("from", from);
    LocalDate end = to == null || to.isBlank() ? start.plusMonths(12).minusDays(1) : date("to", to);
    String kind = period == null || period.isBlank() ? "quarter" : period.strip();
    return db.read(
        h -> {
          View v = view(h, access(h, actor, workspaceRef), teamRef);
          Team t = v.team();
          List<TeamCapacity.Result> rows = new ArrayList<>();
          for (PlanningPeriod p :
              PlanningPeriod.covering(start, end, kind, t.sprintWeeks(), t.sprintStart())) {
            rows.add(capacity(v, p));
          }
          return new CapacityTable(v, kind, rows);
        });
  }

  /** The capacity of a team in a period, in its unit, inside the caller's transaction. */
  public TeamCapacity.Result capacity(Handle h, Team team, PlanningPeriod period) {
    return capacity(
        new View(team, store.members(h, team.id()), store.daysOff(h, team.id()), null), period);
  }

  private static TeamCapacity.Result capacity(View v, PlanningPeriod p) {
    List<DateRange> holidays = new ArrayList<>();
    Map<Long, List<DateRange>> off = new LinkedHashMap<>();
    for (DayOff d : v.daysOff()) {
      if (d.holiday()) {
        holidays.add(d.days());
      } else {
        off.computeIfAbsent(d.userId(), k -> new ArrayList<>()).add(d.days());
      }
    }
    List<TeamCapacity.Member> members =
        v.members().stream()
            .map(
                m ->
                    new TeamCapacity.Member(
                        m.userId(), m.allocation(), off.getOrDefault(m.userId(), List.of())))
            .toList();
    return TeamCapacity.of(p, members, holidays, v.team().points(), v.team().pointsPerDay());
  }

  // Efforts.

  /** An item's efforts per team, and the teams of its workspace one could add. */
  public record Efforts(ItemAccess item, List<ItemEffort> efforts, List<Team> teams) {
    public boolean canEdit() {
      return item.role().atLeast(Role.EDITOR);
    }

    /** The effort for {@code team}, or null. */
    public Double of(Team team) {
      return efforts.stream()
          .filter(e -> e.team().id() == team.id())
          .map(ItemEffort::effort)
          .findFirst()
          .orElse(null);
    }
  }

  public Efforts efforts(User actor, String itemRef) {
    return db.read(
        h -> {
          ItemAccess item = items.access(h, actor, itemRef);
          return new Efforts(
              item, store.efforts(h, List.of(item.id())), store.list(h, item.item().workspaceId()));
        });
  }

  /** The efforts of many items, by item id, inside the caller's transaction (plans read these). */
  public Map<Long, List<ItemEffort>> efforts(Handle h, java.util.Collection<Long> itemIds) {
    Map<Long, List<ItemEffort>> out = new LinkedHashMap<>();
    for (ItemEffort e : store.efforts(h, itemIds)) {
      out.computeIfAbsent(e.itemId(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }

  /**
   * Replaces an item's efforts: team slug (or id) → effort in the team's unit; a null effort takes
   * the team off the item.
   */
  public Efforts setEfforts(User actor, String itemRef, Map<String, Double> efforts) {
    return db.tx(h -> setEfforts(h, actor, items.access(h, actor, itemRef), efforts));
  }

  /** As {@link #setEfforts(User, String, Map)}, inside the caller's transaction. */
  public Efforts setEfforts(Handle h, User actor, ItemAccess item, Map<String, Double> efforts) {
    item.require(Role.EDITOR, "change efforts");
    if (item.item().productId() == null) {
      throw Invalid.field("item", "only items of a product have efforts");
    }
    WorkspaceAccess ws = item.workspace();
    Map<Long, Double> resolved = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : efforts.entrySet()) {
      Team t;
      try {
        t = team(h, ws, e.getKey());
      } catch (NotFound nf) {
        throw Invalid.field(e.getKey(), "is not a team of the workspace");
      }
      Double v = e.getValue();
      if (v == null) {
        continue;
      }
      if (!(v > 0) || v > 100_000 || v.isNaN()) {
        throw Invalid.field(e.getKey(), "effort must be greater than 0 (and at most 100,000)");
      }
      resolved.put(t.id(), v);
      after.put(t.slug(), v);
    }
    store.clearEfforts(h, item.id());
    resolved.forEach((team, v) -> store.putEffort(h, item.id(), team, v));
    audit.record(
        h,
        item.item()
            .change(
                actor.id(),
                "item.efforts",
                "set the efforts of " + item.item().label(),
                null,
                after));
    return new Efforts(item, store.efforts(h, List.of(item.id())), store.list(h, ws.id()));
  }

  // Checks.

  private TeamDraft check(TeamDraft d, Team before) {
    String name = d.name() != null ? d.name().strip() : before == null ? null : before.name();
    String slug =
        d.slug() != null && !d.slug().isBlank()
            ? d.slug().strip().toLowerCase(Locale.ROOT)
            : before != null ? before.slug() : name == null ? null : Slugs.fromName(name);
    String description =
        d.description() != null ? d.description() : before == null ? "" : before.description();
    String unit =
        d.unit() != null && !d.unit().isBlank()
            ? d.unit().strip().toLowerCase(Locale.ROOT)
            : before == null ? "days" : before.unit();
    int weeks =
        d.sprintWeeks() != null ? d.sprintWeeks() : before == null ? 2 : before.sprintWeeks();
    LocalDate start;
    try {
      start =
          d.sprintStart() != null && !d.sprintStart().isBlank()
              ? date("sprint_start", d.sprintStart())
              : before != null
                  ? before.sprintStart()
                  : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                      .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    } catch (Invalid e) {
      start = null;
    }
    double perDay =
        d.pointsPerDay() != null ? d.pointsPerDay() : before == null ? 1 : before.pointsPerDay();
    new Validation()
        .text("name", name, MAX_NAME)
        .matches(
            "slug",
            slug,
            SLUG,
            "must be lowercase letters, digits and dashes (up to 40), e.g. checkout-web")
        .optionalText("description", description, MAX_TEXT)
        .check("effort_unit", UNITS.contains(unit), "must be days or points")
        .check("sprint_weeks", weeks >= 1 && weeks <= 8, "must be 1 to 8 weeks")
        .check("sprint_start", start != null, "must be a date such as 2027-01-04")
        .check(
            "points_per_day", perDay > 0 && perDay <= 100, "must be greater than 0 and at most 100")
        .orThrow();
    return new TeamDraft(name, slug, description, unit, weeks, start.toString(), perDay);
  }

  static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException | NullPointerException e) {
      throw Invalid.field(field, "must be a date such as 2027-01-04");
    }
  }

  private static Map<String, Object> fields(TeamDraft d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("slug", d.slug());
    m.put("effort_unit", d.unit());
    m.put("sprint_weeks", d.sprintWeeks());
    m.put("sprint_start", d.sprintStart());
    m.put("points_per_day", d.pointsPerDay());
    return m;
  }

  private static Map<String, Object> fields(Team t) {
    return fields(
        new TeamDraft(
            t.name(),
            t.slug(),
            t.description(),
            t.unit(),
            t.sprintWeeks(),
            t.sprintStart().toString(),
            t.pointsPerDay()));
  }

  private void record(
      Handle h,
      WorkspaceAccess ws,
      User actor,
      String action,
      String summary,
      Object before,
      Object after) {
    audit.record(
        h, new Change(ws.id(), null, null, actor.id(), action, summary, before, after, true));
  }
}
