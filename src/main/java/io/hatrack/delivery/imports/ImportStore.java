package io.hatrack.delivery.imports;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of imports: which work item each record of another tool became ({@code import_key}), and
 * the files uploaded on the import page waiting for their import ({@code import_upload}).
 */
public final class ImportStore {

  /**
   * A record imported before: the item it became, whether that item is deleted, and the fingerprint
   * of the record as last imported.
   */
  public record Known(long itemId, String itemKey, boolean deleted, String fingerprint) {}

  /** Every record of {@code source} imported into the product before, by external key. */
  public Map<String, Known> known(Handle h, long productId, String source) {
    Map<String, Known> out = new HashMap<>();
    h.createQuery(
            "SELECT k.external_key, k.item_id, k.fingerprint, e.deleted_at, e.number, p.item_key"
                + " FROM import_key k JOIN entity e ON e.id = k.item_id"
                + " JOIN product p ON p.id = k.product_id"
                + " WHERE k.product_id = :product AND k.source = :source")
        .bind("product", productId)
        .bind("source", source)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString("external_key"),
                    new Known(
                        rs.getLong("item_id"),
                        rs.getString("item_key") + "-" + rs.getLong("number"),
                        rs.getObject("deleted_at") != null,
                        rs.getString("fingerprint"))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** One record's item, as saved by an import. */
  public record Saved(String externalKey, long itemId, String fingerprint) {}

  /** Remembers (or updates) which item each record became. */
  public void remember(Handle h, long productId, String source, List<Saved> saved, Instant now) {
    if (saved.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO import_key (product_id, source, external_key, item_id, fingerprint,"
                + " imported_at) VALUES (:product, :source, :key, :item, :fingerprint, :now)"
                + " ON CONFLICT (product_id, source, external_key) DO UPDATE SET"
                + " item_id = excluded.item_id, fingerprint = excluded.fingerprint,"
                + " imported_at = excluded.imported_at");
    for (Saved s : saved) {
      batch
          .bind("product", productId)
          .bind("source", source)
          .bind("key", s.externalKey())
          .bind("item", s.itemId())
          .bind("fingerprint", s.fingerprint())
          .bind("now", Rows.millis(now))
          .add();
    }
    batch.execute();
  }

  /** An uploaded file waiting for its import. */
  public record Upload(
      long id,
      long productId,
      long createdBy,
      Instant createdAt,
      String fileName,
      ImportFormat format,
      byte[] content) {}

  public long stage(
      Handle h,
      long productId,
      long userId,
      String fileName,
      ImportFormat format,
      byte[] content,
      Instant now) {
    return h.createQuery(
            "INSERT INTO import_upload (product_id, created_by, created_at, file_name, format,"
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

  public Optional<Upload> upload(Handle h, long id) {
    return h.createQuery(
            "SELECT id, product_id, created_by, created_at, file_name, format, content"
                + " FROM import_upload WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Upload(
                    rs.getLong("id"),
                    rs.getLong("product_id"),
                    rs.getLong("created_by"),
                    Rows.instant(rs, "created_at"),
                    rs.getString("file_name"),
                    ImportFormat.parse("format", rs.getString("format")),
                    rs.getBytes("content")))
        .findOne();
  }

  public void unstage(Handle h, long id) {
    h.createUpdate("DELETE FROM import_upload WHERE id = :id").bind("id", id).execute();
  }

  /** Forgets the uploads of a product made before {@code before}. */
  public int forgetUploads(Handle h, long productId, Instant before) {
    return h.createUpdate(
            "DELETE FROM import_upload WHERE product_id = :product AND created_at < :before")
        .bind("product", productId)
        .bind("before", Rows.millis(before))
        .execute();
  }

  /** A product found for the command line. */
  public record ProductRef(long productId, long workspaceId, String workspaceSlug) {}

  /** The products with this key (without case) or slug, in any workspace. */
  public List<ProductRef> productsByKeyOrSlug(Handle h, String ref) {
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

  /** The first owner of a workspace, whom the command line acts as. */
  public Optional<Long> firstOwner(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT user_id FROM membership WHERE workspace_id = :ws AND role = 'owner'"
                + " ORDER BY user_id LIMIT 1")
        .bind("ws", workspaceId)
        .mapTo(Long.class)
        .findOne();
  }
}
