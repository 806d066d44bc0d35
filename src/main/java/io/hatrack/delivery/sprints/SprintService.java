package io.hatrack.delivery.sprints;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
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
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.teams.PlanningPeriod;
import io.hatrack.planning.teams.Team;
import io.hatrack.planning.teams.TeamService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The sprints of a team: creating them in the team's cadence with their capacity, planning their
 * items, starting one (the commitment is frozen), tracking scope added or removed while it runs,
 * and closing it (unfinished items carried over to the next sprint or returned to the backlog, the
 * record kept). Every change is one transaction, checked against the sprint's version where the
 * caller names one, and written to the audit log.
 */
public final class SprintService {
  public static final int MAX_NAME = 80;
  public static final int MAX_GOAL = 1_000;

  /** The longest sprint accepted, in days (eight weeks, the longest cadence a team may have). */
  public static final int MAX_DAYS = 56;

  private final Database db;
  private final SprintStore store;
  private final WorkspaceService workspaces;
  private final ItemService items;
  private final TeamService teams;
  private final AuditLog audit;
  private final Clock clock;

  public SprintService(
      Database db,
      SprintStore store,
      WorkspaceService workspaces,
      ItemService items,
      TeamService teams,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.items = items;
    this.teams = teams;
    this.audit = audit;
    this.clock = clock;
  }

  /** A team and the reader's access to its workspace. */
  public record Scope(WorkspaceAccess ws, Team team) {
    public boolean canEdit() {
      return ws.can(Role.EDITOR);
    }
  }

  /** A sprint with its team, items and scope changes. */
  public record View(
      Scope scope, Sprint sprint, List<SprintItem> items, List<ScopeChange> changes) {
    /** The points of the items now in the sprint. */
    public double load() {
      double sum = 0;
      for (SprintItem i : items) {
        sum += i.points();
      }
      return sum;
    }

    public double donePoints() {
      double sum = 0;
      for (SprintItem i : items) {
        sum += i.done() ? i.points() : 0;
      }
      return sum;
    }

    public boolean overCapacity() {
      return !sprint.closed() && load() > sprint.capacity() + 1e-9;
    }

    public long unestimated() {
      return items.stream().filter(i -> i.frozen() == null && i.estimate() == null).count();
    }
  }

  List<Team> teams(Handle h, long workspaceId) {
    return teams.teams(h, workspaceId);
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  Scope scope(Handle h, User actor, String workspaceRef, String teamRef) {
    WorkspaceAccess ws = workspaces.access(h, actor, new Ref(workspaceRef));
    String ref = teamRef == null ? "" : teamRef.strip();
    Ref r = new Ref(ref);
    Team team =
        teams.teams(h, ws.id()).stream()
            .filter(t -> r.id().isPresent() ? t.id() == r.id().getAsLong() : t.slug().equals(ref))
            .findFirst()
            .orElseThrow(() -> new NotFound("team"));
    return new Scope(ws, team);
  }

  Sprint sprint(Handle h, Scope scope, String sprintRef) {
    String ref = sprintRef == null ? "" : sprintRef.strip();
    if (ref.regionMatches(true, 0, "S", 0, 1)) {
      ref = ref.substring(1);
    }
    int number;
    try {
      number = Integer.parseInt(ref);
    } catch (NumberFormatException e) {
      throw new NotFound("sprint");
    }
    return store.byNumber(h, scope.team().id(), number).orElseThrow(() -> new NotFound("sprint"));
  }

  View view(Handle h, Scope scope, Sprint s) {
    return new View(scope, s, store.items(h, s.id()), store.scopeChanges(h, s.id()));
  }

  /** A team's sprints, latest first, with the defaults of the next one. */
  public record Listing(Scope scope, List<Sprint> sprints, int nextNumber, PlanningPeriod next) {}

  public Listing list(User actor, String workspaceRef, String teamRef) {
    return db.read(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          int number = store.nextNumber(h, scope.team().id());
          return new Listing(
              scope, store.list(h, scope.team().id()), number, nextSlot(h, scope.team(), number));
        });
  }

  public View get(User actor, String workspaceRef, String teamRef, String sprintRef) {
    return db.read(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          return view(h, scope, sprint(h, scope, sprintRef));
        });
  }

  /**
   * The next slot of a team's cadence: the sprint after its latest one, or else the slot of its
   * cadence (sprint weeks from its sprint start) that holds today.
   */
  PlanningPeriod nextSlot(Handle h, Team team, int number) {
    long days = 7L * team.sprintWeeks();
    Optional<LocalDate> last = store.lastEnd(h, team.id());
    LocalDate start;
    if (last.isPresent()) {
      start = last.get().plusDays(1);
    } else {
      LocalDate today = today();
      start =
          today.isBefore(team.sprintStart())
              ? team.sprintStart()
              : PlanningPeriod.covering(
                      today, today, "sprint", team.sprintWeeks(), team.sprintStart())
                  .get(0)
                  .start();
    }
    return new PlanningPeriod("S" + number, "Sprint " + number, start, start.plusDays(days - 1));
  }

  public Sprint create(User actor, String workspaceRef, String teamRef, SprintDraft draft) {
    return db.tx(h -> create(h, actor, scope(h, actor, workspaceRef, teamRef), draft));
  }

  /** Creates a sprint inside the caller's transaction (closing and the demo use this). */
  Sprint create(Handle h, User actor, Scope scope, SprintDraft draft) {
    scope.ws().require(Role.EDITOR, "plan sprints");
    Team team = scope.team();
    int number = store.nextNumber(h, team.id());
    PlanningPeriod slot = nextSlot(h, team, number);
    SprintStore.Row row = check(h, team, draft, number, "Sprint " + number, "", slot, -1);
    long id;
    try {
      id = store.insert(h, team.id(), row, actor.id(), clock.instant());
    } catch (RuntimeException e) {
      if (Database.isUniqueViolation(e)) {
        throw Conflict.state(
            "Another sprint of " + team.name() + " was planned meanwhile; try again.");
      }
      throw e;
    }
    record(
        h,
        scope,
        actor,
        "sprint.created",
        "planned " + row.name() + " of " + team.name(),
        null,
        fields(row));
    return store.byId(h, id).orElseThrow();
  }

  /** Changes a sprint if it is still at {@code expectedVersion}; null fields keep their value. */
  public Sprint update(
      User actor,
      String workspaceRef,
      String teamRef,
      String sprintRef,
      long expectedVersion,
      SprintDraft draft) {
    return db.tx(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          scope.ws().require(Role.EDITOR, "change sprints");
          Sprint before = sprint(h, scope, sprintRef);
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This sprint", expectedVersion, before.version());
          }
          if (before.closed() && (draft.start() != null || draft.end() != null)) {
            throw Invalid.field("start", "a closed sprint keeps its dates");
          }
          SprintStore.Row row =
              check(
                  h,
                  scope.team(),
                  draft,
                  before.number(),
                  before.name(),
                  before.goal(),
                  new PlanningPeriod("S", "S", before.start(), before.end()),
                  before.id());
          if (before.closed()) {
            row =
                new SprintStore.Row(
                    row.number(),
                    row.name(),
                    row.goal(),
                    row.start(),
                    row.end(),
                    before.capacity());
          }
          if (!store.update(h, before.id(), expectedVersion, row, clock.instant())) {
            throw Conflict.staleVersion("This sprint", expectedVersion, before.version() + 1);
          }
          record(
              h,
              scope,
              actor,
              "sprint.updated",
              "changed " + row.name() + " of " + scope.team().name(),
              Map.of(
                  "name",
                  before.name(),
                  "goal",
                  before.goal(),
                  "start",
                  before.start().toString(),
                  "end",
                  before.end().toString()),
              fields(row));
          return store.byId(h, before.id()).orElseThrow();
        });
  }

  /**
   * Deletes a planned sprint (its items go back to the backlog); started ones keep their record.
   */
  public void delete(
      User actor, String workspaceRef, String teamRef, String sprintRef, long expectedVersion) {
    db.txVoid(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          scope.ws().require(Role.EDITOR, "delete sprints");
          Sprint s = sprint(h, scope, sprintRef);
          if (!s.planned()) {
            throw Invalid.field(
                "status",
                "only a planned sprint can be deleted; " + s.name() + " is " + s.status().id());
          }
          if (!store.delete(h, s.id(), expectedVersion)) {
            throw Conflict.staleVersion("This sprint", expectedVersion, s.version());
          }
          record(
              h,
              scope,
              actor,
              "sprint.deleted",
              "deleted " + s.name() + " of " + scope.team().name(),
              Map.of("name", s.name()),
              null);
        });
  }

  private SprintStore.Row check(
      Handle h,
      Team team,
      SprintDraft d,
      int number,
      String name,
      String goal,
      PlanningPeriod dates,
      long exceptId) {
    String n = d.name() != null && !d.name().isBlank() ? d.name().strip() : name;
    String g = d.goal() != null ? d.goal().strip() : goal;
    LocalDate start = d.start() != null && !d.start().isBlank() ? date("start", d.start()) : null;
    LocalDate end = d.end() != null && !d.end().isBlank() ? date("end", d.end()) : null;
    if (start == null) {
      start = dates.start();
    }
    if (end == null) {
      end =
          d.start() != null && !d.start().isBlank()
              ? start.plusDays(7L * team.sprintWeeks() - 1)
              : dates.end();
    }
    LocalDate first = start;
    LocalDate last = end;
    new Validation()
        .text("name", n, MAX_NAME)
        .optionalText("goal", g, MAX_GOAL)
        .check("end", !last.isBefore(first), "must not be before the start (" + first + ")")
        .check(
            "end",
            last.isBefore(first) || !last.isAfter(first.plusDays(MAX_DAYS - 1)),
            "makes the sprint longer than " + MAX_DAYS / 7 + " weeks")
        .orThrow();
    store
        .overlapping(h, team.id(), first, last, exceptId)
        .ifPresent(
            other -> {
              throw Invalid.field(
                  "start",
                  "overlaps "
                      + other.name()
                      + " ("
                      + other.start()
                      + " to "
                      + other.end()
                      + "); a team runs one sprint at a time");
            });
    double capacity =
        teams.capacity(h, team, new PlanningPeriod("S" + number, n, first, last)).capacity();
    return new SprintStore.Row(number, n, g, first, last, capacity);
  }

  static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.field(field, "must be a date such as 2027-01-04");
    }
  }

  // Items.

  /** Puts a work item of the team's workspace in a planned or active sprint. */
  public View addItem(
      User actor, String workspaceRef, String teamRef, String sprintRef, String itemRef) {
    return db.tx(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          scope.ws().require(Role.EDITOR, "plan sprints");
          Sprint s = sprint(h, scope, sprintRef);
          addItem(h, actor, scope, s, itemRef);
          return view(h, scope, store.byId(h, s.id()).orElseThrow());
        });
  }

  void addItem(Handle h, User actor, Scope scope, Sprint s, String itemRef) {
    if (s.closed()) {
      throw Invalid.field("status", s.name() + " is closed; plan the next sprint instead");
    }
    ItemAccess item = workItem(h, actor, scope, itemRef);
    SprintStore.ItemFacts facts = store.facts(h, item.id()).orElseThrow();
    String label = item.item().key();
    if (store.hasItem(h, s.id(), item.id())) {
      throw Invalid.field("item", label + " is already in " + s.name());
    }
    Optional<long[]> other = store.openSprintOf(h, item.id());
    if (other.isPresent()) {
      Sprint o = store.byId(h, other.get()[0]).orElseThrow();
      String team = teams.byId(h, o.teamId()).map(Team::name).orElse("another team");
      throw Invalid.field("item", label + " is already in " + o.name() + " of " + team);
    }
    if (facts.done()) {
      throw Invalid.field("item", label + " is already done");
    }
    Double points = null;
    if (s.active()) {
      points = facts.estimate() == null ? 0.0 : facts.estimate();
      store.insertScopeChange(h, s.id(), item.id(), "added", points, actor.id(), clock.instant());
    }
    store.insertItem(h, s.id(), item.id(), points, actor.id(), clock.instant());
    store.touch(h, s.id(), clock.instant());
    record(
        h,
        scope,
        actor,
        "sprint.item_added",
        "put " + label + " in " + s.name() + (s.active() ? " after it started" : ""),
        null,
        Map.of("item", label));
  }

  /** Takes a work item out of a planned or active sprint (back to the backlog). */
  public View removeItem(
      User actor, String workspaceRef, String teamRef, String sprintRef, String itemRef) {
    return db.tx(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          scope.ws().require(Role.EDITOR, "plan sprints");
          Sprint s = sprint(h, scope, sprintRef);
          if (s.closed()) {
            throw Invalid.field("status", s.name() + " is closed; its items keep their record");
          }
          ItemAccess item = workItem(h, actor, scope, itemRef);
          String label = item.item().key();
          Optional<SprintItem> in =
              store.items(h, s.id()).stream().filter(i -> i.id() == item.id()).findFirst();
          if (in.isEmpty()) {
            throw Invalid.field("item", label + " is not in " + s.name());
          }
          store.deleteItem(h, s.id(), item.id());
          if (s.active()) {
            store.insertScopeChange(
                h, s.id(), item.id(), "removed", in.get().points(), actor.id(), clock.instant());
          }
          store.touch(h, s.id(), clock.instant());
          record(
              h,
              scope,
              actor,
              "sprint.item_removed",
              "took " + label + " out of " + s.name(),
              Map.of("item", label),
              null);
          return view(h, scope, store.byId(h, s.id()).orElseThrow());
        });
  }

  private ItemAccess workItem(Handle h, User actor, Scope scope, String itemRef) {
    if (itemRef == null || itemRef.isBlank()) {
      throw Invalid.field("item", "name a work item by key (e.g. CHK-12) or id");
    }
    ItemAccess item;
    try {
      item = items.access(h, actor, itemRef.strip());
    } catch (NotFound e) {
      throw Invalid.field("item", "\"" + itemRef.strip() + "\" is not a work item you can see");
    }
    if (!item.item().kind().equals("work_item") || item.item().deleted()) {
      throw Invalid.field("item", item.item().key() + " is not a work item");
    }
    if (item.item().workspaceId() != scope.ws().id()) {
      throw Invalid.field("item", item.item().key() + " is not in the team's workspace");
    }
    return item;
  }

  // Start and close.

  /** Starts a planned sprint: freezes the commitment (its items and their points now). */
  public View start(User actor, String workspaceRef, String teamRef, String sprintRef) {
    return db.tx(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          scope.ws().require(Role.EDITOR, "start sprints");
          Sprint s = sprint(h, scope, sprintRef);
          if (!s.planned()) {
            throw Invalid.field(
                "status",
                "only a planned sprint can start; " + s.name() + " is " + s.status().id());
          }
          Optional<Sprint> running = store.active(h, scope.team().id());
          if (running.isPresent()) {
            throw Invalid.field(
                "status",
                running.get().name()
                    + " of "
                    + scope.team().name()
                    + " is still active; close it before starting another");
          }
          double committed = 0;
          for (SprintItem i : store.items(h, s.id())) {
            double points = i.estimate() == null ? 0 : i.estimate();
            store.commit(h, s.id(), i.id(), points);
            committed += points;
          }
          boolean started;
          try {
            started = store.start(h, s.id(), s.version(), actor.id(), clock.instant());
          } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) {
              throw Conflict.state(
                  "Another sprint of " + scope.team().name() + " started meanwhile.");
            }
            throw e;
          }
          if (!started) {
            throw Conflict.staleVersion("This sprint", s.version(), s.version() + 1);
          }
          record(
              h,
              scope,
              actor,
              "sprint.started",
              "started "
                  + s.name()
                  + " of "
                  + scope.team().name()
                  + " with "
                  + SprintMath.text(committed)
                  + " "
                  + scope.team().unitLabel()
                  + " committed",
              null,
              Map.of("committed", committed));
          return view(h, scope, store.byId(h, s.id()).orElseThrow());
        });
  }

  /** What closing does with the unfinished items. */
  public enum Unfinished {
    NEXT_SPRINT,
    BACKLOG;

    public static Unfinished parse(String text) {
      String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
      return switch (t) {
        case "next", "next_sprint", "carry", "" -> NEXT_SPRINT;
        case "backlog" -> BACKLOG;
        default -> throw Invalid.field("unfinished", "must be next_sprint or backlog");
      };
    }
  }

  /** What closing a sprint did: the closed sprint and the sprint unfinished items went to. */
  public record Closing(View closed, Sprint next) {}

  /**
   * Closes an active sprint: done items count as completed; unfinished ones go to the next planned
   * sprint (created in the cadence if there is none) or back to the backlog; the record stays.
   */
  public Closing close(
      User actor, String workspaceRef, String teamRef, String sprintRef, Unfinished unfinished) {
    return db.tx(
        h -> {
          Scope scope = scope(h, actor, workspaceRef, teamRef);
          scope.ws().require(Role.EDITOR, "close sprints");
          Sprint s = sprint(h, scope, sprintRef);
          if (!s.active()) {
            throw Invalid.field(
                "status",
                "only an active sprint can close; "
                    + s.name()
                    + " is "
                    + s.status().id()
                    + (s.planned() ? " (start it first)" : ""));
          }
          return close(h, actor, scope, s, unfinished);
        });
  }

  Closing close(Handle h, User actor, Scope scope, Sprint s, Unfinished unfinished) {
    List<SprintItem> now = store.items(h, s.id());
    double committed = store.commitment(h, s.id()).values().stream().mapToDouble(x -> x).sum();
    double added = 0;
    double removed = 0;
    for (ScopeChange c : store.scopeChanges(h, s.id())) {
      if (c.added()) {
        added += c.points();
      } else {
        removed += c.points();
      }
    }
    double completed = 0;
    double carried = 0;
    List<SprintItem> open = new java.util.ArrayList<>();
    for (SprintItem i : now) {
      if (i.done()) {
        completed += i.points();
        store.setOutcome(h, s.id(), i.id(), "done");
      } else {
        carried += i.points();
        open.add(i);
        store.setOutcome(
            h, s.id(), i.id(), unfinished == Unfinished.NEXT_SPRINT ? "carried" : "returned");
      }
    }
    Sprint.Record rec = new Sprint.Record(committed, completed, added, removed, carried);
    if (!store.close(h, s.id(), s.version(), rec, actor.id(), clock.instant())) {
      throw Conflict.staleVersion("This sprint", s.version(), s.version() + 1);
    }
    Sprint next = null;
    if (unfinished == Unfinished.NEXT_SPRINT && !open.isEmpty()) {
      next =
          store
              .plannedAfter(h, scope.team().id(), s.end())
              .orElseGet(() -> create(h, actor, scope, SprintDraft.defaults()));
      for (SprintItem i : open) {
        store.insertItem(h, next.id(), i.id(), null, actor.id(), clock.instant());
      }
      store.touch(h, next.id(), clock.instant());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("committed", committed);
    after.put("completed", completed);
    after.put("added", added);
    after.put("removed", removed);
    after.put("carried", carried);
    record(
        h,
        scope,
        actor,
        "sprint.closed",
        "closed "
            + s.name()
            + " of "
            + scope.team().name()
            + ": "
            + SprintMath.text(completed)
            + " of "
            + SprintMath.text(committed)
            + " "
            + scope.team().unitLabel()
            + " committed done",
        null,
        after);
    return new Closing(
        view(h, scope, store.byId(h, s.id()).orElseThrow()),
        next == null ? null : store.byId(h, next.id()).orElseThrow());
  }

  // When work was finished.

  /** Records that an item moved into or out of a done state, at the service's clock. */
  void moved(Handle h, User actor, WorkItem before, WorkItem after) {
    boolean was = before != null && before.state().category() == StateCategory.DONE;
    boolean is = after.state().category() == StateCategory.DONE;
    if (was != is) {
      store.insertDoneEvent(h, after.id(), is, clock.instant(), actor == null ? null : actor.id());
    }
  }

  // Audit.

  private static Map<String, Object> fields(SprintStore.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("goal", r.goal());
    m.put("start", r.start().toString());
    m.put("end", r.end().toString());
    m.put("capacity", r.capacity());
    return m;
  }

  private void record(
      Handle h,
      Scope scope,
      User actor,
      String action,
      String summary,
      Object before,
      Object after) {
    audit.record(
        h,
        new Change(scope.ws().id(), null, null, actor.id(), action, summary, before, after, true));
  }
}
