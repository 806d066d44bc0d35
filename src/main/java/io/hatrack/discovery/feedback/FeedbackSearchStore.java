package io.hatrack.discovery.feedback;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.search.SearchDoc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL that reads feedback as search documents: the summary as title, the text as body, and the
 * source, customer, status, sentiment and date as facets. Read in bulk, for imports and rebuilds.
 */
final class FeedbackSearchStore {
  private static final String SELECT =
      "SELECT f.id, f.product_id, e.title, f.text, f.source, f.customer_id, f.status,"
          + " f.sentiment, f.happened_at, e.deleted_at FROM feedback f JOIN entity e ON e.id = f.id";

  /** A piece of feedback as a search document, and whether it is deleted. */
  record Doc(SearchDoc doc, boolean deleted) {}

  /** The documents of these pieces of feedback (live or deleted), in no particular order. */
  List<Doc> byIds(Handle h, List<Long> ids) {
    List<Doc> out = new ArrayList<>(ids.size());
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(SELECT + " WHERE f.id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> map(rs))
        .forEach(out::add);
    return out;
  }

  /** Up to {@code limit} documents of a product's live feedback after {@code afterId}, by id. */
  List<SearchDoc> live(Handle h, long productId, long afterId, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE f.product_id = :product AND f.id > :after AND e.deleted_at IS NULL"
                + " ORDER BY f.id LIMIT :limit")
        .bind("product", productId)
        .bind("after", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs).doc())
        .list();
  }

  private static Doc map(ResultSet rs) throws SQLException {
    double sentiment = rs.getDouble("sentiment");
    Double maybeSentiment = rs.wasNull() ? null : sentiment;
    SearchDoc doc =
        new SearchDoc(
            rs.getLong("id"),
            rs.getLong("product_id"),
            FeedbackStore.KIND,
            rs.getString("title"),
            rs.getString("text"),
            rs.getString("source"),
            Rows.longOrNull(rs, "customer_id"),
            rs.getString("status"),
            maybeSentiment,
            Rows.instant(rs, "happened_at"));
    return new Doc(doc, Rows.longOrNull(rs, "deleted_at") != null);
  }
}
