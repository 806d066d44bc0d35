package io.hatrack.kernel.search;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL both indexes share: writing {@code search_doc} (the databases derive their full-text
 * index from it), the filters of a search, which are plain columns and joins on either, and the
 * order of a search's hits.
 *
 * <p>A search ranks by relevance only the most recent matches (a recency-bounded ranking), so that
 * its cost does not grow with the number of documents that match: the {@link
 * SearchIndex#COUNT_LIMIT} newest matches that pass the filters are the candidates (their number is
 * the total), and of those the ones among the {@link #RANK_WINDOW} newest documents of the reader's
 * products that match the query's words are ranked, best first. Older candidates follow, newest
 * first. With 1,000 matches or fewer and no filters, every match is ranked.
 *
 * @param <M> the database's form of a query, prepared once per search
 */
abstract class SearchDocStore<M> implements SearchIndex {
  /** How many of the newest documents matching the words a search ranks at most. */
  static final int RANK_WINDOW = 2_000;

  private static final String UPSERT =
      "INSERT INTO search_doc (id, product_id, kind, title, body, source, customer_id, status,"
          + " sentiment, happened_at) VALUES (:id, :product, :kind, :title, :body, :source,"
          + " :customer, :status, :sentiment, :at) ON CONFLICT (id) DO UPDATE SET product_id ="
          + " excluded.product_id, kind = excluded.kind, title = excluded.title, body ="
          + " excluded.body, source = excluded.source, customer_id = excluded.customer_id, status"
          + " = excluded.status, sentiment = excluded.sentiment, happened_at = excluded.happened_at";

  @Override
  public void put(Handle h, SearchDoc doc) {
    bind(h.createUpdate(UPSERT), doc).execute();
  }

  @Override
  public void putAll(Handle h, List<SearchDoc> docs) {
    if (docs.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch(UPSERT);
    for (SearchDoc doc : docs) {
      bind(batch, doc).add();
    }
    batch.execute();
  }

  private static <T extends SqlStatement<T>> T bind(T statement, SearchDoc doc) {
    return statement
        .bind("id", doc.id())
        .bind("product", doc.productId())
        .bind("kind", doc.kind())
        .bind("title", doc.title())
        .bind("body", doc.body())
        .bind("source", doc.source())
        .bind("customer", doc.customerId())
        .bind("status", doc.status())
        .bind("sentiment", doc.sentiment())
        .bind("at", Rows.millis(doc.happenedAt()));
  }

  @Override
  public Found search(Handle h, SearchQuery query, SearchFilter filter, int offset, int limit) {
    if (filter.productIds().isEmpty()) {
      return new Found(List.of(), 0);
    }
    M match = prepare(h, query);
    List<Long> candidates = newest(h, match, filter, COUNT_LIMIT);
    if (candidates.isEmpty() || offset >= candidates.size()) {
      return new Found(List.of(), candidates.size());
    }
    long floor =
        Math.max(
            candidates.get(candidates.size() - 1),
            nthNewest(h, match, filter.productIds(), RANK_WINDOW));
    List<Long> inWindow = candidates.stream().filter(id -> id >= floor).toList();
    Map<Long, Double> ranked = ranked(h, match, floor, inWindow);
    Set<Long> candidateSet = new HashSet<>(candidates);
    List<Long> order = new ArrayList<>(candidates.size());
    Map<Long, Double> scores = new HashMap<>();
    ranked.forEach(
        (id, score) -> {
          if (candidateSet.contains(id)) {
            order.add(id);
            scores.put(id, score);
          }
        });
    for (long id : candidates) {
      if (!scores.containsKey(id)) {
        order.add(id);
        scores.put(id, 0.0);
      }
    }
    List<Long> page = order.subList(offset, Math.min(order.size(), offset + limit));
    Map<Long, SearchHit> hits = new HashMap<>();
    for (SearchHit hit : hits(h, match, page, scores)) {
      hits.put(hit.id(), hit);
    }
    return new Found(
        page.stream().map(hits::get).filter(Objects::nonNull).toList(), candidates.size());
  }

  /** The query in the database's form. */
  abstract M prepare(Handle h, SearchQuery query);

  /** The ids of the newest documents that match and pass the filter, newest first, at most cap. */
  abstract List<Long> newest(Handle h, M match, SearchFilter filter, int cap);

  /**
   * The id of the {@code n}-th newest document of these products that matches the query's words
   * (live or not), or 0 when fewer match.
   */
  abstract long nthNewest(Handle h, M match, List<Long> productIds, int n);

  /**
   * The relevance of the documents from id {@code floor} on that match the query's words, best
   * first (at least the {@code candidates}, which match and are at or above the floor).
   */
  abstract Map<Long, Double> ranked(Handle h, M match, long floor, List<Long> candidates);

  /** The hits of these documents, highlighted, in any order. */
  abstract List<SearchHit> hits(Handle h, M match, List<Long> ids, Map<Long, Double> scores);

  @Override
  public void remove(Handle h, long id) {
    h.createUpdate("DELETE FROM search_doc WHERE id = :id").bind("id", id).execute();
  }

  @Override
  public void removeAll(Handle h, long productId, List<String> kinds) {
    if (kinds.isEmpty()) {
      return;
    }
    h.createUpdate("DELETE FROM search_doc WHERE product_id = :product AND kind IN (<kinds>)")
        .bind("product", productId)
        .bindList("kinds", kinds)
        .execute();
  }

  @Override
  public List<Long> products(Handle h) {
    return h.createQuery("SELECT id FROM product ORDER BY id").mapTo(Long.class).list();
  }

  @Override
  public boolean has(Handle h, long productId, String kind) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM search_doc WHERE product_id = :product AND kind = :kind)")
        .bind("product", productId)
        .bind("kind", kind)
        .mapTo(Boolean.class)
        .one();
  }

  @Override
  public long size(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM search_doc").mapTo(Long.class).one();
  }

  @Override
  public Facets facets(Handle h, long workspaceId, long productId) {
    return new Facets(
        distinct(h, "kind", productId),
        distinct(h, "source", productId),
        distinct(h, "status", productId),
        h.createQuery(
                "SELECT DISTINCT c.segment FROM customer c JOIN entity e ON e.id = c.id"
                    + " WHERE c.workspace_id = :ws AND e.deleted_at IS NULL AND c.segment <> ''"
                    + " ORDER BY c.segment")
            .bind("ws", workspaceId)
            .mapTo(String.class)
            .list(),
        h.createQuery("SELECT name FROM tag WHERE workspace_id = :ws ORDER BY name")
            .bind("ws", workspaceId)
            .mapTo(String.class)
            .list());
  }

  /**
   * The distinct values of an indexed column (product_id first) in a product, found by seeking from
   * one value to the next rather than by reading every document: a product may have a million.
   */
  private static List<String> distinct(Handle h, String column, long productId) {
    return h.createQuery(
            "WITH RECURSIVE v (value) AS (SELECT MIN("
                + column
                + ") FROM search_doc WHERE product_id = :product UNION ALL SELECT (SELECT MIN("
                + column
                + ") FROM search_doc WHERE product_id = :product AND "
                + column
                + " > v.value) FROM v WHERE v.value IS NOT NULL)"
                + " SELECT value FROM v WHERE value IS NOT NULL LIMIT 100")
        .bind("product", productId)
        .mapTo(String.class)
        .list();
  }

  /** The joins and conditions of a filter over {@code search_doc d}, and their parameters. */
  record Where(String joins, String conditions, Map<String, Object> params) {}

  /**
   * The filter as SQL: the products (a list bound as {@code products}), live items only, and each
   * facet that is set. Only the parameters used are bound, as JDBI insists.
   */
  static Where where(SearchFilter f) {
    StringBuilder joins = new StringBuilder(" JOIN entity e ON e.id = d.id");
    StringBuilder where =
        new StringBuilder(" AND d.product_id IN (<products>) AND e.deleted_at IS NULL");
    Map<String, Object> params = new LinkedHashMap<>();
    if (f.kind() != null) {
      where.append(" AND d.kind = :kind");
      params.put("kind", f.kind());
    }
    if (f.source() != null) {
      where.append(" AND d.source = :source");
      params.put("source", f.source());
    }
    if (f.customerId() != null) {
      where.append(" AND d.customer_id = :customer");
      params.put("customer", f.customerId());
    }
    if (f.segment() != null) {
      joins.append(" JOIN customer c ON c.id = d.customer_id");
      where.append(" AND LOWER(c.segment) = LOWER(:segment)");
      params.put("segment", f.segment());
    }
    if (f.from() != null) {
      where.append(" AND d.happened_at >= :from");
      params.put("from", Rows.millis(f.from()));
    }
    if (f.to() != null) {
      where.append(" AND d.happened_at < :to");
      params.put("to", Rows.millis(f.to()));
    }
    if (f.status() != null) {
      where.append(" AND LOWER(d.status) = LOWER(:status)");
      params.put("status", f.status());
    }
    if (f.tag() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM entity_tag et JOIN tag t ON t.id = et.tag_id"
              + " WHERE et.entity_id = d.id AND t.name = :tag)");
      params.put("tag", f.tag().toLowerCase(Locale.ROOT));
    }
    if (f.sentiment() != null) {
      where.append(
          switch (f.sentiment()) {
            case POSITIVE -> " AND d.sentiment >= " + Sentiment.THRESHOLD;
            case NEGATIVE -> " AND d.sentiment <= -" + Sentiment.THRESHOLD;
            case NEUTRAL ->
                " AND d.sentiment > -"
                    + Sentiment.THRESHOLD
                    + " AND d.sentiment < "
                    + Sentiment.THRESHOLD;
          });
    }
    return new Where(joins.toString(), where.toString(), params);
  }

  /** The key of a hit: the product's key and the item's number, when it has one. */
  static String key(ResultSet rs) throws SQLException {
    Long number = Rows.longOrNull(rs, "number");
    return number == null ? null : rs.getString("item_key") + "-" + number;
  }

  /** A hit from a row with the columns both indexes select. */
  static SearchHit hit(ResultSet rs, double score) throws SQLException {
    double sentiment = rs.getDouble("sentiment");
    Double maybeSentiment = rs.wasNull() ? null : sentiment;
    return new SearchHit(
        rs.getLong("id"),
        rs.getString("kind"),
        key(rs),
        rs.getString("title"),
        Highlights.toHtml(rs.getString("title_marked")),
        Highlights.toHtml(rs.getString("snippet_marked")),
        score,
        rs.getString("workspace_slug"),
        rs.getString("product_slug"),
        rs.getString("source"),
        rs.getString("status"),
        maybeSentiment,
        Rows.instant(rs, "happened_at"));
  }

  /** The columns of a hit besides the highlighted ones, over d, e, p and w. */
  static final String HIT_COLUMNS =
      "d.id, d.kind, d.title, d.source, d.status, d.sentiment, d.happened_at, e.number,"
          + " p.item_key, p.slug AS product_slug, w.slug AS workspace_slug";

  /** The joins that go with {@link #HIT_COLUMNS}. */
  static final String HIT_JOINS =
      " JOIN entity e ON e.id = d.id JOIN product p ON p.id = d.product_id"
          + " JOIN workspace w ON w.id = p.workspace_id";
}
