package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.teams.TeamService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Stand-ups of a team, written asynchronously: each member writes only their own entry for a day (a
 * missed day may be posted late) and changes it only on that day, with yesterday, today and
 * blockers; a blocker stays open, and shows on every later day's stand-up, until someone resolves
 * it. The summary for a day is {@link StandupSummary}.
 */
public final class StandupService {
  public static final int MAX_TEXT = 2_000;
  public static final int MAX_BLOCKER = 500;
  public static final int MAX_BLOCKERS = 10;

  private final Database db;
  private final StandupStore store;
  private final WorkspaceService workspaces;
  private final TeamService teams;
  private final AuditLog audit;
  private final Clock clock;

  StandupService(
      Database db,
      StandupStore store,
      WorkspaceService workspaces,
      TeamService teams,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.teams = teams;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A team's stand-up of a day as {@code reader} sees it.
   *
   * @param shown the blockers the day shows: raised by then and not resolved before it
   * @param mine the reader's own entry that day, or null
   * @param recent the latest days with entries and how many
   */
  public record Day(
      TeamScope scope,
      LocalDate day,
      LocalDate today,
      List<StandupEntry> entries,
      List<Blocker> shown,
      StandupSummary summary,
      StandupEntry mine,
      boolean member,
      Map<LocalDate, Integer> recent) {
    public boolean canResolve() {
      return scope.can(Role.COMMENTER);
    }

    /**
     * Whether the reader may write their own entry for this day: a missed day may be posted late,
     * but an entry is only changed on its own day.
     */
    public boolean canWrite() {
      return member
          && scope.can(Role.COMMENTER)
          && !day.isAfter(today)
          && (mine == null || day.equals(today));
    }
  }

  /** The stand-up of {@code dayText} (blank: today). */
  public Day day(User reader, String ws, String team, String dayText) {
    LocalDate today = TeamScope.today(clock);
    LocalDate day = TeamScope.day("day", dayText, today);
    return db.read(h -> day(h, reader, scope(h, reader, ws, team), day, today));
  }

  private Day day(Handle h, User reader, TeamScope s, LocalDate day, LocalDate today) {
    long teamId = s.team().id();
    List<StandupEntry> entries = store.entries(h, teamId, day);
    List<Blocker> shown = store.blockersShownOn(h, teamId, day);
    StandupSummary summary =
        StandupSummary.of(day, s.view().members(), s.view().daysOff(), entries, shown);
    StandupEntry mine =
        entries.stream().filter(e -> e.userId() == reader.id()).findFirst().orElse(null);
    return new Day(
        s,
        day,
        today,
        entries,
        shown,
        summary,
        mine,
        s.member(reader.id()).isPresent(),
        store.days(h, teamId, 14));
  }

  private TeamScope scope(Handle h, User actor, String ws, String team) {
    return TeamScope.of(h, workspaces, teams, actor, ws, team);
  }

  /** Today (UTC) by the service's clock. */
  public LocalDate today() {
    return TeamScope.today(clock);
  }

  /** Every blocker of the team still open, oldest first. */
  public List<Blocker> openBlockers(User reader, String ws, String team) {
    return db.read(h -> store.openBlockers(h, scope(h, reader, ws, team).team().id()));
  }

  /** Writes the author's own entry for a day; a second entry for the same day is a conflict. */
  public StandupEntry write(User author, String ws, String team, String dayText, EntryDraft d) {
    return db.tx(h -> write(h, author, scope(h, author, ws, team), dayText, d));
  }

  /** As {@link #write(User, String, String, String, EntryDraft)}, in the caller's transaction. */
  StandupEntry write(Handle h, User author, TeamScope s, String dayText, EntryDraft d) {
    LocalDate day = writable(s, author, dayText);
    check(d);
    long teamId = s.team().id();
    if (store.entryOf(h, teamId, author.id(), day).isPresent()) {
      throw Conflict.state(
          "You already posted your stand-up for " + day + "; change that entry instead.");
    }
    long id = store.insertEntry(h, teamId, author.id(), day, d, clock.instant());
    d.blockers()
        .forEach(b -> store.insertBlocker(h, teamId, id, author.id(), day, b, clock.instant()));
    s.audit(audit, h, author, "standup.posted", "posted a stand-up for " + day, null, fields(d));
    return store.entry(h, teamId, id).orElseThrow();
  }

  /**
   * Changes the author's own entry if it is still at {@code expected}: blockers no longer listed
   * are withdrawn unless already resolved; new lines are new blockers.
   */
  public StandupEntry update(
      User author, String ws, String team, long entryId, long expected, EntryDraft d) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, author, ws, team);
          long teamId = s.team().id();
          StandupEntry before =
              store.entry(h, teamId, entryId).orElseThrow(() -> new NotFound("stand-up entry"));
          if (before.userId() != author.id()) {
            throw new Forbidden("Only " + before.author() + " can change their stand-up entry.");
          }
          writable(s, author, before.day().toString());
          if (!before.day().equals(TeamScope.today(clock))) {
            throw Invalid.field(
                "day", "an entry can only be changed on its own day; " + before.day() + " is past");
          }
          check(d);
          if (!store.updateEntry(h, entryId, expected, d, clock.instant())) {
            throw Conflict.staleVersion("This stand-up entry", expected, before.version());
          }
          for (Blocker b : before.blockers()) {
            if (b.open() && !d.blockers().contains(b.text())) {
              store.deleteBlocker(h, b.id());
            }
          }
          List<String> kept = before.blockers().stream().map(Blocker::text).toList();
          for (String b : d.blockers()) {
            if (!kept.contains(b)) {
              store.insertBlocker(
                  h, teamId, entryId, author.id(), before.day(), b, clock.instant());
            }
          }
          s.audit(
              audit,
              h,
              author,
              "standup.changed",
              "changed their stand-up for " + before.day(),
              fields(new EntryDraft(before.yesterday(), before.today(), kept)),
              fields(d));
          return store.entry(h, teamId, entryId).orElseThrow();
        });
  }

  /** Marks a blocker resolved by {@code actor}, now. */
  public Blocker resolve(User actor, String ws, String team, long blockerId, long expected) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.COMMENTER, "resolve blockers");
          long teamId = s.team().id();
          Blocker b =
              store.blocker(h, teamId, blockerId).orElseThrow(() -> new NotFound("blocker"));
          if (!b.open()) {
            throw Conflict.state(
                "This blocker was already resolved by "
                    + Objects.requireNonNullElse(b.resolvedByName(), "someone")
                    + ".");
          }
          if (!store.resolve(h, blockerId, expected, actor.id(), clock.instant())) {
            throw Conflict.staleVersion("This blocker", expected, b.version());
          }
          s.audit(
              audit,
              h,
              actor,
              "standup.blocker.resolved",
              "resolved the blocker “" + b.text() + "” of " + b.author(),
              Map.of("blocker", b.id()),
              Map.of("resolved", true));
          return store.blocker(h, teamId, blockerId).orElseThrow();
        });
  }

  private LocalDate writable(TeamScope s, User author, String dayText) {
    s.ws().require(Role.COMMENTER, "write stand-ups");
    LocalDate today = TeamScope.today(clock);
    LocalDate day = TeamScope.day("day", dayText, today);
    if (s.member(author.id()).isEmpty()) {
      throw Invalid.field(
          "user",
          author.name()
              + " is not a member of the team "
              + s.team().name()
              + "; only members post");
    }
    if (day.isAfter(today)) {
      throw Invalid.field("day", "is in the future; write the stand-up on the day");
    }
    return day;
  }

  private static void check(EntryDraft d) {
    Validation v =
        new Validation()
            .check("entry", !d.empty(), "needs yesterday, today or a blocker")
            .optionalText("yesterday", d.yesterday(), MAX_TEXT)
            .optionalText("today", d.today(), MAX_TEXT)
            .check(
                "blockers",
                d.blockers().size() <= MAX_BLOCKERS,
                "are at most " + MAX_BLOCKERS + " per entry");
    for (int i = 0; i < d.blockers().size(); i++) {
      v.optionalText("blockers[" + i + "]", d.blockers().get(i), MAX_BLOCKER);
    }
    v.orThrow();
  }

  private static Map<String, Object> fields(EntryDraft d) {
    return Map.of("yesterday", d.yesterday(), "today", d.today(), "blockers", d.blockers());
  }
}
