package io.hatrack.kernel.work;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for a workspace's tags and the items that carry them. */
public final class TagStore {
  /** A tag with the number of live items carrying it. */
  public record TagCount(String name, long items) {}

  /** The id of the tag, created when it does not exist yet. */
  public long ensure(Handle h, long workspaceId, String name, Instant now) {
    h.createUpdate(
            "INSERT INTO tag (workspace_id, name, created_at) VALUES (:ws, :name, :now)"
                + " ON CONFLICT (workspace_id, name) DO NOTHING")
        .bind("ws", workspaceId)
        .bind("name", name)
        .bind("now", Rows.millis(now))
        .execute();
    return h.createQuery("SELECT id FROM tag WHERE workspace_id = :ws AND name = :name")
        .bind("ws", workspaceId)
        .bind("name", name)
        .mapTo(Long.class)
        .one();
  }

  public boolean attach(Handle h, long itemId, long tagId) {
    return h.createUpdate(
                "INSERT INTO entity_tag (entity_id, tag_id) VALUES (:item, :tag)"
                    + " ON CONFLICT (entity_id, tag_id) DO NOTHING")
            .bind("item", itemId)
            .bind("tag", tagId)
            .execute()
        == 1;
  }

  public boolean detach(Handle h, long itemId, long workspaceId, String name) {
    return h.createUpdate(
                "DELETE FROM entity_tag WHERE entity_id = :item AND tag_id IN"
                    + " (SELECT id FROM tag WHERE workspace_id = :ws AND name = :name)")
            .bind("item", itemId)
            .bind("ws", workspaceId)
            .bind("name", name)
            .execute()
        == 1;
  }

  /** The tags of each of these items, by item id (items without tags are left out). */
  public java.util.Map<Long, List<String>> forItems(Handle h, java.util.Collection<Long> itemIds) {
    java.util.Map<Long, List<String>> byItem = new java.util.HashMap<>();
    if (itemIds.isEmpty()) {
      return byItem;
    }
    h.createQuery(
            "SELECT et.entity_id, t.name FROM tag t JOIN entity_tag et ON et.tag_id = t.id"
                + " WHERE et.entity_id IN (<items>) ORDER BY t.name")
        .bindList("items", List.copyOf(itemIds))
        .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(
            e ->
                byItem
                    .computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                    .add(e.getValue()));
    return byItem;
  }

  public List<String> forItem(Handle h, long itemId) {
    return h.createQuery(
            "SELECT t.name FROM tag t JOIN entity_tag et ON et.tag_id = t.id"
                + " WHERE et.entity_id = :item ORDER BY t.name")
        .bind("item", itemId)
        .mapTo(String.class)
        .list();
  }

  public List<TagCount> inWorkspace(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT t.name, COUNT(e.id) AS items FROM tag t"
                + " LEFT JOIN entity_tag et ON et.tag_id = t.id"
                + " LEFT JOIN entity e ON e.id = et.entity_id AND e.deleted_at IS NULL"
                + " WHERE t.workspace_id = :ws GROUP BY t.name ORDER BY t.name")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> new TagCount(rs.getString("name"), rs.getLong("items")))
        .list();
  }
}
