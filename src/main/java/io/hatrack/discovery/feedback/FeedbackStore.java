package io.hatrack.discovery.feedback;

import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for feedback and its themes. The summary, key and version live in the feedback's entity row;
 * the customer's name is its entity's title.
 */
public final class FeedbackStore {
  /** The kind of a piece of feedback in the entity table. */
  public static final String KIND = "feedback";

  /** The columns of a feedback's own row, checked. */
  public record Row(
      String text,
      FeedbackSource source,
      Long customerId,
      Long contactId,
      Instant happenedAt,
      FeedbackStatus status,
      Integer importance,
      String externalId) {}

  /** What demand needs of one piece of feedback. */
  public record DemandRow(long id, Long customerId, Instant happenedAt, Integer importance) {}

  private static final String COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", f.product_id AS f_product, f.text, f.source, f.customer_id, ce.title AS"
          + " customer_name, f.contact_id, cc.name AS contact_name, f.happened_at, f.status AS"
          + " f_status, f.importance, f.external_id, f.sentiment, f.theme_id, COALESCE(t.name,"
          + " t.label) AS theme_name, f.duplicate_of, f.created_at AS f_created";

  private static final String FROM =
      EntityStore.ITEM_FROM
          + " JOIN feedback f ON f.id = e.id"
          + " LEFT JOIN entity ce ON ce.id = f.customer_id"
          + " LEFT JOIN customer_contact cc ON cc.id = f.contact_id"
          + " LEFT JOIN feedback_theme t ON t.id = f.theme_id";

  // ---- Writing ----------------------------------------------------------------------------------

  public void insert(Handle h, long id, long productId, Row row, Instant now) {
    h.createUpdate(
            "INSERT INTO feedback (id, product_id, text, source, customer_id, contact_id,"
                + " happened_at, status, importance, external_id, created_at) VALUES (:id,"
                + " :product, :text, :source, :customer, :contact, :happened, :status,"
                + " :importance, :external, :now)")
        .bind("id", id)
        .bind("product", productId)
        .bind("text", row.text())
        .bind("source", row.source().id())
        .bind("customer", row.customerId())
        .bind("contact", row.contactId())
        .bind("happened", Rows.millis(row.happenedAt()))
        .bind("status", row.status().id())
        .bind("importance", row.importance())
        .bind("external", row.externalId())
        .bind("now", Rows.millis(now))
        .execute();
    adjustCount(h, productId, row.status(), 1);
  }

  /** Inserts the rows of many new pieces of feedback (an import's) in one batch. */
  public void insertAll(Handle h, List<Long> ids, long productId, List<Row> rows, Instant now) {
    if (rows.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO feedback (id, product_id, text, source, customer_id, contact_id,"
                + " happened_at, status, importance, external_id, sentiment, created_at) VALUES"
                + " (:id, :product, :text, :source, :customer, :contact, :happened, :status,"
                + " :importance, :external, :sentiment, :now)");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      batch
          .bind("id", ids.get(i))
          .bind("product", productId)
          .bind("text", row.text())
          .bind("source", row.source().id())
          .bind("customer", row.customerId())
          .bind("contact", row.contactId())
          .bind("happened", Rows.millis(row.happenedAt()))
          .bind("status", row.status().id())
          .bind("importance", row.importance())
          .bind("external", row.externalId())
          .bind("sentiment", FeedbackService.sentimentOf(row.text()))
          .bind("now", Rows.millis(now))
          .add();
    }
    batch.execute();
    Map<FeedbackStatus, Long> added = new java.util.EnumMap<>(FeedbackStatus.class);
    rows.forEach(r -> added.merge(r.status(), 1L, Long::sum));
    added.forEach((status, n) -> adjustCount(h, productId, status, n));
  }

  public void update(Handle h, long id, Row row) {
    Counted before = counted(h, id);
    h.createUpdate(
            "UPDATE feedback SET text = :text, source = :source, customer_id = :customer,"
                + " contact_id = :contact, happened_at = :happened, status = :status,"
                + " importance = :importance, external_id = :external WHERE id = :id")
        .bind("id", id)
        .bind("text", row.text())
        .bind("source", row.source().id())
        .bind("customer", row.customerId())
        .bind("contact", row.contactId())
        .bind("happened", Rows.millis(row.happenedAt()))
        .bind("status", row.status().id())
        .bind("importance", row.importance())
        .bind("external", row.externalId())
        .execute();
    recount(h, before, row.status());
  }

  public void setStatus(Handle h, long id, FeedbackStatus status) {
    Counted before = counted(h, id);
    h.createUpdate("UPDATE feedback SET status = :status WHERE id = :id")
        .bind("id", id)
        .bind("status", status.id())
        .execute();
    recount(h, before, status);
  }

  /** Marks {@code id} as merged into {@code target}, and archives it. */
  public void markDuplicate(Handle h, long id, long target) {
    Counted before = counted(h, id);
    h.createUpdate("UPDATE feedback SET duplicate_of = :target, status = 'archived' WHERE id = :id")
        .bind("id", id)
        .bind("target", target)
        .execute();
    recount(h, before, FeedbackStatus.ARCHIVED);
  }

  // ---- The live count per status ----------------------------------------------------------------

  /** A piece of feedback's product and status before a change, and whether it is live. */
  private record Counted(long productId, String status, boolean live) {}

  private static Counted counted(Handle h, long id) {
    return h.createQuery(
            "SELECT f.product_id, f.status, e.deleted_at FROM feedback f JOIN entity e"
                + " ON e.id = f.id WHERE f.id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              long product = rs.getLong("product_id");
              String status = rs.getString("status");
              rs.getLong("deleted_at");
              return new Counted(product, status, rs.wasNull());
            })
        .one();
  }

  /** Moves one live piece of feedback from the count of its old status to that of the new. */
  private static void recount(Handle h, Counted before, FeedbackStatus now) {
    if (before.live() && !before.status().equals(now.id())) {
      FeedbackStatus.find(before.status())
          .ifPresent(old -> adjustCount(h, before.productId(), old, -1));
      adjustCount(h, before.productId(), now, 1);
    }
  }

  /**
   * Counts a piece of feedback in or out of its product's live feedback, when it is deleted ({@code
   * -1}) or restored ({@code 1}).
   */
  public void countLive(Handle h, long id, int delta) {
    Counted c = counted(h, id);
    FeedbackStatus.find(c.status()).ifPresent(s -> adjustCount(h, c.productId(), s, delta));
  }

  private static void adjustCount(Handle h, long productId, FeedbackStatus status, long delta) {
    h.createUpdate(
            "INSERT INTO feedback_count (product_id, status, live) VALUES (:product, :status,"
                + " :delta) ON CONFLICT (product_id, status) DO UPDATE SET live ="
                + " feedback_count.live + :delta")
        .bind("product", productId)
        .bind("status", status.id())
        .bind("delta", delta)
        .execute();
  }

  /** Moves the duplicates of {@code from} to {@code to}, so merges stay one level deep. */
  public void moveDuplicates(Handle h, long from, long to) {
    h.createUpdate("UPDATE feedback SET duplicate_of = :to WHERE duplicate_of = :from")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  /** Sets the sentiment score (-1..1, or null), for the text analysis. */
  public void setSentiment(Handle h, long id, Double sentiment) {
    h.createUpdate("UPDATE feedback SET sentiment = :sentiment WHERE id = :id")
        .bind("id", id)
        .bind("sentiment", sentiment)
        .execute();
  }

  /** Puts the feedback into a theme (or none), for the text analysis. */
  public void setTheme(Handle h, long id, Long themeId) {
    h.createUpdate("UPDATE feedback SET theme_id = :theme WHERE id = :id")
        .bind("id", id)
        .bind("theme", themeId)
        .execute();
  }

  public long insertTheme(
      Handle h, long productId, String label, String name, String terms, Instant now) {
    return h.createQuery(
            "INSERT INTO feedback_theme (product_id, label, name, terms, created_at)"
                + " VALUES (:product, :label, :name, :terms, :now) RETURNING id")
        .bind("product", productId)
        .bind("label", label)
        .bind("name", name)
        .bind("terms", terms)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** The product a theme belongs to, if the theme exists. */
  public Optional<Long> themeProduct(Handle h, long themeId) {
    return h.createQuery("SELECT product_id FROM feedback_theme WHERE id = :id")
        .bind("id", themeId)
        .mapTo(Long.class)
        .findOne();
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public Optional<Feedback> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The feedback of a product with this external id, live or deleted. */
  public Optional<Feedback> byExternalId(Handle h, long productId, String externalId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE f.product_id = :product AND f.external_id = :external")
        .bind("product", productId)
        .bind("external", externalId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The feedback of a product with any of these external ids, live or deleted, by external id. */
  public Map<String, Feedback> byExternalIds(
      Handle h, long productId, java.util.Collection<String> externalIds) {
    Map<String, Feedback> found = new LinkedHashMap<>();
    if (externalIds.isEmpty()) {
      return found;
    }
    h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE f.product_id = :product AND f.external_id IN (<externals>)")
        .bind("product", productId)
        .bindList("externals", List.copyOf(externalIds))
        .map((rs, ctx) -> map(rs))
        .forEach(f -> found.put(f.externalId(), f));
    return found;
  }

  /** The live feedback merged into {@code id}, oldest first. */
  public List<Feedback> duplicates(Handle h, long id) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE f.duplicate_of = :id AND e.deleted_at IS NULL"
                + " ORDER BY f.happened_at, f.id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /**
   * A page of a product's live feedback that matches, newest first (by when it was given), after
   * the position {@code after} ({@code [happened_at, id]} of the last one shown, or null).
   */
  public List<Feedback> list(
      Handle h, long productId, FeedbackFilter filter, long[] after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + FROM);
    sql.append(where(filter));
    if (after != null) {
      sql.append(
          " AND (f.happened_at < :afterAt OR (f.happened_at = :afterAt AND f.id < :afterId))");
    }
    sql.append(" ORDER BY f.happened_at DESC, f.id DESC LIMIT :limit");
    Query q = bind(h.createQuery(sql.toString()), productId, filter).bind("limit", limit);
    if (after != null) {
      q.bind("afterAt", after[0]).bind("afterId", after[1]);
    }
    return q.map((rs, ctx) -> map(rs)).list();
  }

  /**
   * How many of a product's live feedback match, counted up to {@code cap}; exactly, from the kept
   * counts, when only the status narrows it.
   */
  public long count(Handle h, long productId, FeedbackFilter filter, int cap) {
    if (filter.status() != null && filter.equals(FeedbackFilter.ALL.withStatus(filter.status()))) {
      return countByStatus(h, productId).get(filter.status());
    }
    String sql;
    if (filter.tag() != null) {
      // From the tag's items (few) rather than through the product's feedback in date order,
      // testing each for the tag: SQLite keeps the written join order of CROSS JOIN.
      sql =
          "SELECT COUNT(*) FROM (SELECT 1 FROM tag tg CROSS JOIN entity_tag et CROSS JOIN"
              + " feedback f CROSS JOIN entity e"
              + where(
                  new FeedbackFilter(
                      filter.status(),
                      filter.source(),
                      filter.customerId(),
                      null,
                      filter.themeId(),
                      filter.from(),
                      filter.to(),
                      filter.sentiment(),
                      filter.q()))
              + " AND tg.workspace_id = e.workspace_id AND tg.name = :tag AND et.tag_id = tg.id"
              + " AND f.id = et.entity_id AND e.id = f.id LIMIT :cap) matching";
    } else {
      sql =
          "SELECT COUNT(*) FROM (SELECT 1 FROM entity e JOIN feedback f ON f.id = e.id"
              + where(filter)
              + " LIMIT :cap) matching";
    }
    return bind(h.createQuery(sql), productId, filter).bind("cap", cap).mapTo(Long.class).one();
  }

  /** How many of a product's live feedback have each status (kept in {@code feedback_count}). */
  public Map<FeedbackStatus, Long> countByStatus(Handle h, long productId) {
    Map<FeedbackStatus, Long> out = new LinkedHashMap<>();
    for (FeedbackStatus s : FeedbackStatus.values()) {
      out.put(s, 0L);
    }
    h.createQuery("SELECT status, live FROM feedback_count WHERE product_id = :product")
        .bind("product", productId)
        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("live")))
        .forEach(en -> FeedbackStatus.find(en.getKey()).ifPresent(s -> out.put(s, en.getValue())));
    return out;
  }

  /**
   * How many of a product's live feedback have each status, counted over the rows: what {@link
   * #countByStatus} must always equal (for tests and checks).
   */
  public Map<FeedbackStatus, Long> countByStatusOverRows(Handle h, long productId) {
    Map<FeedbackStatus, Long> out = new LinkedHashMap<>();
    for (FeedbackStatus s : FeedbackStatus.values()) {
      out.put(s, 0L);
    }
    h.createQuery(
            "SELECT f.status, COUNT(*) AS n FROM feedback f JOIN entity e ON e.id = f.id"
                + " WHERE f.product_id = :product AND e.deleted_at IS NULL GROUP BY f.status")
        .bind("product", productId)
        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
        .forEach(en -> FeedbackStatus.find(en.getKey()).ifPresent(s -> out.put(s, en.getValue())));
    return out;
  }

  /** The cursor after {@code last} in the inbox's order. */
  public static String cursorAfter(Feedback last) {
    return Cursor.encode(last.happenedAt().toEpochMilli(), last.id());
  }

  private static String where(FeedbackFilter f) {
    StringBuilder w = new StringBuilder(" WHERE f.product_id = :product AND e.deleted_at IS NULL");
    if (f.status() != null) {
      w.append(" AND f.status = :status");
    }
    if (f.source() != null) {
      w.append(" AND f.source = :source");
    }
    if (f.customerId() != null) {
      w.append(" AND f.customer_id = :customer");
    }
    if (f.themeId() != null) {
      w.append(" AND f.theme_id = :theme");
    }
    if (f.tag() != null) {
      w.append(
          " AND EXISTS (SELECT 1 FROM entity_tag et JOIN tag tg ON tg.id = et.tag_id"
              + " WHERE et.entity_id = f.id AND tg.name = :tag)");
    }
    if (f.from() != null) {
      w.append(" AND f.happened_at >= :from");
    }
    if (f.to() != null) {
      w.append(" AND f.happened_at < :to");
    }
    if (f.sentiment() != null) {
      w.append(
          switch (f.sentiment()) {
            case POSITIVE -> " AND f.sentiment >= :band";
            case NEGATIVE -> " AND f.sentiment <= -:band";
            case NEUTRAL -> " AND f.sentiment > -:band AND f.sentiment < :band";
          });
    }
    if (!f.q().isEmpty()) {
      w.append(" AND (LOWER(f.text) LIKE :pattern ESCAPE '!' OR e.search_title LIKE :pattern");
      w.append(" ESCAPE '!')");
    }
    return w.toString();
  }

  private static Query bind(Query q, long productId, FeedbackFilter f) {
    q.bind("product", productId);
    if (f.status() != null) {
      q.bind("status", f.status().id());
    }
    if (f.source() != null) {
      q.bind("source", f.source().id());
    }
    if (f.customerId() != null) {
      q.bind("customer", f.customerId());
    }
    if (f.themeId() != null) {
      q.bind("theme", f.themeId());
    }
    if (f.tag() != null) {
      q.bind("tag", f.tag());
    }
    if (f.from() != null) {
      q.bind("from", Rows.millis(f.from()));
    }
    if (f.to() != null) {
      q.bind("to", Rows.millis(f.to()));
    }
    if (f.sentiment() != null) {
      q.bind("band", FeedbackFilter.Sentiment.THRESHOLD);
    }
    if (!f.q().isEmpty()) {
      q.bind("pattern", "%" + likeEscape(EntityStore.searchable(f.q())) + "%");
    }
    return q;
  }

  /** Escapes LIKE's wildcards with {@code !} (the escape character the queries declare). */
  static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Feedback map(ResultSet rs) throws SQLException {
    Long importance = Rows.longOrNull(rs, "importance");
    double sentiment = rs.getDouble("sentiment");
    boolean noSentiment = rs.wasNull();
    return new Feedback(
        EntityStore.map(rs),
        rs.getLong("f_product"),
        rs.getString("text"),
        FeedbackSource.find(rs.getString("source")).orElse(FeedbackSource.OTHER),
        Rows.longOrNull(rs, "customer_id"),
        rs.getString("customer_name"),
        Rows.longOrNull(rs, "contact_id"),
        rs.getString("contact_name"),
        Rows.instant(rs, "happened_at"),
        FeedbackStatus.find(rs.getString("f_status")).orElse(FeedbackStatus.NEW),
        importance == null ? null : importance.intValue(),
        rs.getString("external_id"),
        noSentiment ? null : sentiment,
        Rows.longOrNull(rs, "theme_id"),
        rs.getString("theme_name"),
        Rows.longOrNull(rs, "duplicate_of"),
        Rows.instant(rs, "f_created"));
  }

  // ---- Demand -----------------------------------------------------------------------------------

  /**
   * The live feedback that supports an item: linked to it with "supports", and the live feedback
   * merged into those (which counts through the one it was merged into). Each piece once.
   */
  public List<DemandRow> supporting(Handle h, long itemId) {
    List<DemandRow> rows = new ArrayList<>();
    h.createQuery(
            "WITH linked AS (SELECT l.source_id AS id FROM link l JOIN entity le ON le.id ="
                + " l.source_id WHERE l.target_id = :item AND l.type = 'supports' AND le.kind ="
                + " 'feedback' AND le.deleted_at IS NULL),"
                + " supporting AS (SELECT id FROM linked UNION SELECT d.id FROM feedback d JOIN"
                + " entity de ON de.id = d.id WHERE de.deleted_at IS NULL AND d.duplicate_of IN"
                + " (SELECT id FROM linked))"
                + " SELECT f.id, f.customer_id, f.happened_at, f.importance FROM feedback f"
                + " WHERE f.id IN (SELECT id FROM supporting) ORDER BY f.happened_at, f.id")
        .bind("item", itemId)
        .map(
            (rs, ctx) -> {
              Long importance = Rows.longOrNull(rs, "importance");
              return new DemandRow(
                  rs.getLong("id"),
                  Rows.longOrNull(rs, "customer_id"),
                  Rows.instant(rs, "happened_at"),
                  importance == null ? null : importance.intValue());
            })
        .forEach(rows::add);
    return rows;
  }
}
