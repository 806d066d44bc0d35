package io.hatrack.definition.wireframes;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for wireframes and their versions; title, key and version live in the entity row. */
public final class WireframeStore {
  /** The kind of a wireframe in the entity table. */
  public static final String KIND = "wireframe";

  /** The wireframe's own columns: the current source and its version number. */
  public record Current(String source, int sourceVersion) {}

  public void insert(Handle h, long id, long productId, String source) {
    h.createUpdate(
            "INSERT INTO wireframe (id, product_id, source, source_version)"
                + " VALUES (:id, :product, :source, 1)")
        .bind("id", id)
        .bind("product", productId)
        .bind("source", source)
        .execute();
  }

  public Optional<Current> current(Handle h, long id) {
    return h.createQuery("SELECT source, source_version FROM wireframe WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Current(rs.getString("source"), rs.getInt("source_version")))
        .findOne();
  }

  /** The current source of a live wireframe, for callers that hold only its id. */
  public Optional<String> liveSource(Handle h, long id) {
    return h.createQuery(
            "SELECT w.source FROM wireframe w JOIN entity e ON e.id = w.id"
                + " WHERE w.id = :id AND e.deleted_at IS NULL")
        .bind("id", id)
        .mapTo(String.class)
        .findOne();
  }

  public void update(Handle h, long id, String source, int sourceVersion) {
    h.createUpdate("UPDATE wireframe SET source = :source, source_version = :number WHERE id = :id")
        .bind("id", id)
        .bind("source", source)
        .bind("number", sourceVersion)
        .execute();
  }

  public void insertVersion(
      Handle h,
      long wireframeId,
      int number,
      String source,
      Integer restoredFrom,
      long createdBy,
      Instant createdAt) {
    h.createUpdate(
            "INSERT INTO wireframe_version"
                + " (wireframe_id, number, source, restored_from, created_by, created_at)"
                + " VALUES (:id, :number, :source, :restored, :by, :at)")
        .bind("id", wireframeId)
        .bind("number", number)
        .bind("source", source)
        .bind("restored", restoredFrom)
        .bind("by", createdBy)
        .bind("at", Rows.millis(createdAt))
        .execute();
  }

  /** Every saved version, newest first, without their sources. */
  public List<WireframeVersion> versions(Handle h, long wireframeId) {
    return h.createQuery(
            "SELECT v.wireframe_id, v.number, NULL AS source, v.restored_from, v.created_by,"
                + " u.name AS created_by_name, v.created_at"
                + " FROM wireframe_version v JOIN app_user u ON u.id = v.created_by"
                + " WHERE v.wireframe_id = :id ORDER BY v.number DESC")
        .bind("id", wireframeId)
        .map((rs, ctx) -> version(rs))
        .list();
  }

  public Optional<WireframeVersion> version(Handle h, long wireframeId, int number) {
    return h.createQuery(
            "SELECT v.wireframe_id, v.number, v.source, v.restored_from, v.created_by,"
                + " u.name AS created_by_name, v.created_at"
                + " FROM wireframe_version v JOIN app_user u ON u.id = v.created_by"
                + " WHERE v.wireframe_id = :id AND v.number = :number")
        .bind("id", wireframeId)
        .bind("number", number)
        .map((rs, ctx) -> version(rs))
        .findOne();
  }

  private static WireframeVersion version(ResultSet rs) throws SQLException {
    long restored = rs.getLong("restored_from");
    Integer restoredFrom = rs.wasNull() ? null : (int) restored;
    return new WireframeVersion(
        rs.getLong("wireframe_id"),
        rs.getInt("number"),
        rs.getString("source"),
        restoredFrom,
        rs.getLong("created_by"),
        rs.getString("created_by_name"),
        Rows.instant(rs, "created_at"));
  }

  /**
   * Live wireframes of a product, most recently updated first, strictly after the position ({@code
   * afterUpdated}, {@code afterId}) of the previous page's last row (null: from the top).
   */
  public List<WireframeSummary> list(
      Handle h, long productId, Instant afterUpdated, long afterId, int limit) {
    String after = afterUpdated == null ? "" : " AND (e.updated_at, e.id) < (:at, :id)";
    return h.createQuery(
            "SELECT "
                + EntityStore.ITEM_COLUMNS
                + ", w.source_version FROM "
                + EntityStore.ITEM_FROM
                + " JOIN wireframe w ON w.id = e.id"
                + " WHERE e.product_id = :product AND e.kind = :kind AND e.deleted_at IS NULL"
                + after
                + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit")
        .bind("product", productId)
        .bind("kind", KIND)
        .bind("at", afterUpdated == null ? 0L : Rows.millis(afterUpdated))
        .bind("id", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> new WireframeSummary(EntityStore.map(rs), rs.getInt("source_version")))
        .list();
  }
}
