package io.hatrack.kernel.work;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for typed links between items. */
public final class LinkStore {
  /** A stored link. */
  public record Row(long id, long workspaceId, long sourceId, long targetId, String type) {}

  public long insert(
      Handle h, long workspaceId, long sourceId, long targetId, String type, long by, Instant now) {
    return h.createQuery(
            "INSERT INTO link (workspace_id, source_id, target_id, type, created_by, created_at)"
                + " VALUES (:ws, :source, :target, :type, :by, :now) RETURNING id")
        .bind("ws", workspaceId)
        .bind("source", sourceId)
        .bind("target", targetId)
        .bind("type", type)
        .bind("by", by)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  public boolean exists(Handle h, long sourceId, long targetId, String type) {
    return h.createQuery(
                "SELECT COUNT(*) FROM link WHERE source_id = :s AND target_id = :t AND type = :type")
            .bind("s", sourceId)
            .bind("t", targetId)
            .bind("type", type)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  public Optional<Row> byId(Handle h, long id) {
    return h.createQuery(
            "SELECT id, workspace_id, source_id, target_id, type FROM link WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Row(
                    rs.getLong("id"),
                    rs.getLong("workspace_id"),
                    rs.getLong("source_id"),
                    rs.getLong("target_id"),
                    rs.getString("type")))
        .findOne();
  }

  public void delete(Handle h, long id) {
    h.createUpdate("DELETE FROM link WHERE id = :id").bind("id", id).execute();
  }

  /** Targets of the outgoing links of one type, for graph checks such as cycle detection. */
  public List<Long> targets(Handle h, long sourceId, String type) {
    return h.createQuery("SELECT target_id FROM link WHERE source_id = :s AND type = :type")
        .bind("s", sourceId)
        .bind("type", type)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Links of one item in both directions, with the item at the other end, skipping deleted ones.
   */
  public List<Link> forItem(Handle h, long itemId, LinkTypes types) {
    String other =
        "SELECT l.id AS link_id, l.type, %s AS outgoing, l.created_by AS link_by,"
            + " l.created_at AS link_at, "
            + EntityStore.ITEM_COLUMNS
            + " FROM link l JOIN entity e ON e.id = l.%s"
            + " LEFT JOIN product p ON p.id = e.product_id"
            + " WHERE l.%s = :item AND e.deleted_at IS NULL";
    String sql =
        String.format(other, "TRUE", "target_id", "source_id")
            + " UNION ALL "
            + String.format(other, "FALSE", "source_id", "target_id")
            + " ORDER BY type, link_id";
    return h.createQuery(sql)
        .bind("item", itemId)
        .map(
            (rs, ctx) -> {
              boolean outgoing = rs.getBoolean("outgoing");
              String type = rs.getString("type");
              return new Link(
                  rs.getLong("link_id"),
                  type,
                  outgoing,
                  types.byId(type).map(t -> t.label(outgoing)).orElse(type),
                  EntityStore.map(rs),
                  rs.getLong("link_by"),
                  Rows.instant(rs, "link_at"));
            })
        .list();
  }
}
