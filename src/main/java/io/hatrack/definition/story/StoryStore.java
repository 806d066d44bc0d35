package io.hatrack.definition.story;

import io.hatrack.definition.WorkItemStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The little SQL stories need beyond the work item service: finding a work item by key across
 * workspaces for the command line (which acts for the installation's administrator), and finding
 * the demo's stories by title.
 */
public final class StoryStore {
  /**
   * A live work item with the workspace it is in and that workspace's first owner.
   *
   * @param ownerId the owner the command line acts as, or null when the workspace has none
   */
  public record Located(long itemId, String workspaceSlug, Long ownerId) {}

  private static final String LOCATE =
      "SELECT e.id, ws.slug,"
          + " (SELECT m.user_id FROM membership m WHERE m.workspace_id = e.workspace_id"
          + "   AND m.role = 'owner' ORDER BY m.created_at, m.user_id LIMIT 1) AS owner_id"
          + " FROM entity e JOIN product p ON p.id = e.product_id"
          + " JOIN workspace ws ON ws.id = e.workspace_id"
          + " WHERE e.kind = :kind AND e.deleted_at IS NULL AND ";

  /** Live work items with this key (one per workspace that has a product with the key). */
  public List<Located> byKey(Handle h, String productKey, long number) {
    return h.createQuery(LOCATE + "p.item_key = :key AND e.number = :number ORDER BY ws.slug")
        .bind("kind", WorkItemStore.KIND)
        .bind("key", productKey)
        .bind("number", number)
        .map(StoryStore::located)
        .list();
  }

  /** The live work item with this id, if any. */
  public Optional<Located> byId(Handle h, long id) {
    return h.createQuery(LOCATE + "e.id = :id")
        .bind("kind", WorkItemStore.KIND)
        .bind("id", id)
        .map(StoryStore::located)
        .findOne();
  }

  private static Located located(ResultSet rs, StatementContext ctx) throws SQLException {
    long owner = rs.getLong("owner_id");
    return new Located(rs.getLong("id"), rs.getString("slug"), rs.wasNull() ? null : owner);
  }

  /** The first live work item of a product with exactly this title and type, if any. */
  public Optional<Long> idByTitle(Handle h, long productId, String type, String title) {
    return h.createQuery(
            "SELECT e.id FROM entity e JOIN work_item w ON w.id = e.id"
                + " WHERE e.product_id = :product AND e.kind = :kind AND e.deleted_at IS NULL"
                + " AND w.type = :type AND e.title = :title ORDER BY e.id LIMIT 1")
        .bind("product", productId)
        .bind("kind", WorkItemStore.KIND)
        .bind("type", type)
        .bind("title", title)
        .mapTo(Long.class)
        .findOne();
  }
}
