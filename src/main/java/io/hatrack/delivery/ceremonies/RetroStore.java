package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for retrospectives: columns, cards, groups, votes and action items. */
final class RetroStore {
  private static final String RETRO =
      "SELECT id, team_id, day, title, format, anonymous, vote_budget, phase, created_by,"
          + " created_at, updated_at, version FROM retro";
  private static final String ACTION =
      "SELECT a.id, a.team_id, a.retro_id, r.title AS retro_title, r.day AS retro_day, a.text,"
          + " a.owner_id, o.name AS owner, a.due_day, a.done_at, d.name AS done_by, a.done_by AS done_by_id, a.done_in,"
          + " a.version FROM retro_action a JOIN retro r ON r.id = a.retro_id"
          + " LEFT JOIN app_user o ON o.id = a.owner_id LEFT JOIN app_user d ON d.id = a.done_by";

  // Retrospectives.

  long insert(
      Handle h,
      long teamId,
      LocalDate day,
      String title,
      RetroFormat format,
      boolean anonymous,
      int budget,
      long userId,
      Instant now) {
    return h.createQuery(
            "INSERT INTO retro (team_id, day, title, format, anonymous, vote_budget, created_by,"
                + " created_at, updated_at) VALUES (:team, :day, :title, :format, :anonymous,"
                + " :budget, :user, :now, :now) RETURNING id")
        .bind("team", teamId)
        .bind("day", day.toString())
        .bind("title", title)
        .bind("format", format.id())
        .bind("anonymous", anonymous)
        .bind("budget", budget)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  void insertColumns(Handle h, long retroId, List<String> columns) {
    for (int i = 0; i < columns.size(); i++) {
      h.createUpdate("INSERT INTO retro_column (retro_id, position, name) VALUES (:r, :p, :n)")
          .bind("r", retroId)
          .bind("p", i)
          .bind("n", columns.get(i))
          .execute();
    }
  }

  boolean update(
      Handle h, long id, long expected, String title, String phase, int budget, Instant now) {
    return h.createUpdate(
                "UPDATE retro SET title = :title, phase = :phase, vote_budget = :budget,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("title", title)
            .bind("phase", phase)
            .bind("budget", budget)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  boolean delete(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM retro WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        > 0;
  }

  Optional<Retro> byId(Handle h, long teamId, long id) {
    return h.createQuery(RETRO + " WHERE team_id = :team AND id = :id")
        .bind("team", teamId)
        .bind("id", id)
        .map((rs, ctx) -> retro(rs))
        .findOne()
        .map(r -> r.withColumns(columns(h, r.id())));
  }

  /** A team's retrospectives, latest first. */
  List<Retro> list(Handle h, long teamId) {
    return h.createQuery(RETRO + " WHERE team_id = :team ORDER BY day DESC, id DESC")
        .bind("team", teamId)
        .map((rs, ctx) -> retro(rs))
        .list();
  }

  /** How many cards each retrospective of a team has. */
  Map<Long, Integer> cardCounts(Handle h, long teamId) {
    Map<Long, Integer> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT c.retro_id, COUNT(*) AS n FROM retro_card c JOIN retro r ON r.id = c.retro_id"
                + " WHERE r.team_id = :team GROUP BY c.retro_id")
        .bind("team", teamId)
        .map((rs, ctx) -> Map.entry(rs.getLong("retro_id"), rs.getInt("n")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private List<String> columns(Handle h, long retroId) {
    return h.createQuery("SELECT name FROM retro_column WHERE retro_id = :r ORDER BY position")
        .bind("r", retroId)
        .mapTo(String.class)
        .list();
  }

  // Cards and groups.

  long insertCard(Handle h, long retroId, int column, String text, Long authorId, Instant now) {
    return h.createQuery(
            "INSERT INTO retro_card (retro_id, col, text, author_id, created_at, updated_at)"
                + " VALUES (:r, :col, :text, :author, :now, :now) RETURNING id")
        .bind("r", retroId)
        .bind("col", column)
        .bind("text", text)
        .bind("author", authorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  boolean updateCard(Handle h, long id, long expected, String text, Long groupId, Instant now) {
    return h.createUpdate(
                "UPDATE retro_card SET text = :text, group_id = :group, updated_at = :now,"
                    + " version = version + 1 WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("text", text)
            .bind("group", groupId)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  boolean deleteCard(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM retro_card WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        > 0;
  }

  /** The cards of a retrospective with vote totals and {@code readerId}'s own votes. */
  List<RetroCard> cards(Handle h, long retroId, long readerId) {
    return h.createQuery(
            "SELECT c.id, c.retro_id, c.col, c.text, c.author_id, u.name, c.group_id,"
                + " c.created_at, c.version,"
                + " COALESCE((SELECT SUM(v.dots) FROM retro_vote v WHERE v.card_id = c.id), 0)"
                + " AS votes,"
                + " COALESCE((SELECT v.dots FROM retro_vote v WHERE v.card_id = c.id"
                + " AND v.user_id = :reader), 0) AS mine"
                + " FROM retro_card c LEFT JOIN app_user u ON u.id = c.author_id"
                + " WHERE c.retro_id = :r ORDER BY c.id")
        .bind("r", retroId)
        .bind("reader", readerId)
        .map(
            (rs, ctx) ->
                new RetroCard(
                    rs.getLong("id"),
                    rs.getLong("retro_id"),
                    rs.getInt("col"),
                    rs.getString("text"),
                    Rows.longOrNull(rs, "author_id"),
                    rs.getString("name"),
                    Rows.longOrNull(rs, "group_id"),
                    rs.getInt("votes"),
                    rs.getInt("mine"),
                    Rows.instant(rs, "created_at"),
                    rs.getLong("version")))
        .list();
  }

  long insertGroup(Handle h, long retroId, String title, Instant now) {
    return h.createQuery(
            "INSERT INTO retro_group (retro_id, title, created_at) VALUES (:r, :title, :now)"
                + " RETURNING id")
        .bind("r", retroId)
        .bind("title", title)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  void renameGroup(Handle h, long id, String title) {
    h.createUpdate("UPDATE retro_group SET title = :title WHERE id = :id")
        .bind("id", id)
        .bind("title", title)
        .execute();
  }

  boolean deleteGroup(Handle h, long retroId, long id) {
    return h.createUpdate("DELETE FROM retro_group WHERE retro_id = :r AND id = :id")
            .bind("r", retroId)
            .bind("id", id)
            .execute()
        > 0;
  }

  List<RetroGroup> groups(Handle h, long retroId) {
    return h.createQuery(
            "SELECT id, retro_id, title FROM retro_group WHERE retro_id = :r ORDER BY id")
        .bind("r", retroId)
        .map(
            (rs, ctx) ->
                new RetroGroup(rs.getLong("id"), rs.getLong("retro_id"), rs.getString("title")))
        .list();
  }

  // Votes.

  /** The votes {@code userId} has used in a retrospective. */
  int used(Handle h, long retroId, long userId) {
    return h.createQuery("SELECT used FROM retro_voter WHERE retro_id = :r AND user_id = :u")
        .bind("r", retroId)
        .bind("u", userId)
        .mapTo(Integer.class)
        .findOne()
        .orElse(0);
  }

  int dots(Handle h, long cardId, long userId) {
    return h.createQuery("SELECT dots FROM retro_vote WHERE card_id = :c AND user_id = :u")
        .bind("c", cardId)
        .bind("u", userId)
        .mapTo(Integer.class)
        .findOne()
        .orElse(0);
  }

  /**
   * Takes the lock on a person's vote count in a retrospective (making the row if needed), so that
   * their votes are read and changed by one transaction at a time.
   */
  void lockVoter(Handle h, long retroId, long userId) {
    h.createUpdate(
            "INSERT INTO retro_voter (retro_id, user_id, used) VALUES (:r, :u, 0)"
                + " ON CONFLICT (retro_id, user_id) DO NOTHING")
        .bind("r", retroId)
        .bind("u", userId)
        .execute();
    h.createUpdate("UPDATE retro_voter SET used = used WHERE retro_id = :r AND user_id = :u")
        .bind("r", retroId)
        .bind("u", userId)
        .execute();
  }

  /**
   * Spends (or, negative, gives back) {@code delta} of a person's votes, in one conditional update
   * that never takes them past {@code budget}; false when it would.
   */
  boolean spend(Handle h, long retroId, long userId, int delta, int budget) {
    return h.createUpdate(
                "UPDATE retro_voter SET used = used + :delta WHERE retro_id = :r AND user_id = :u"
                    + " AND used + :delta <= :budget AND used + :delta >= 0")
            .bind("r", retroId)
            .bind("u", userId)
            .bind("delta", delta)
            .bind("budget", budget)
            .execute()
        > 0;
  }

  void setDots(Handle h, long cardId, long userId, int dots) {
    if (dots == 0) {
      h.createUpdate("DELETE FROM retro_vote WHERE card_id = :c AND user_id = :u")
          .bind("c", cardId)
          .bind("u", userId)
          .execute();
      return;
    }
    h.createUpdate(
            "INSERT INTO retro_vote (card_id, user_id, dots) VALUES (:c, :u, :d)"
                + " ON CONFLICT (card_id, user_id) DO UPDATE SET dots = :d")
        .bind("c", cardId)
        .bind("u", userId)
        .bind("d", dots)
        .execute();
  }

  /** Gives back the votes people had on a card about to be deleted. */
  void refundCard(Handle h, long retroId, long cardId) {
    h.createUpdate(
            "UPDATE retro_voter SET used = used - (SELECT v.dots FROM retro_vote v"
                + " WHERE v.card_id = :c AND v.user_id = retro_voter.user_id)"
                + " WHERE retro_id = :r AND user_id IN"
                + " (SELECT user_id FROM retro_vote WHERE card_id = :c)")
        .bind("r", retroId)
        .bind("c", cardId)
        .execute();
  }

  // Action items.

  long insertAction(
      Handle h, long teamId, long retroId, String text, Long ownerId, LocalDate due, Instant now) {
    return h.createQuery(
            "INSERT INTO retro_action (team_id, retro_id, text, owner_id, due_day, created_at,"
                + " updated_at) VALUES (:team, :r, :text, :owner, :due, :now, :now) RETURNING id")
        .bind("team", teamId)
        .bind("r", retroId)
        .bind("text", text)
        .bind("owner", ownerId)
        .bind("due", due == null ? null : due.toString())
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  boolean updateAction(
      Handle h,
      long id,
      long expected,
      String text,
      Long ownerId,
      LocalDate due,
      Instant doneAt,
      Long doneBy,
      Long doneIn,
      Instant now) {
    return h.createUpdate(
                "UPDATE retro_action SET text = :text, owner_id = :owner, due_day = :due,"
                    + " done_at = :doneAt, done_by = :doneBy, done_in = :doneIn,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("text", text)
            .bind("owner", ownerId)
            .bind("due", due == null ? null : due.toString())
            .bind("doneAt", Rows.millisOrNull(doneAt))
            .bind("doneBy", doneBy)
            .bind("doneIn", doneIn)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  Optional<ActionItem> action(Handle h, long teamId, long id) {
    return h.createQuery(ACTION + " WHERE a.team_id = :team AND a.id = :id")
        .bind("team", teamId)
        .bind("id", id)
        .map((rs, ctx) -> action(rs))
        .findOne();
  }

  /** The action items agreed in a retrospective. */
  List<ActionItem> actionsOf(Handle h, long retroId) {
    return h.createQuery(ACTION + " WHERE a.retro_id = :r ORDER BY a.id")
        .bind("r", retroId)
        .map((rs, ctx) -> action(rs))
        .list();
  }

  /**
   * The action items of the team's earlier retrospectives that {@code retro} shows: still open, or
   * marked done in it.
   */
  List<ActionItem> carried(Handle h, Retro retro) {
    return h.createQuery(
            ACTION
                + " WHERE a.team_id = :team AND a.retro_id <> :r"
                + " AND (r.day < :day OR (r.day = :day AND r.id < :r))"
                + " AND (a.done_at IS NULL OR a.done_in = :r) ORDER BY r.day, a.id")
        .bind("team", retro.teamId())
        .bind("r", retro.id())
        .bind("day", retro.day().toString())
        .map((rs, ctx) -> action(rs))
        .list();
  }

  /** Every open action item of a team, oldest first. */
  List<ActionItem> openActions(Handle h, long teamId) {
    return h.createQuery(
            ACTION + " WHERE a.team_id = :team AND a.done_at IS NULL ORDER BY r.day, a.id")
        .bind("team", teamId)
        .map((rs, ctx) -> action(rs))
        .list();
  }

  private static ActionItem action(ResultSet rs) throws SQLException {
    String due = rs.getString("due_day");
    return new ActionItem(
        rs.getLong("id"),
        rs.getLong("team_id"),
        rs.getLong("retro_id"),
        rs.getString("retro_title"),
        LocalDate.parse(rs.getString("retro_day")),
        rs.getString("text"),
        Rows.longOrNull(rs, "owner_id"),
        rs.getString("owner"),
        due == null ? null : LocalDate.parse(due),
        Rows.instantOrNull(rs, "done_at"),
        rs.getString("done_by"),
        Rows.longOrNull(rs, "done_by_id"),
        Rows.longOrNull(rs, "done_in"),
        rs.getLong("version"));
  }

  private static Retro retro(ResultSet rs) throws SQLException {
    return new Retro(
        rs.getLong("id"),
        rs.getLong("team_id"),
        LocalDate.parse(rs.getString("day")),
        rs.getString("title"),
        RetroFormat.parse("format", rs.getString("format")),
        List.of(),
        rs.getBoolean("anonymous"),
        rs.getInt("vote_budget"),
        rs.getString("phase"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }
}
