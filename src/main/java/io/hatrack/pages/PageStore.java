package io.hatrack.pages;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for pages; the title, key and version live in the shared entity row. */
public final class PageStore {
  /** The kind of a page in the entity table. */
  public static final String KIND = "page";

  public void insert(Handle h, long id, String body) {
    h.createUpdate("INSERT INTO page (id, body) VALUES (:id, :body)")
        .bind("id", id)
        .bind("body", body)
        .execute();
  }

  public Optional<String> body(Handle h, long id) {
    return h.createQuery("SELECT body FROM page WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne();
  }

  public void updateBody(Handle h, long id, String body) {
    h.createUpdate("UPDATE page SET body = :body WHERE id = :id")
        .bind("id", id)
        .bind("body", body)
        .execute();
  }

  /**
   * Live pages of a product, most recently updated first, strictly after the position ({@code
   * afterUpdated}, {@code afterId}) of the previous page's last row (null: from the top).
   */
  public List<Item> list(Handle h, long productId, Instant afterUpdated, long afterId, int limit) {
    String after = afterUpdated == null ? "" : " AND (e.updated_at, e.id) < (:at, :id)";
    return h.createQuery(
            "SELECT "
                + EntityStore.ITEM_COLUMNS
                + " FROM "
                + EntityStore.ITEM_FROM
                + " WHERE e.product_id = :product AND e.kind = :kind AND e.deleted_at IS NULL"
                + after
                + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit")
        .bind("product", productId)
        .bind("kind", KIND)
        .bind("at", afterUpdated == null ? 0L : Rows.millis(afterUpdated))
        .bind("id", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> EntityStore.map(rs))
        .list();
  }
}
