package io.hatrack.planning.roadmap;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.LinkTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL of the roadmap: the entries of a product's roadmap (the planning core's {@code item_schedule}
 * with the work item, its state and team), what the lanes need (the hierarchy for objectives, the
 * themes of supporting feedback, "depends on" links between entries), the teams and work items to
 * pick from, and the snapshots.
 */
public final class RoadmapStore {
  /** An entry as stored, with what the views show of its item. */
  public record Row(
      long itemId,
      String key,
      String title,
      String type,
      String state,
      String stateCategory,
      Long parentId,
      String horizon,
      String start,
      String end,
      String release,
      Long teamId,
      String team,
      Long planId,
      boolean isPublic,
      long version) {}

  /** A work item of the product, whether or not it is on the roadmap. */
  public record Item(long id, String key, String title, String type, Long parentId) {}

  /** A team of the workspace. */
  public record Team(long id, String slug, String name) {}

  /** A saved snapshot; {@code entries} is its JSON. */
  public record Snapshot(
      long id,
      long productId,
      String name,
      String entries,
      int entryCount,
      Long createdBy,
      String createdByName,
      Instant createdAt) {}

  private static final String ENTRY =
      "SELECT s.item_id, p.item_key AS product_key, e.number, e.title, w.type, st.name AS state,"
          + " st.category, w.parent_id, s.horizon, s.start_date, s.end_date, s.release_name,"
          + " s.team_id, t.name AS team_name, s.plan_id, s.public, s.version"
          + " FROM item_schedule s JOIN entity e ON e.id = s.item_id"
          + " JOIN work_item w ON w.id = s.item_id"
          + " JOIN workflow_state st ON st.id = w.state_id"
          + " JOIN product p ON p.id = s.product_id"
          + " LEFT JOIN team t ON t.id = s.team_id"
          + " WHERE e.deleted_at IS NULL";

  public List<Row> entries(Handle h, long productId) {
    return h.createQuery(ENTRY + " AND s.product_id = :product ORDER BY s.start_date, e.number")
        .bind("product", productId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  public Optional<Row> entry(Handle h, long itemId) {
    return h.createQuery(ENTRY + " AND s.item_id = :item")
        .bind("item", itemId)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("item_id"),
        rs.getString("product_key") + "-" + rs.getLong("number"),
        rs.getString("title"),
        rs.getString("type"),
        rs.getString("state"),
        rs.getString("category"),
        Rows.longOrNull(rs, "parent_id"),
        rs.getString("horizon"),
        rs.getString("start_date"),
        rs.getString("end_date"),
        rs.getString("release_name"),
        Rows.longOrNull(rs, "team_id"),
        rs.getString("team_name"),
        Rows.longOrNull(rs, "plan_id"),
        rs.getBoolean("public"),
        rs.getLong("version"));
  }

  /** The version of an item's entry, if it is on the roadmap. */
  public Optional<Long> version(Handle h, long itemId) {
    return h.createQuery("SELECT version FROM item_schedule WHERE item_id = :item")
        .bind("item", itemId)
        .mapTo(Long.class)
        .findOne();
  }

  /** What a schedule writes. */
  public record Placement(
      String horizon, String start, String end, String release, Long teamId, boolean isPublic) {}

  public void insert(Handle h, long itemId, long productId, Placement p, Instant now) {
    h.createUpdate(
            "INSERT INTO item_schedule (item_id, product_id, horizon, start_date, end_date,"
                + " release_name, team_id, public, updated_at, version)"
                + " VALUES (:item, :product, :horizon, :start, :end, :release, :team, :public,"
                + " :now, 1)")
        .bind("item", itemId)
        .bind("product", productId)
        .bind("horizon", p.horizon())
        .bind("start", p.start())
        .bind("end", p.end())
        .bind("release", p.release())
        .bind("team", p.teamId())
        .bind("public", p.isPublic())
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** Updates the entry if it is still at {@code version}; false when it is not. */
  public boolean update(Handle h, long itemId, long version, Placement p, Instant now) {
    return h.createUpdate(
                "UPDATE item_schedule SET horizon = :horizon, start_date = :start,"
                    + " end_date = :end, release_name = :release, team_id = :team,"
                    + " public = :public, updated_at = :now, version = version + 1"
                    + " WHERE item_id = :item AND version = :version")
            .bind("item", itemId)
            .bind("version", version)
            .bind("horizon", p.horizon())
            .bind("start", p.start())
            .bind("end", p.end())
            .bind("release", p.release())
            .bind("team", p.teamId())
            .bind("public", p.isPublic())
            .bind("now", Rows.millis(now))
            .execute()
        == 1;
  }

  public boolean delete(Handle h, long itemId, long version) {
    return h.createUpdate("DELETE FROM item_schedule WHERE item_id = :item AND version = :version")
            .bind("item", itemId)
            .bind("version", version)
            .execute()
        == 1;
  }

  /** The live work items of a product (for objectives, and for picking what to add). */
  public List<Item> items(Handle h, long productId) {
    return h.createQuery(
            "SELECT w.id, p.item_key AS product_key, e.number, e.title, w.type, w.parent_id"
                + " FROM work_item w JOIN entity e ON e.id = w.id"
                + " JOIN product p ON p.id = w.product_id"
                + " WHERE w.product_id = :product AND e.deleted_at IS NULL ORDER BY e.number")
        .bind("product", productId)
        .map(
            (rs, ctx) ->
                new Item(
                    rs.getLong("id"),
                    rs.getString("product_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    rs.getString("type"),
                    Rows.longOrNull(rs, "parent_id")))
        .list();
  }

  /** The live work items of a product that are not on its roadmap, broadest types first. */
  public List<Item> candidates(Handle h, long productId, int limit) {
    return h.createQuery(
            "SELECT w.id, p.item_key AS product_key, e.number, e.title, w.type, w.parent_id"
                + " FROM work_item w JOIN entity e ON e.id = w.id"
                + " JOIN product p ON p.id = w.product_id"
                + " LEFT JOIN item_schedule s ON s.item_id = w.id"
                + " WHERE w.product_id = :product AND e.deleted_at IS NULL AND s.item_id IS NULL"
                + " ORDER BY CASE w.type WHEN 'objective' THEN 0 WHEN 'initiative' THEN 1"
                + " WHEN 'epic' THEN 2 WHEN 'feature' THEN 3 WHEN 'story' THEN 4 ELSE 5 END,"
                + " e.number LIMIT :limit")
        .bind("product", productId)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new Item(
                    rs.getLong("id"),
                    rs.getString("product_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    rs.getString("type"),
                    Rows.longOrNull(rs, "parent_id")))
        .list();
  }

  /**
   * For each entry of the product that live feedback supports, the theme most of that feedback is
   * in (ties: the theme named first), by item id.
   */
  public Map<Long, String> themes(Handle h, long productId) {
    Map<Long, String> best = new HashMap<>();
    Map<Long, Long> counts = new HashMap<>();
    h.createQuery(
            "SELECT l.target_id, COALESCE(th.name, th.label) AS theme, COUNT(*) AS n"
                + " FROM item_schedule s JOIN link l ON l.target_id = s.item_id"
                + " JOIN feedback f ON f.id = l.source_id"
                + " JOIN entity fe ON fe.id = f.id"
                + " JOIN feedback_theme th ON th.id = f.theme_id"
                + " WHERE s.product_id = :product AND l.type = :type AND fe.deleted_at IS NULL"
                + " GROUP BY l.target_id, th.id, th.name, th.label"
                + " ORDER BY l.target_id, n DESC, theme")
        .bind("product", productId)
        .bind("type", LinkTypes.SUPPORTS.id())
        .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
        .forEach(
            r -> {
              long item = (Long) r[0];
              long n = (Long) r[2];
              if (!counts.containsKey(item) || counts.get(item) < n) {
                counts.put(item, n);
                best.put(item, (String) r[1]);
              }
            });
    return best;
  }

  /** The "depends on" links between entries of the product's roadmap. */
  public List<DependencyCheck.Dependency> dependencies(Handle h, long productId) {
    return h.createQuery(
            "SELECT l.source_id, l.target_id FROM link l"
                + " JOIN item_schedule a ON a.item_id = l.source_id"
                + " JOIN item_schedule b ON b.item_id = l.target_id"
                + " WHERE a.product_id = :product AND l.type = :type")
        .bind("product", productId)
        .bind("type", LinkTypes.DEPENDS.id())
        .map((rs, ctx) -> new DependencyCheck.Dependency(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  public List<Team> teams(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT id, slug, name FROM team WHERE workspace_id = :ws AND archived_at IS NULL"
                + " ORDER BY name")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> new Team(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
        .list();
  }

  // ---- Snapshots --------------------------------------------------------------------------------

  public long insertSnapshot(
      Handle h, long productId, String name, String entries, int count, long by, Instant at) {
    return h.createQuery(
            "INSERT INTO roadmap_snapshot (product_id, name, entries, entry_count, created_by,"
                + " created_at) VALUES (:product, :name, :entries, :count, :by, :at) RETURNING id")
        .bind("product", productId)
        .bind("name", name)
        .bind("entries", entries)
        .bind("count", count)
        .bind("by", by)
        .bind("at", Rows.millis(at))
        .mapTo(Long.class)
        .one();
  }

  private static final String SNAPSHOT =
      "SELECT r.id, r.product_id, r.name, r.entries, r.entry_count, r.created_by,"
          + " u.name AS user_name, r.created_at FROM roadmap_snapshot r"
          + " LEFT JOIN app_user u ON u.id = r.created_by";

  public List<Snapshot> snapshots(Handle h, long productId) {
    return h.createQuery(
            SNAPSHOT + " WHERE r.product_id = :product ORDER BY r.created_at DESC, r.id DESC")
        .bind("product", productId)
        .map((rs, ctx) -> snapshot(rs, false))
        .list();
  }

  public Optional<Snapshot> snapshot(Handle h, long id) {
    return h.createQuery(SNAPSHOT + " WHERE r.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> snapshot(rs, true))
        .findOne();
  }

  private static Snapshot snapshot(ResultSet rs, boolean withEntries) throws SQLException {
    return new Snapshot(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("name"),
        withEntries ? rs.getString("entries") : "[]",
        rs.getInt("entry_count"),
        Rows.longOrNull(rs, "created_by"),
        rs.getString("user_name"),
        Rows.instant(rs, "created_at"));
  }
}
