package io.hatrack.kernel.work;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for products and their item-number sequence. */
public final class ProductStore {
  private static final String COLUMNS =
      "id, workspace_id, slug, item_key, name, description, created_by, created_at, updated_at,"
          + " version";

  static Product map(ResultSet rs) throws SQLException {
    return new Product(
        rs.getLong("id"),
        rs.getLong("workspace_id"),
        rs.getString("slug"),
        rs.getString("item_key"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  public Product insert(
      Handle h,
      long workspaceId,
      String slug,
      String key,
      String name,
      String description,
      long createdBy,
      Instant now) {
    return h.createQuery(
            "INSERT INTO product (workspace_id, slug, item_key, name, description, created_by,"
                + " created_at, updated_at) VALUES (:ws, :slug, :key, :name, :description, :by,"
                + " :now, :now) RETURNING "
                + COLUMNS)
        .bind("ws", workspaceId)
        .bind("slug", slug)
        .bind("key", key)
        .bind("name", name)
        .bind("description", description)
        .bind("by", createdBy)
        .bind("now", Rows.millis(now))
        .map((rs, ctx) -> map(rs))
        .one();
  }

  public Optional<Product> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM product WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Product> bySlug(Handle h, String slug) {
    return h.createQuery("SELECT " + COLUMNS + " FROM product WHERE slug = :slug")
        .bind("slug", slug)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Product> byKey(Handle h, long workspaceId, String key) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM product WHERE workspace_id = :ws AND item_key = :key")
        .bind("ws", workspaceId)
        .bind("key", key)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Products with this key in any of the given workspaces. */
  public List<Product> byKeyIn(Handle h, List<Long> workspaceIds, String key) {
    if (workspaceIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM product WHERE item_key = :key AND workspace_id IN (<ws>)")
        .bind("key", key)
        .bindList("ws", workspaceIds)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Products with this slug, or with this key in any workspace: for the CLI. */
  public List<Product> bySlugOrKey(Handle h, String slug, String key) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM product WHERE slug = :slug OR item_key = :key ORDER BY id")
        .bind("slug", slug)
        .bind("key", key)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public List<Product> inWorkspace(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM product WHERE workspace_id = :ws ORDER BY name, id")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public boolean slugTaken(Handle h, String slug, long exceptId) {
    return h.createQuery("SELECT COUNT(*) FROM product WHERE slug = :slug AND id <> :id")
            .bind("slug", slug)
            .bind("id", exceptId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  public boolean keyTaken(Handle h, long workspaceId, String key, long exceptId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM product WHERE workspace_id = :ws AND item_key = :key"
                    + " AND id <> :id")
            .bind("ws", workspaceId)
            .bind("key", key)
            .bind("id", exceptId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Updates the product if it is still at {@code expectedVersion}; empty when it is not. */
  public Optional<Product> update(
      Handle h,
      long id,
      long expectedVersion,
      String slug,
      String key,
      String name,
      String description,
      Instant now) {
    return h.createQuery(
            "UPDATE product SET slug = :slug, item_key = :key, name = :name,"
                + " description = :description, updated_at = :now, version = version + 1"
                + " WHERE id = :id AND version = :expected RETURNING "
                + COLUMNS)
        .bind("slug", slug)
        .bind("key", key)
        .bind("name", name)
        .bind("description", description)
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .bind("expected", expectedVersion)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Takes {@code count} item numbers of a product at once (an import); answers the first. */
  public long takeNumbers(Handle h, long productId, int count) {
    return h.createQuery(
            "UPDATE product SET next_number = next_number + :count WHERE id = :id"
                + " RETURNING next_number - :count")
        .bind("id", productId)
        .bind("count", count)
        .mapTo(Long.class)
        .one();
  }

  /** Takes the next item number of a product; the row lock serialises concurrent takers. */
  public long takeNumber(Handle h, long productId) {
    return h.createQuery(
            "UPDATE product SET next_number = next_number + 1 WHERE id = :id"
                + " RETURNING next_number - 1")
        .bind("id", productId)
        .mapTo(Long.class)
        .one();
  }
}
