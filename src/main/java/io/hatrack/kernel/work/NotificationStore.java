package io.hatrack.kernel.work;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for in-app notifications. */
public final class NotificationStore {
  public void insert(
      Handle h,
      long userId,
      long workspaceId,
      Long itemId,
      Long actorId,
      String reason,
      String summary,
      Instant now) {
    h.createUpdate(
            "INSERT INTO notification (user_id, workspace_id, entity_id, actor_id, reason,"
                + " summary, created_at) VALUES (:user, :ws, :item, :actor, :reason, :summary,"
                + " :now)")
        .bind("user", userId)
        .bind("ws", workspaceId)
        .bind("item", itemId)
        .bind("actor", actorId)
        .bind("reason", reason)
        .bind("summary", summary)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /**
   * A person's notifications, newest first, with id below {@code before} (0: from the top), only in
   * workspaces they still belong to.
   */
  public List<Notification> forUser(
      Handle h, long userId, boolean unreadOnly, long before, int limit) {
    return h.createQuery(
            "SELECT n.id AS n_id, n.workspace_id AS n_ws, n.reason, n.summary,"
                + " n.created_at AS n_at, n.read_at, a.name AS actor_name,"
                + " e.id AS item_id, "
                + EntityStore.ITEM_COLUMNS
                + " FROM notification n"
                + " JOIN membership m ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id"
                + " LEFT JOIN app_user a ON a.id = n.actor_id"
                + " LEFT JOIN entity e ON e.id = n.entity_id"
                + " LEFT JOIN product p ON p.id = e.product_id"
                + " WHERE n.user_id = :user"
                + (unreadOnly ? " AND n.read_at IS NULL" : "")
                + (before > 0 ? " AND n.id < :before" : "")
                + " ORDER BY n.id DESC LIMIT :limit")
        .bind("user", userId)
        .bind("before", before)
        .bind("limit", limit)
        .map(
            (rs, ctx) -> {
              Long itemId = Rows.longOrNull(rs, "item_id");
              return new Notification(
                  rs.getLong("n_id"),
                  rs.getLong("n_ws"),
                  itemId == null ? null : EntityStore.map(rs),
                  rs.getString("actor_name"),
                  rs.getString("reason"),
                  rs.getString("summary"),
                  Rows.instant(rs, "n_at"),
                  Rows.instantOrNull(rs, "read_at"));
            })
        .list();
  }

  public long count(Handle h, long userId, boolean unreadOnly) {
    return h.createQuery(
            "SELECT COUNT(*) FROM notification n JOIN membership m"
                + " ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id"
                + " WHERE n.user_id = :user"
                + (unreadOnly ? " AND n.read_at IS NULL" : ""))
        .bind("user", userId)
        .mapTo(Long.class)
        .one();
  }

  public long unreadCount(Handle h, long userId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM notification n JOIN membership m"
                + " ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id"
                + " WHERE n.user_id = :user AND n.read_at IS NULL")
        .bind("user", userId)
        .mapTo(Long.class)
        .one();
  }

  public int markRead(Handle h, long userId, long id, Instant now) {
    return h.createUpdate(
            "UPDATE notification SET read_at = :now WHERE id = :id AND user_id = :user"
                + " AND read_at IS NULL")
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .bind("user", userId)
        .execute();
  }

  public int markAllRead(Handle h, long userId, Instant now) {
    return h.createUpdate(
            "UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
        .bind("now", Rows.millis(now))
        .bind("user", userId)
        .execute();
  }
}
