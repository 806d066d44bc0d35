package io.hatrack.kernel.work;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  public List<String> forItem(Handle h, long itemId) {
    return h.createQuery(
            "SELECT t.name FROM tag t JOIN entity_tag et ON et.tag_id = t.id"
                + " WHERE et.entity_id = :item ORDER BY t.name")
        .bind("item", itemId)
        .mapTo(String.class)
        .list();
  }

  /** The tags of each item, by name; every id asked for is in the answer. */
  public Map<Long, List<String>> forItems(Handle h, Collection<Long> itemIds) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    itemIds.forEach(id -> out.put(id, new ArrayList<>()));
    List<Long> ids = List.copyOf(out.keySet());
    for (int from = 0; from < ids.size(); from += 500) {
      h.createQuery(
              "SELECT et.entity_id, t.name FROM tag t JOIN entity_tag et ON et.tag_id = t.id"
                  + " WHERE et.entity_id IN (<ids>) ORDER BY t.name")
          .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
          .forEach(e -> out.get(e.getKey()).add(e.getValue()));
    }
    return out;
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
