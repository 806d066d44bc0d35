package io.hatrack.definition.docs;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the templates a product adds to the built-in ones. */
public final class DocumentTemplateStore {
  private static final String COLUMNS =
      "id, template_key, name, description, body, version, updated_at";

  private static DocumentTemplate map(ResultSet rs) throws SQLException {
    return new DocumentTemplate(
        rs.getLong("id"),
        rs.getString("template_key"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("body"),
        rs.getLong("version"),
        Rows.instant(rs, "updated_at"));
  }

  /** A product's templates by name. */
  public List<DocumentTemplate> list(Handle h, long productId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM document_template WHERE product_id = :product ORDER BY name")
        .bind("product", productId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public Optional<DocumentTemplate> byKey(Handle h, long productId, String key) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM document_template WHERE product_id = :product AND template_key = :key")
        .bind("product", productId)
        .bind("key", key)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<DocumentTemplate> byId(Handle h, long productId, long id) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM document_template WHERE product_id = :product AND id = :id")
        .bind("product", productId)
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** What a product template holds besides its identity. */
  public record Fields(String name, String description, String body) {}

  public long insert(Handle h, long productId, String key, Fields f, long actorId, Instant now) {
    return h.createQuery(
            "INSERT INTO document_template (product_id, template_key, name, description, body,"
                + " created_by, created_at, updated_by, updated_at) VALUES (:product, :key, :name,"
                + " :description, :body, :actor, :now, :actor, :now) RETURNING id")
        .bind("product", productId)
        .bind("key", key)
        .bind("name", f.name())
        .bind("description", f.description())
        .bind("body", f.body())
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** Changes a template if it is still at {@code expected}; false when it is not. */
  public boolean update(Handle h, long id, long expected, Fields f, long actorId, Instant now) {
    return h.createUpdate(
                "UPDATE document_template SET name = :name, description = :description,"
                    + " body = :body, version = version + 1, updated_by = :actor,"
                    + " updated_at = :now WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("name", f.name())
            .bind("description", f.description())
            .bind("body", f.body())
            .bind("actor", actorId)
            .bind("now", Rows.millis(now))
            .execute()
        == 1;
  }

  /** Deletes a template if it is still at {@code expected}; false when it is not. */
  public boolean delete(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM document_template WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        == 1;
  }

  /** True when another template of the product already has this name. */
  public boolean nameTaken(Handle h, long productId, String name, long exceptId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM document_template WHERE product_id = :product"
                    + " AND name = :name AND id <> :except")
            .bind("product", productId)
            .bind("name", name)
            .bind("except", exceptId)
            .mapTo(Long.class)
            .one()
        > 0;
  }
}
