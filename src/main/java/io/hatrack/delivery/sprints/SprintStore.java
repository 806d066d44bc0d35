package io.hatrack.delivery.sprints;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for sprints, their items, commitment and scope changes, and work items' done events. */
public final class SprintStore {
  private static final String COLUMNS =
      "id, team_id, number, name, goal, start_day, end_day, status, capacity, started_at,"
          + " closed_at, committed_points, completed_points, added_points, removed_points,"
          + " carried_points, created_at, updated_at, version";

  /** What a new sprint or a change to one is made of. */
  public record Row(
      int number, String name, String goal, LocalDate start, LocalDate end, double capacity) {}

  public long insert(Handle h, long teamId, Row r, long actorId, Instant now) {
    return h.createQuery(
            "INSERT INTO sprint (team_id, number, name, goal, start_day, end_day, status,"
                + " capacity, created_at, created_by, updated_at) VALUES (:team, :number, :name,"
                + " :goal, :start, :end, 'planned', :capacity, :now, :actor, :now) RETURNING id")
        .bind("team", teamId)
        .bind("number", r.number())
        .bind("name", r.name())
        .bind("goal", r.goal())
        .bind("start", r.start().toString())
        .bind("end", r.end().toString())
        .bind("capacity", r.capacity())
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** Changes name, goal, dates and capacity if still at {@code expected}; false otherwise. */
  public boolean update(Handle h, long id, long expected, Row r, Instant now) {
    return h.createUpdate(
                "UPDATE sprint SET name = :name, goal = :goal, start_day = :start, end_day = :end,"
                    + " capacity = :capacity, updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("name", r.name())
            .bind("goal", r.goal())
            .bind("start", r.start().toString())
            .bind("end", r.end().toString())
            .bind("capacity", r.capacity())
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  public boolean delete(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM sprint WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        > 0;
  }

  /** Marks a planned sprint active; false when it moved on. */
  public boolean start(Handle h, long id, long expected, long actorId, Instant now) {
    return h.createUpdate(
                "UPDATE sprint SET status = 'active', started_at = :now, started_by = :actor,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected AND status = 'planned'")
            .bind("id", id)
            .bind("expected", expected)
            .bind("actor", actorId)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  /** Closes an active sprint with its record; false when it moved on. */
  public boolean close(
      Handle h, long id, long expected, Sprint.Record r, long actorId, Instant now) {
    return h.createUpdate(
                "UPDATE sprint SET status = 'closed', closed_at = :now, closed_by = :actor,"
                    + " committed_points = :committed, completed_points = :completed,"
                    + " added_points = :added, removed_points = :removed,"
                    + " carried_points = :carried, updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected AND status = 'active'")
            .bind("id", id)
            .bind("expected", expected)
            .bind("committed", r.committed())
            .bind("completed", r.completed())
            .bind("added", r.added())
            .bind("removed", r.removed())
            .bind("carried", r.carried())
            .bind("actor", actorId)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  /** Bumps the version, so that a change of a sprint's items is seen by If-Match. */
  public void touch(Handle h, long id, Instant now) {
    h.createUpdate("UPDATE sprint SET updated_at = :now, version = version + 1 WHERE id = :id")
        .bind("id", id)
        .bind("now", Rows.millis(now))
        .execute();
  }

  public Optional<Sprint> byNumber(Handle h, long teamId, int number) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM sprint WHERE team_id = :team AND number = :number")
        .bind("team", teamId)
        .bind("number", number)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Sprint> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM sprint WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** A team's sprints, latest first. */
  public List<Sprint> list(Handle h, long teamId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM sprint WHERE team_id = :team ORDER BY start_day DESC, id")
        .bind("team", teamId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** The last {@code limit} closed sprints of a team, oldest first. */
  public List<Sprint> closed(Handle h, long teamId, int limit) {
    List<Sprint> out =
        new ArrayList<>(
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM sprint WHERE team_id = :team AND status = 'closed'"
                        + " ORDER BY start_day DESC, id DESC LIMIT :limit")
                .bind("team", teamId)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    java.util.Collections.reverse(out);
    return out;
  }

  public int nextNumber(Handle h, long teamId) {
    return h.createQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM sprint WHERE team_id = :team")
        .bind("team", teamId)
        .mapTo(Integer.class)
        .one();
  }

  /** A sprint of the team other than {@code exceptId} that shares a day with start..end. */
  public Optional<Sprint> overlapping(
      Handle h, long teamId, LocalDate start, LocalDate end, long exceptId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM sprint WHERE team_id = :team AND id <> :except"
                + " AND start_day <= :end AND end_day >= :start ORDER BY start_day LIMIT 1")
        .bind("team", teamId)
        .bind("except", exceptId)
        .bind("start", start.toString())
        .bind("end", end.toString())
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Sprint> active(Handle h, long teamId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM sprint WHERE team_id = :team AND status = 'active'")
        .bind("team", teamId)
        .map((rs, ctx) -> map(rs))
        .findFirst();
  }

  /** The first planned sprint of the team that starts after {@code day}. */
  public Optional<Sprint> plannedAfter(Handle h, long teamId, LocalDate day) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM sprint WHERE team_id = :team AND status = 'planned'"
                + " AND start_day > :day ORDER BY start_day LIMIT 1")
        .bind("team", teamId)
        .bind("day", day.toString())
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The last day of the team's latest sprint, if any. */
  public Optional<LocalDate> lastEnd(Handle h, long teamId) {
    return h.createQuery("SELECT MAX(end_day) FROM sprint WHERE team_id = :team")
        .bind("team", teamId)
        .mapTo(String.class)
        .findOne()
        .map(LocalDate::parse);
  }

  // Items.

  private static final String ITEM_FROM =
      " FROM sprint_item si JOIN work_item w ON w.id = si.item_id JOIN entity e ON e.id = w.id"
          + " JOIN product p ON p.id = w.product_id JOIN workflow_state st ON st.id = w.state_id"
          + " LEFT JOIN sprint_commitment c ON c.sprint_id = si.sprint_id AND c.item_id = si.item_id";

  /** The items of a sprint, in the sprint's order, with when each last became done. */
  public List<SprintItem> items(Handle h, long sprintId) {
    return h.createQuery(
            "SELECT w.id, w.product_id, p.item_key, e.number, e.title, w.type, st.name AS state,"
                + " st.category, w.estimate, si.points, c.item_id AS committed, si.position,"
                + " si.added_at, si.outcome, (SELECT MAX(d.event_at) FROM work_item_done_event d"
                + " WHERE d.item_id = w.id AND d.done = TRUE) AS done_at"
                + ITEM_FROM
                + " WHERE si.sprint_id = :sprint AND e.deleted_at IS NULL"
                + " ORDER BY si.position, w.id")
        .bind("sprint", sprintId)
        .map(
            (rs, ctx) -> {
              boolean done = rs.getString("category").equals("done");
              return new SprintItem(
                  rs.getLong("id"),
                  rs.getLong("product_id"),
                  rs.getString("item_key") + "-" + rs.getLong("number"),
                  rs.getString("title"),
                  rs.getString("type"),
                  rs.getString("state"),
                  done,
                  doubleOrNull(rs, "estimate"),
                  doubleOrNull(rs, "points"),
                  Rows.longOrNull(rs, "committed") != null,
                  rs.getDouble("position"),
                  Rows.instant(rs, "added_at"),
                  done ? Rows.instantOrNull(rs, "done_at") : null,
                  rs.getString("outcome"));
            })
        .list();
  }

  /** The planned or active sprint an item is in, if any: sprint id and team id. */
  public Optional<long[]> openSprintOf(Handle h, long itemId) {
    return h.createQuery(
            "SELECT s.id, s.team_id FROM sprint_item si JOIN sprint s ON s.id = si.sprint_id"
                + " WHERE si.item_id = :item AND s.status <> 'closed'")
        .bind("item", itemId)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .findFirst();
  }

  public boolean hasItem(Handle h, long sprintId, long itemId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM sprint_item WHERE sprint_id = :sprint AND item_id = :item")
            .bind("sprint", sprintId)
            .bind("item", itemId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  public void insertItem(
      Handle h, long sprintId, long itemId, Double points, long actorId, Instant now) {
    h.createUpdate(
            "INSERT INTO sprint_item (sprint_id, item_id, position, points, added_at, added_by)"
                + " VALUES (:sprint, :item, (SELECT COALESCE(MAX(position), 0) + 1024"
                + " FROM sprint_item WHERE sprint_id = :sprint), :points, :now, :actor)")
        .bind("sprint", sprintId)
        .bind("item", itemId)
        .bind("points", points)
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  public boolean deleteItem(Handle h, long sprintId, long itemId) {
    return h.createUpdate("DELETE FROM sprint_item WHERE sprint_id = :sprint AND item_id = :item")
            .bind("sprint", sprintId)
            .bind("item", itemId)
            .execute()
        > 0;
  }

  /** Freezes the commitment of a sprint that starts: each item with its points now. */
  public void commit(Handle h, long sprintId, long itemId, double points) {
    h.createUpdate(
            "INSERT INTO sprint_commitment (sprint_id, item_id, points)"
                + " VALUES (:sprint, :item, :points)")
        .bind("sprint", sprintId)
        .bind("item", itemId)
        .bind("points", points)
        .execute();
    h.createUpdate(
            "UPDATE sprint_item SET points = :points WHERE sprint_id = :sprint AND item_id = :item")
        .bind("sprint", sprintId)
        .bind("item", itemId)
        .bind("points", points)
        .execute();
  }

  public void setOutcome(Handle h, long sprintId, long itemId, String outcome) {
    h.createUpdate(
            "UPDATE sprint_item SET outcome = :outcome WHERE sprint_id = :sprint AND item_id = :item")
        .bind("sprint", sprintId)
        .bind("item", itemId)
        .bind("outcome", outcome)
        .execute();
  }

  /** The committed points of a started sprint by item. */
  public Map<Long, Double> commitment(Handle h, long sprintId) {
    Map<Long, Double> out = new LinkedHashMap<>();
    h.createQuery("SELECT item_id, points FROM sprint_commitment WHERE sprint_id = :sprint")
        .bind("sprint", sprintId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public void insertScopeChange(
      Handle h,
      long sprintId,
      long itemId,
      String change,
      double points,
      long actorId,
      Instant now) {
    h.createUpdate(
            "INSERT INTO sprint_scope_change (sprint_id, item_id, change, points, changed_at,"
                + " changed_by) VALUES (:sprint, :item, :change, :points, :now, :actor)")
        .bind("sprint", sprintId)
        .bind("item", itemId)
        .bind("change", change)
        .bind("points", points)
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** A sprint's scope changes, oldest first. */
  public List<ScopeChange> scopeChanges(Handle h, long sprintId) {
    return h.createQuery(
            "SELECT sc.item_id, p.item_key, e.number, e.title, sc.change, sc.points,"
                + " sc.changed_at, u.name FROM sprint_scope_change sc"
                + " JOIN entity e ON e.id = sc.item_id JOIN product p ON p.id = e.product_id"
                + " JOIN app_user u ON u.id = sc.changed_by WHERE sc.sprint_id = :sprint"
                + " ORDER BY sc.changed_at, sc.id")
        .bind("sprint", sprintId)
        .map(
            (rs, ctx) ->
                new ScopeChange(
                    rs.getLong("item_id"),
                    rs.getString("item_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    rs.getString("change"),
                    rs.getDouble("points"),
                    Rows.instant(rs, "changed_at"),
                    rs.getString("name")))
        .list();
  }

  // Done events.

  public void insertDoneEvent(Handle h, long itemId, boolean done, Instant at, Long actorId) {
    h.createUpdate(
            "INSERT INTO work_item_done_event (item_id, done, event_at, actor_id)"
                + " VALUES (:item, :done, :at, :actor)")
        .bind("item", itemId)
        .bind("done", done)
        .bind("at", Rows.millis(at))
        .bind("actor", actorId)
        .execute();
  }

  /** A done-state change of an item. */
  public record DoneEvent(long itemId, boolean done, Instant at) {}

  /** The done-state changes of some items, oldest first. */
  public List<DoneEvent> doneEvents(Handle h, Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    List<DoneEvent> out = new ArrayList<>();
    List<Long> ids = List.copyOf(itemIds);
    for (int from = 0; from < ids.size(); from += 500) {
      out.addAll(
          h.createQuery(
                  "SELECT item_id, done, event_at FROM work_item_done_event"
                      + " WHERE item_id IN (<ids>) ORDER BY event_at, id")
              .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
              .map(
                  (rs, ctx) ->
                      new DoneEvent(rs.getLong(1), rs.getBoolean(2), Rows.instant(rs, "event_at")))
              .list());
    }
    return out;
  }

  // The backlog a sprint is planned from.

  /**
   * A product's live, unfinished stories, bugs, tasks and features that are in no planned or active
   * sprint, in rank order.
   */
  public List<BacklogItem> backlog(Handle h, long productId, int limit) {
    return h.createQuery(
            "SELECT w.id, p.item_key, e.number, e.title, w.type, st.name AS state, w.estimate,"
                + " w.position FROM work_item w JOIN entity e ON e.id = w.id"
                + " JOIN product p ON p.id = w.product_id JOIN workflow_state st ON st.id = w.state_id"
                + " WHERE w.product_id = :product AND e.deleted_at IS NULL"
                + " AND st.category <> 'done' AND w.type IN ('story', 'bug', 'task', 'feature')"
                + " AND NOT EXISTS (SELECT 1 FROM sprint_item si JOIN sprint s ON s.id = si.sprint_id"
                + " WHERE si.item_id = w.id AND s.status <> 'closed')"
                + " ORDER BY w.position, e.id LIMIT :limit")
        .bind("product", productId)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new BacklogItem(
                    rs.getLong("id"),
                    rs.getString("item_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    rs.getString("type"),
                    rs.getString("state"),
                    doubleOrNull(rs, "estimate"),
                    rs.getDouble("position")))
        .list();
  }

  /** A live work item's estimate and whether it is done, or empty if it is not a work item. */
  public record ItemFacts(long id, Double estimate, boolean done, String type) {}

  public Optional<ItemFacts> facts(Handle h, long itemId) {
    return h.createQuery(
            "SELECT w.id, w.estimate, st.category, w.type FROM work_item w"
                + " JOIN workflow_state st ON st.id = w.state_id WHERE w.id = :id")
        .bind("id", itemId)
        .map(
            (rs, ctx) ->
                new ItemFacts(
                    rs.getLong("id"),
                    doubleOrNull(rs, "estimate"),
                    rs.getString("category").equals("done"),
                    rs.getString("type")))
        .findOne();
  }

  /** The estimates of the unfinished live items anywhere under {@code itemId}, summed. */
  public double remainingUnder(Handle h, long itemId) {
    return h.createQuery(
            "WITH RECURSIVE below (id, depth) AS (SELECT w.id, 1 FROM work_item w"
                + " WHERE w.parent_id = :item UNION ALL SELECT w.id, b.depth + 1 FROM work_item w"
                + " JOIN below b ON w.parent_id = b.id WHERE b.depth < 32)"
                + " SELECT COALESCE(SUM(w.estimate), 0) FROM below b JOIN work_item w ON w.id = b.id"
                + " JOIN entity e ON e.id = w.id JOIN workflow_state st ON st.id = w.state_id"
                + " WHERE e.deleted_at IS NULL AND st.category <> 'done'")
        .bind("item", itemId)
        .mapTo(Double.class)
        .one();
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Sprint map(ResultSet rs) throws SQLException {
    Double committed = doubleOrNull(rs, "committed_points");
    Sprint.Record record =
        committed == null
            ? null
            : new Sprint.Record(
                committed,
                rs.getDouble("completed_points"),
                rs.getDouble("added_points"),
                rs.getDouble("removed_points"),
                rs.getDouble("carried_points"));
    return new Sprint(
        rs.getLong("id"),
        rs.getLong("team_id"),
        rs.getInt("number"),
        rs.getString("name"),
        rs.getString("goal"),
        LocalDate.parse(rs.getString("start_day")),
        LocalDate.parse(rs.getString("end_day")),
        SprintStatus.of(rs.getString("status")),
        rs.getDouble("capacity"),
        Rows.instantOrNull(rs, "started_at"),
        Rows.instantOrNull(rs, "closed_at"),
        record,
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }
}
