package io.hatrack.discovery.research;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.search.SearchDoc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL that reads insights as search documents: the shortened quote as title, the quote and the note
 * as body, the customer of the participant who said it, and as its date the day of the session (or
 * when the insight was made, for one without a session).
 */
final class InsightSearchStore {
  private static final String SELECT =
      "SELECT e.id, e.product_id, e.title, e.created_at, e.deleted_at, x.quote, x.note,"
          + " rs.held_on, rp.customer_id FROM entity e JOIN research_insight x ON x.id = e.id"
          + " LEFT JOIN research_session rs ON rs.id = x.session_id"
          + " LEFT JOIN research_participant rp ON rp.id = x.participant_id";

  /** The insight's document, empty when it is gone or deleted. */
  Optional<SearchDoc> live(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE e.id = :id AND e.deleted_at IS NULL")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Up to {@code limit} documents of a product's live insights after {@code afterId}, by id. */
  List<SearchDoc> live(Handle h, long productId, long afterId, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE e.product_id = :product AND e.kind = :kind AND e.id > :after"
                + " AND e.deleted_at IS NULL ORDER BY e.id LIMIT :limit")
        .bind("product", productId)
        .bind("kind", InsightStore.KIND)
        .bind("after", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  private static SearchDoc map(ResultSet rs) throws SQLException {
    String note = rs.getString("note");
    String quote = rs.getString("quote");
    String held = rs.getString("held_on");
    Instant at =
        held == null
            ? Rows.instant(rs, "created_at")
            : LocalDate.parse(held).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new SearchDoc(
        rs.getLong("id"),
        rs.getLong("product_id"),
        InsightStore.KIND,
        rs.getString("title"),
        note == null || note.isBlank() ? quote : quote + "\n\n" + note,
        null,
        Rows.longOrNull(rs, "customer_id"),
        null,
        null,
        at);
  }
}
