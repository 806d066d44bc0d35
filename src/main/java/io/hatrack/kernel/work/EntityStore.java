package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the entity table that every item of every hat shares. */
public final class EntityStore {
  /** The columns of an {@link Item}, for stores that join their own table with the entity. */
  public static final String ITEM_COLUMNS =
      "e.id, e.workspace_id, e.product_id, p.item_key AS product_key, e.kind, e.number, e.title,"
          + " e.version, e.created_by, e.created_at, e.updated_by, e.updated_at, e.deleted_at";

  /** The FROM clause that goes with {@link #ITEM_COLUMNS}. */
  public static final String ITEM_FROM = "entity e LEFT JOIN product p ON p.id = e.product_id";

  /** Maps the {@link #ITEM_COLUMNS} of a row. */
  public static Item map(ResultSet rs) throws SQLException {
    return new Item(
        rs.getLong("id"),
        rs.getLong("workspace_id"),
        Rows.longOrNull(rs, "product_id"),
        rs.getString("product_key"),
        rs.getString("kind"),
        Rows.longOrNull(rs, "number"),
        rs.getString("title"),
        rs.getLong("version"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        rs.getLong("updated_by"),
        Rows.instant(rs, "updated_at"),
        Rows.instantOrNull(rs, "deleted_at"));
  }

  public long insert(
      Handle h,
      long workspaceId,
      Long productId,
      String kind,
      Long number,
      String title,
      long actorId,
      Instant now) {
    return h.createQuery(
            "INSERT INTO entity (workspace_id, product_id, kind, number, title, search_title,"
                + " created_by, created_at, updated_by, updated_at) VALUES (:ws, :product, :kind,"
                + " :number, :title, :search, :actor, :now, :actor, :now) RETURNING id")
        .bind("ws", workspaceId)
        .bind("product", productId)
        .bind("kind", kind)
        .bind("number", number)
        .bind("title", title)
        .bind("search", searchable(title))
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /**
   * Inserts the entity rows of many new items of one product in one batch, numbered from {@code
   * firstNumber} on (numbers taken before); answers their ids in the order of {@code titles}.
   */
  public List<Long> insertAll(
      Handle h,
      long workspaceId,
      long productId,
      String kind,
      long firstNumber,
      List<String> titles,
      long actorId,
      Instant now) {
    if (titles.isEmpty()) {
      return List.of();
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO entity (workspace_id, product_id, kind, number, title, search_title,"
                + " created_by, created_at, updated_by, updated_at) VALUES (:ws, :product, :kind,"
                + " :number, :title, :search, :actor, :now, :actor, :now)");
    long number = firstNumber;
    for (String title : titles) {
      batch
          .bind("ws", workspaceId)
          .bind("product", productId)
          .bind("kind", kind)
          .bind("number", number++)
          .bind("title", title)
          .bind("search", searchable(title))
          .bind("actor", actorId)
          .bind("now", Rows.millis(now))
          .add();
    }
    batch.execute();
    return h.createQuery(
            "SELECT id FROM entity WHERE product_id = :product AND number BETWEEN :first AND :last"
                + " ORDER BY number")
        .bind("product", productId)
        .bind("first", firstNumber)
        .bind("last", firstNumber + titles.size() - 1)
        .mapTo(Long.class)
        .list();
  }

  /** How titles are compared in search: lowercased the same way on every database. */
  public static String searchable(String text) {
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** An item by id, deleted or not. */
  public Optional<Item> byId(Handle h, long id) {
    return h.createQuery("SELECT " + ITEM_COLUMNS + " FROM " + ITEM_FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /**
   * An item with its workspace and the role of {@code userId} there (empty role: not a member), in
   * one statement: every read of an item starts with this access check.
   */
  public Optional<Located> locate(Handle h, long id, long userId) {
    return h.createQuery(
            "SELECT "
                + ITEM_COLUMNS
                + ", w.slug AS w_slug, w.name AS w_name, w.created_by AS w_created_by,"
                + " w.created_at AS w_created_at, w.updated_at AS w_updated_at,"
                + " w.version AS w_version, m.role AS member_role FROM "
                + ITEM_FROM
                + " JOIN workspace w ON w.id = e.workspace_id"
                + " LEFT JOIN membership m ON m.workspace_id = e.workspace_id AND m.user_id = :user"
                + " WHERE e.id = :id")
        .bind("id", id)
        .bind("user", userId)
        .map(
            (rs, ctx) -> {
              Item item = map(rs);
              Workspace ws =
                  new Workspace(
                      item.workspaceId(),
                      rs.getString("w_slug"),
                      rs.getString("w_name"),
                      rs.getLong("w_created_by"),
                      Rows.instant(rs, "w_created_at"),
                      Rows.instant(rs, "w_updated_at"),
                      rs.getLong("w_version"));
              String role = rs.getString("member_role");
              return new Located(item, ws, role == null ? null : Role.parse("role", role));
            })
        .findOne();
  }

  /** An item, its workspace, and the reader's role there (null when not a member). */
  public record Located(Item item, Workspace workspace, Role role) {}

  public Optional<Item> byNumber(Handle h, long productId, long number) {
    return h.createQuery(
            "SELECT "
                + ITEM_COLUMNS
                + " FROM "
                + ITEM_FROM
                + " WHERE e.product_id = :product AND e.number = :number")
        .bind("product", productId)
        .bind("number", number)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<Item> byIds(Handle h, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT " + ITEM_COLUMNS + " FROM " + ITEM_FROM + " WHERE e.id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /**
   * Records a change: sets the title and moves the version on by one, if the item is still at
   * {@code expectedVersion}. Returns the new version, or empty when someone else changed it first.
   */
  public Optional<Long> bump(
      Handle h, long id, long expectedVersion, String title, long actorId, Instant now) {
    return h.createQuery(
            "UPDATE entity SET title = :title, search_title = :search, version = version + 1,"
                + " updated_by = :actor, updated_at = :now WHERE id = :id AND version = :expected"
                + " AND deleted_at IS NULL RETURNING version")
        .bind("title", title)
        .bind("search", searchable(title))
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .bind("expected", expectedVersion)
        .mapTo(Long.class)
        .findOne();
  }

  /** Marks an item deleted (it can be restored); empty when the version is stale. */
  public Optional<Long> markDeleted(
      Handle h, long id, long expectedVersion, long actorId, Instant now) {
    return h.createQuery(
            "UPDATE entity SET deleted_at = :now, version = version + 1, updated_by = :actor,"
                + " updated_at = :now WHERE id = :id AND version = :expected"
                + " AND deleted_at IS NULL RETURNING version")
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .bind("expected", expectedVersion)
        .mapTo(Long.class)
        .findOne();
  }

  public void restore(Handle h, long id, long actorId, Instant now) {
    h.createUpdate(
            "UPDATE entity SET deleted_at = NULL, version = version + 1, updated_by = :actor,"
                + " updated_at = :now WHERE id = :id")
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .execute();
  }

  /**
   * Live items in the given workspaces whose title contains {@code text}, newest first; or, when
   * {@code number} is given, the items with that number in a product with key {@code key}.
   */
  public List<Item> find(
      Handle h, List<Long> workspaceIds, String text, String key, Long number, int limit) {
    if (workspaceIds.isEmpty()) {
      return List.of();
    }
    String where =
        number != null
            ? "p.item_key = :key AND e.number = :number"
            : "e.search_title LIKE :pattern ESCAPE '\\'";
    return h.createQuery(
            "SELECT "
                + ITEM_COLUMNS
                + " FROM "
                + ITEM_FROM
                + " WHERE e.workspace_id IN (<ws>) AND e.deleted_at IS NULL AND "
                + where
                + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit")
        .bindList("ws", workspaceIds)
        .bind("key", key)
        .bind("number", number)
        .bind("pattern", "%" + likeEscape(searchable(text)) + "%")
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Moves the live count of a product's items of one kind by {@code delta}. */
  public void adjustCount(Handle h, long productId, String kind, int delta) {
    h.createUpdate(
            "INSERT INTO item_count (product_id, kind, live) VALUES (:product, :kind, :delta)"
                + " ON CONFLICT (product_id, kind) DO UPDATE SET live = item_count.live + :delta")
        .bind("product", productId)
        .bind("kind", kind)
        .bind("delta", delta)
        .execute();
  }

  /** How many live items of one kind a product has. */
  public long liveCount(Handle h, long productId, String kind) {
    return h.createQuery("SELECT live FROM item_count WHERE product_id = :product AND kind = :kind")
        .bind("product", productId)
        .bind("kind", kind)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  /** The most recently updated live items of a product, of any kind. */
  public List<Item> recentInProduct(Handle h, long productId, int limit) {
    return h.createQuery(
            "SELECT "
                + ITEM_COLUMNS
                + " FROM "
                + ITEM_FROM
                + " WHERE e.product_id = :product AND e.deleted_at IS NULL"
                + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit")
        .bind("product", productId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Escapes LIKE wildcards so that user text matches literally. */
  public static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
