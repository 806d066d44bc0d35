package io.hatrack.definition.query;

import io.hatrack.definition.WorkItemStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The look-ups a query needs to turn names into ids: tags, members' handles, items by number. */
public final class QueryStore {
  /** The id of the workspace's tag with this (normalised) name. */
  public Optional<Long> tag(Handle h, long workspaceId, String name) {
    return h.createQuery("SELECT id FROM tag WHERE workspace_id = :ws AND name = :name")
        .bind("ws", workspaceId)
        .bind("name", name)
        .mapTo(Long.class)
        .findOne();
  }

  /** The names of the workspace's tags, for suggestions. */
  public List<String> tagNames(Handle h, long workspaceId) {
    return h.createQuery("SELECT name FROM tag WHERE workspace_id = :ws ORDER BY name LIMIT 500")
        .bind("ws", workspaceId)
        .mapTo(String.class)
        .list();
  }

  /** The handles of the workspace's members, for suggestions. */
  public List<String> handles(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT u.handle FROM app_user u JOIN membership m ON m.user_id = u.id"
                + " WHERE m.workspace_id = :ws ORDER BY u.handle LIMIT 500")
        .bind("ws", workspaceId)
        .mapTo(String.class)
        .list();
  }

  /** The id of the product's work item with this number (deleted or not). */
  public Optional<Long> workItem(Handle h, long productId, long number) {
    return h.createQuery(
            "SELECT e.id FROM entity e WHERE e.product_id = :product AND e.number = :number"
                + " AND e.kind = :kind")
        .bind("product", productId)
        .bind("number", number)
        .bind("kind", WorkItemStore.KIND)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * The number of the product's live work item with exactly this title (the oldest, if several).
   */
  public Optional<Long> workItemNumberByTitle(Handle h, long productId, String title) {
    return h.createQuery(
            "SELECT e.number FROM entity e WHERE e.product_id = :product AND e.kind = :kind"
                + " AND e.title = :title AND e.deleted_at IS NULL ORDER BY e.id LIMIT 1")
        .bind("product", productId)
        .bind("kind", WorkItemStore.KIND)
        .bind("title", title)
        .mapTo(Long.class)
        .findOne();
  }
}
