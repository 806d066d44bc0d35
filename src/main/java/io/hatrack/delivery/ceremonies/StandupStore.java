package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for stand-up entries and their blockers. */
final class StandupStore {
  private static final String ENTRY =
      "SELECT e.id, e.team_id, e.user_id, u.name, u.handle, e.day, e.yesterday, e.today,"
          + " e.created_at, e.updated_at, e.version FROM standup_entry e"
          + " JOIN app_user u ON u.id = e.user_id";
  private static final String BLOCKER =
      "SELECT b.id, b.entry_id, b.user_id, u.name, b.day, b.text, b.resolved_at, b.resolved_by,"
          + " r.name AS resolver, b.version FROM standup_blocker b"
          + " JOIN app_user u ON u.id = b.user_id LEFT JOIN app_user r ON r.id = b.resolved_by";

  long insertEntry(Handle h, long teamId, long userId, LocalDate day, EntryDraft d, Instant now) {
    return h.createQuery(
            "INSERT INTO standup_entry (team_id, user_id, day, yesterday, today, created_at,"
                + " updated_at) VALUES (:team, :user, :day, :yesterday, :today, :now, :now)"
                + " RETURNING id")
        .bind("team", teamId)
        .bind("user", userId)
        .bind("day", day.toString())
        .bind("yesterday", d.yesterday())
        .bind("today", d.today())
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  boolean updateEntry(Handle h, long id, long expected, EntryDraft d, Instant now) {
    return h.createUpdate(
                "UPDATE standup_entry SET yesterday = :yesterday, today = :today,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("yesterday", d.yesterday())
            .bind("today", d.today())
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  Optional<StandupEntry> entry(Handle h, long teamId, long id) {
    return h.createQuery(ENTRY + " WHERE e.team_id = :team AND e.id = :id")
        .bind("team", teamId)
        .bind("id", id)
        .map((rs, ctx) -> entry(rs))
        .findOne()
        .map(e -> e.withBlockers(blockersOf(h, e.id())));
  }

  Optional<StandupEntry> entryOf(Handle h, long teamId, long userId, LocalDate day) {
    return h.createQuery(ENTRY + " WHERE e.team_id = :team AND e.user_id = :user AND e.day = :day")
        .bind("team", teamId)
        .bind("user", userId)
        .bind("day", day.toString())
        .map((rs, ctx) -> entry(rs))
        .findOne()
        .map(e -> e.withBlockers(blockersOf(h, e.id())));
  }

  /** The entries of a day, by author's name, each with the blockers raised in it. */
  List<StandupEntry> entries(Handle h, long teamId, LocalDate day) {
    List<StandupEntry> entries =
        h.createQuery(ENTRY + " WHERE e.team_id = :team AND e.day = :day ORDER BY u.name, e.id")
            .bind("team", teamId)
            .bind("day", day.toString())
            .map((rs, ctx) -> entry(rs))
            .list();
    if (entries.isEmpty()) {
      return entries;
    }
    Map<Long, List<Blocker>> blockers = new LinkedHashMap<>();
    h.createQuery(BLOCKER + " WHERE b.entry_id IN (<ids>) ORDER BY b.id")
        .bindList("ids", entries.stream().map(StandupEntry::id).toList())
        .map((rs, ctx) -> blocker(rs))
        .forEach(b -> blockers.computeIfAbsent(b.entryId(), k -> new ArrayList<>()).add(b));
    return entries.stream()
        .map(e -> e.withBlockers(blockers.getOrDefault(e.id(), List.of())))
        .toList();
  }

  List<Blocker> blockersOf(Handle h, long entryId) {
    return h.createQuery(BLOCKER + " WHERE b.entry_id = :entry ORDER BY b.id")
        .bind("entry", entryId)
        .map((rs, ctx) -> blocker(rs))
        .list();
  }

  /** The blockers the stand-up of {@code day} shows: raised by then, not resolved before it. */
  List<Blocker> blockersShownOn(Handle h, long teamId, LocalDate day) {
    return h.createQuery(
            BLOCKER
                + " WHERE b.team_id = :team AND b.day <= :day"
                + " AND (b.resolved_at IS NULL OR b.resolved_at >= :start) ORDER BY b.day, b.id")
        .bind("team", teamId)
        .bind("day", day.toString())
        .bind("start", day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
        .map((rs, ctx) -> blocker(rs))
        .list();
  }

  /** Every blocker of the team that is still open, oldest first. */
  List<Blocker> openBlockers(Handle h, long teamId) {
    return h.createQuery(
            BLOCKER + " WHERE b.team_id = :team AND b.resolved_at IS NULL ORDER BY b.day, b.id")
        .bind("team", teamId)
        .map((rs, ctx) -> blocker(rs))
        .list();
  }

  Optional<Blocker> blocker(Handle h, long teamId, long id) {
    return h.createQuery(BLOCKER + " WHERE b.team_id = :team AND b.id = :id")
        .bind("team", teamId)
        .bind("id", id)
        .map((rs, ctx) -> blocker(rs))
        .findOne();
  }

  void insertBlocker(
      Handle h, long teamId, long entryId, long userId, LocalDate day, String text, Instant now) {
    h.createUpdate(
            "INSERT INTO standup_blocker (team_id, entry_id, user_id, day, text, created_at)"
                + " VALUES (:team, :entry, :user, :day, :text, :now)")
        .bind("team", teamId)
        .bind("entry", entryId)
        .bind("user", userId)
        .bind("day", day.toString())
        .bind("text", text)
        .bind("now", Rows.millis(now))
        .execute();
  }

  void deleteBlocker(Handle h, long id) {
    h.createUpdate("DELETE FROM standup_blocker WHERE id = :id").bind("id", id).execute();
  }

  boolean resolve(Handle h, long id, long expected, long userId, Instant now) {
    return h.createUpdate(
                "UPDATE standup_blocker SET resolved_at = :now, resolved_by = :user,"
                    + " version = version + 1"
                    + " WHERE id = :id AND version = :expected AND resolved_at IS NULL")
            .bind("id", id)
            .bind("expected", expected)
            .bind("user", userId)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  /** The latest days with entries, newest first, with how many entries each has. */
  Map<LocalDate, Integer> days(Handle h, long teamId, int limit) {
    Map<LocalDate, Integer> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT day, COUNT(*) AS n FROM standup_entry WHERE team_id = :team"
                + " GROUP BY day ORDER BY day DESC LIMIT :limit")
        .bind("team", teamId)
        .bind("limit", limit)
        .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString("day")), rs.getInt("n")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static StandupEntry entry(ResultSet rs) throws SQLException {
    return new StandupEntry(
        rs.getLong("id"),
        rs.getLong("team_id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        rs.getString("handle"),
        LocalDate.parse(rs.getString("day")),
        rs.getString("yesterday"),
        rs.getString("today"),
        List.of(),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static Blocker blocker(ResultSet rs) throws SQLException {
    return new Blocker(
        rs.getLong("id"),
        rs.getLong("entry_id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        LocalDate.parse(rs.getString("day")),
        rs.getString("text"),
        Rows.instantOrNull(rs, "resolved_at"),
        Rows.longOrNull(rs, "resolved_by"),
        rs.getString("resolver"),
        rs.getLong("version"));
  }
}
