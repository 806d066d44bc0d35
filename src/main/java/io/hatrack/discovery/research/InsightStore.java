package io.hatrack.discovery.research;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.LinkTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for insights, with the title of their study, the day of their session and the name of their
 * participant; and the live items each insight supports, read from the kernel's links.
 */
public final class InsightStore {
  /** The kind of an insight in the entity table. */
  public static final String KIND = "insight";

  private static final String COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", x.quote, x.note, x.study_id, se.title AS study_title, x.session_id,"
          + " rs.held_on, x.source, x.segment_position, x.start_offset, x.end_offset, x.start_ms,"
          + " x.participant_id, rp.name AS participant_name";
  private static final String FROM =
      EntityStore.ITEM_FROM
          + " JOIN research_insight x ON x.id = e.id"
          + " LEFT JOIN entity se ON se.id = x.study_id"
          + " LEFT JOIN research_session rs ON rs.id = x.session_id"
          + " LEFT JOIN research_participant rp ON rp.id = x.participant_id";

  /** Where an insight came from, as checked by the service. */
  record Source(
      Long studyId,
      Long sessionId,
      String source,
      Integer segment,
      Integer startOffset,
      Integer endOffset,
      Long startMs,
      Long participantId) {
    static final Source NONE = new Source(null, null, null, null, null, null, null, null);
  }

  public void insert(Handle h, long id, long productId, String quote, String note, Source s) {
    h.createUpdate(
            "INSERT INTO research_insight (id, product_id, quote, note, study_id, session_id,"
                + " source, segment_position, start_offset, end_offset, start_ms, participant_id)"
                + " VALUES (:id, :product, :quote, :note, :study, :session, :source, :segment,"
                + " :start, :end, :ms, :participant)")
        .bind("id", id)
        .bind("product", productId)
        .bind("quote", quote)
        .bind("note", note)
        .bind("study", s.studyId())
        .bind("session", s.sessionId())
        .bind("source", s.source())
        .bind("segment", s.segment())
        .bind("start", s.startOffset())
        .bind("end", s.endOffset())
        .bind("ms", s.startMs())
        .bind("participant", s.participantId())
        .execute();
  }

  public void update(Handle h, long id, String quote, String note, Source s) {
    h.createUpdate(
            "UPDATE research_insight SET quote = :quote, note = :note, study_id = :study,"
                + " session_id = :session, source = :source, segment_position = :segment,"
                + " start_offset = :start, end_offset = :end, start_ms = :ms,"
                + " participant_id = :participant WHERE id = :id")
        .bind("id", id)
        .bind("quote", quote)
        .bind("note", note)
        .bind("study", s.studyId())
        .bind("session", s.sessionId())
        .bind("source", s.source())
        .bind("segment", s.segment())
        .bind("start", s.startOffset())
        .bind("end", s.endOffset())
        .bind("ms", s.startMs())
        .bind("participant", s.participantId())
        .execute();
  }

  public Optional<Insight> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /**
   * A page of a product's live insights, newest first; only those of {@code studyId} and carrying
   * {@code tag} when given.
   */
  public List<Insight> list(
      Handle h, long productId, Long studyId, String tag, long offset, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + where(studyId, tag)
                + " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
        .bind("product", productId)
        .bindMap(filters(studyId, tag))
        .bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public long count(Handle h, long productId, Long studyId, String tag) {
    return h.createQuery("SELECT COUNT(*) FROM " + FROM + where(studyId, tag))
        .bind("product", productId)
        .bindMap(filters(studyId, tag))
        .mapTo(Long.class)
        .one();
  }

  private static String where(Long studyId, String tag) {
    return " WHERE x.product_id = :product AND e.deleted_at IS NULL"
        + (studyId == null ? "" : " AND x.study_id = :study")
        + (tag == null
            ? ""
            : " AND EXISTS (SELECT 1 FROM entity_tag et JOIN tag t ON t.id = et.tag_id"
                + " WHERE et.entity_id = e.id AND t.name = :tag)");
  }

  private static Map<String, Object> filters(Long studyId, String tag) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (studyId != null) {
      m.put("study", studyId);
    }
    if (tag != null) {
      m.put("tag", tag);
    }
    return m;
  }

  /** The live items each of these insights supports, by link, in the order they were linked. */
  public Map<Long, List<InsightView.Supported>> supports(Handle h, Collection<Long> insightIds) {
    Map<Long, List<InsightView.Supported>> out = new LinkedHashMap<>();
    if (insightIds.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT l.id AS link_id, l.source_id AS insight_id, "
                + EntityStore.ITEM_COLUMNS
                + " FROM link l JOIN entity e ON e.id = l.target_id"
                + " LEFT JOIN product p ON p.id = e.product_id"
                + " WHERE l.type = :type AND l.source_id IN (<ids>) AND e.deleted_at IS NULL"
                + " ORDER BY l.id")
        .bind("type", LinkTypes.SUPPORTS.id())
        .bindList("ids", new ArrayList<>(insightIds))
        .map(
            (rs, ctx) -> {
              out.computeIfAbsent(rs.getLong("insight_id"), k -> new ArrayList<>())
                  .add(new InsightView.Supported(rs.getLong("link_id"), EntityStore.map(rs)));
              return 0;
            })
        .list();
    return out;
  }

  /** Live insights of every product after {@code afterId}, by id: for building a search index. */
  public List<Insight> after(Handle h, long afterId, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE e.id > :after AND e.deleted_at IS NULL ORDER BY e.id LIMIT :limit")
        .bind("after", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  private static Insight map(ResultSet rs) throws SQLException {
    String held = rs.getString("held_on");
    return new Insight(
        EntityStore.map(rs),
        rs.getString("quote"),
        rs.getString("note"),
        Rows.longOrNull(rs, "study_id"),
        rs.getString("study_title"),
        Rows.longOrNull(rs, "session_id"),
        held == null ? null : LocalDate.parse(held),
        rs.getString("source"),
        intOrNull(rs, "segment_position"),
        intOrNull(rs, "start_offset"),
        intOrNull(rs, "end_offset"),
        Rows.longOrNull(rs, "start_ms"),
        Rows.longOrNull(rs, "participant_id"),
        rs.getString("participant_name"));
  }

  private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
