package io.hatrack.kernel.audit;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for the activity table, which is both the activity feed and the audit log. */
public final class ActivityStore {
  private static final String SELECT =
      "SELECT a.id, a.workspace_id, a.product_id, a.entity_id, e.title AS item_title,"
          + " e.kind AS item_kind, a.actor_id, u.name AS actor_name, a.action, a.summary,"
          + " a.before_json, a.after_json, a.at"
          + " FROM activity a"
          + " LEFT JOIN app_user u ON u.id = a.actor_id"
          + " LEFT JOIN entity e ON e.id = a.entity_id";

  private static ActivityEntry map(ResultSet rs) throws SQLException {
    return new ActivityEntry(
        rs.getLong("id"),
        Rows.longOrNull(rs, "workspace_id"),
        Rows.longOrNull(rs, "product_id"),
        Rows.longOrNull(rs, "entity_id"),
        rs.getString("item_title"),
        rs.getString("item_kind"),
        Rows.longOrNull(rs, "actor_id"),
        rs.getString("actor_name"),
        rs.getString("action"),
        rs.getString("summary"),
        rs.getString("before_json"),
        rs.getString("after_json"),
        Rows.instant(rs, "at"));
  }

  public long insert(Handle h, Change c, String beforeJson, String afterJson, Instant at) {
    return h.createQuery(
            "INSERT INTO activity (workspace_id, product_id, entity_id, actor_id, action, summary,"
                + " before_json, after_json, feed, at) VALUES (:ws, :product, :entity, :actor,"
                + " :action, :summary, :before, :after, :feed, :at) RETURNING id")
        .bind("ws", c.workspaceId())
        .bind("product", c.productId())
        .bind("entity", c.entityId())
        .bind("actor", c.actorId())
        .bind("action", c.action())
        .bind("summary", c.summary())
        .bind("before", beforeJson)
        .bind("after", afterJson)
        .bind("feed", c.feed())
        .bind("at", Rows.millis(at))
        .mapTo(Long.class)
        .one();
  }

  /** Feed of one item, newest first, entries with id below {@code before} (0: from the top). */
  public List<ActivityEntry> forEntity(Handle h, long entityId, long before, int limit) {
    return page(h, "a.entity_id = :scope AND a.feed", entityId, before, limit);
  }

  public List<ActivityEntry> forProduct(Handle h, long productId, long before, int limit) {
    return page(
        h,
        "a.product_id = :scope AND a.feed AND (e.id IS NULL OR e.deleted_at IS NULL)",
        productId,
        before,
        limit);
  }

  public List<ActivityEntry> forWorkspace(Handle h, long workspaceId, long before, int limit) {
    return page(
        h,
        "a.workspace_id = :scope AND a.feed AND (e.id IS NULL OR e.deleted_at IS NULL)",
        workspaceId,
        before,
        limit);
  }

  /** Every change in a workspace, security events included: the audit log. */
  public List<ActivityEntry> auditLog(Handle h, long workspaceId, long before, int limit) {
    return page(h, "a.workspace_id = :scope", workspaceId, before, limit);
  }

  /** Security events of one person's account (tokens, passwords). */
  public List<ActivityEntry> forAccount(Handle h, long userId, long before, int limit) {
    return page(h, "a.workspace_id IS NULL AND a.actor_id = :scope", userId, before, limit);
  }

  /** How many entries {@code forEntity}, {@code forProduct}, ... would list in all. */
  public long count(Handle h, String scope, long id) {
    String where =
        switch (scope) {
          case "entity" -> "a.entity_id = :scope AND a.feed";
          case "product" ->
              "a.product_id = :scope AND a.feed AND (e.id IS NULL OR e.deleted_at IS NULL)";
          case "workspace" ->
              "a.workspace_id = :scope AND a.feed AND (e.id IS NULL OR e.deleted_at IS NULL)";
          case "audit" -> "a.workspace_id = :scope";
          default -> throw new IllegalArgumentException("unknown activity scope " + scope);
        };
    return h.createQuery(
            "SELECT COUNT(*) FROM activity a LEFT JOIN entity e ON e.id = a.entity_id WHERE "
                + where)
        .bind("scope", id)
        .mapTo(Long.class)
        .one();
  }

  private List<ActivityEntry> page(Handle h, String where, long scope, long before, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE "
                + where
                + (before > 0 ? " AND a.id < :before" : "")
                + " ORDER BY a.id DESC LIMIT :limit")
        .bind("scope", scope)
        .bind("before", before)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }
}
