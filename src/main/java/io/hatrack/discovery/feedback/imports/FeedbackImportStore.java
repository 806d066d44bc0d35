package io.hatrack.discovery.feedback.imports;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of uploaded feedback files waiting for their import ({@code feedback_import}). */
public final class FeedbackImportStore {

  /** An uploaded file waiting for its import. */
  public record Staged(
      long id,
      long productId,
      long createdBy,
      Instant createdAt,
      String fileName,
      FileFormat format,
      String content) {}

  public long stage(
      Handle h,
      long productId,
      long userId,
      String fileName,
      FileFormat format,
      String content,
      Instant now) {
    return h.createQuery(
            "INSERT INTO feedback_import (product_id, created_by, created_at, file_name, format,"
                + " content) VALUES (:product, :user, :now, :name, :format, :content) RETURNING id")
        .bind("product", productId)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .bind("name", fileName)
        .bind("format", format.id())
        .bind("content", content)
        .mapTo(Long.class)
        .one();
  }

  public Optional<Staged> staged(Handle h, long id) {
    return h.createQuery(
            "SELECT id, product_id, created_by, created_at, file_name, format, content"
                + " FROM feedback_import WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Staged(
                    rs.getLong("id"),
                    rs.getLong("product_id"),
                    rs.getLong("created_by"),
                    Rows.instant(rs, "created_at"),
                    rs.getString("file_name"),
                    FileFormat.byId(rs.getString("format")).orElseThrow(),
                    rs.getString("content")))
        .findOne();
  }

  public void unstage(Handle h, long id) {
    h.createUpdate("DELETE FROM feedback_import WHERE id = :id").bind("id", id).execute();
  }

  /** Forgets the files of a product uploaded before {@code before}. */
  public int forgetStaged(Handle h, long productId, Instant before) {
    return h.createUpdate(
            "DELETE FROM feedback_import WHERE product_id = :product AND created_at < :before")
        .bind("product", productId)
        .bind("before", Rows.millis(before))
        .execute();
  }

  /** A product found for the command line. */
  public record ProductRef(long productId, long workspaceId, String workspaceSlug) {}

  /** The products with this key (without case) or slug, in any workspace. */
  public java.util.List<ProductRef> productsByKeyOrSlug(Handle h, String ref) {
    return h.createQuery(
            "SELECT p.id, p.workspace_id, w.slug FROM product p"
                + " JOIN workspace w ON w.id = p.workspace_id"
                + " WHERE UPPER(p.item_key) = UPPER(:ref) OR p.slug = LOWER(:ref) ORDER BY p.id")
        .bind("ref", ref)
        .map(
            (rs, ctx) ->
                new ProductRef(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("slug")))
        .list();
  }
}
