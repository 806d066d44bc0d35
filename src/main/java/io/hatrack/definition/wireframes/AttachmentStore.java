package io.hatrack.definition.wireframes;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for images attached to items. Listings never read the bytes. */
public final class AttachmentStore {
  private static final String COLUMNS =
      "a.id, a.item_id, a.name, a.content_type, a.size_bytes, a.width, a.height, a.version,"
          + " a.sha256, a.created_by, u.name AS created_by_name, a.created_at";
  private static final String FROM = " FROM attachment a JOIN app_user u ON u.id = a.created_by";

  /** What is stored of an image: everything but the id, version and time. */
  public record NewAttachment(
      long itemId,
      String name,
      String contentType,
      Integer width,
      Integer height,
      String sha256,
      byte[] data,
      long createdBy) {}

  /** The bytes of a live attachment, with what a download needs. */
  public record Stored(String name, String contentType, byte[] data) {}

  /** The next version number for {@code name} on the item (deleted versions count too). */
  public int nextVersion(Handle h, long itemId, String name) {
    return h.createQuery(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM attachment"
                + " WHERE item_id = :item AND name = :name")
        .bind("item", itemId)
        .bind("name", name)
        .mapTo(Integer.class)
        .one();
  }

  public long insert(Handle h, NewAttachment a, int version, Instant at) {
    return h.createQuery(
            "INSERT INTO attachment (item_id, name, content_type, size_bytes, width, height,"
                + " version, sha256, data, created_by, created_at)"
                + " VALUES (:item, :name, :type, :size, :width, :height, :version, :sha, :data,"
                + " :by, :at) RETURNING id")
        .bind("item", a.itemId())
        .bind("name", a.name())
        .bind("type", a.contentType())
        .bind("size", (long) a.data().length)
        .bind("width", a.width())
        .bind("height", a.height())
        .bind("version", version)
        .bind("sha", a.sha256())
        .bind("data", a.data())
        .bind("by", a.createdBy())
        .bind("at", Rows.millis(at))
        .mapTo(Long.class)
        .one();
  }

  public Optional<Attachment> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE a.id = :id AND a.deleted_at IS NULL")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The newest live version of each name on the item, by name. */
  public List<Attachment> latest(Handle h, long itemId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + FROM
                + " WHERE a.item_id = :item AND a.deleted_at IS NULL AND a.version ="
                + " (SELECT MAX(b.version) FROM attachment b WHERE b.item_id = a.item_id"
                + " AND b.name = a.name AND b.deleted_at IS NULL)"
                + " ORDER BY a.name, a.id")
        .bind("item", itemId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** The newest live version of each name on the live items of a product, newest first. */
  public List<Attachment> latestInProduct(Handle h, long productId, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + FROM
                + " JOIN entity e ON e.id = a.item_id"
                + " WHERE e.product_id = :product AND e.deleted_at IS NULL"
                + " AND a.deleted_at IS NULL AND a.version ="
                + " (SELECT MAX(b.version) FROM attachment b WHERE b.item_id = a.item_id"
                + " AND b.name = a.name AND b.deleted_at IS NULL)"
                + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit")
        .bind("product", productId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Every live version on the item, by name, newest version first. */
  public List<Attachment> all(Handle h, long itemId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + FROM
                + " WHERE a.item_id = :item AND a.deleted_at IS NULL"
                + " ORDER BY a.name, a.version DESC")
        .bind("item", itemId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public Optional<Stored> content(Handle h, long id) {
    return h.createQuery(
            "SELECT name, content_type, data FROM attachment"
                + " WHERE id = :id AND deleted_at IS NULL")
        .bind("id", id)
        .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .findOne();
  }

  public boolean markDeleted(Handle h, long id, Instant at) {
    return h.createUpdate(
                "UPDATE attachment SET deleted_at = :at WHERE id = :id AND deleted_at IS NULL")
            .bind("id", id)
            .bind("at", Rows.millis(at))
            .execute()
        == 1;
  }

  private static Attachment map(ResultSet rs) throws SQLException {
    return new Attachment(
        rs.getLong("id"),
        rs.getLong("item_id"),
        rs.getString("name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        intOrNull(rs, "width"),
        intOrNull(rs, "height"),
        rs.getInt("version"),
        rs.getString("sha256"),
        rs.getLong("created_by"),
        rs.getString("created_by_name"),
        Rows.instant(rs, "created_at"));
  }

  private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
