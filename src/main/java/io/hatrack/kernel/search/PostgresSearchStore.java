package io.hatrack.kernel.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Search on PostgreSQL: the generated {@code search_vector} column of {@code search_doc} (English
 * stemming, title weighted A and body B) with its GIN index (migration V15), ranked by ts_rank and
 * highlighted by ts_headline for the hits of the page only; like SQLite, it ranks only the most
 * recent matches (see {@link SearchDocStore}). Each term of the query becomes its own {@code
 * websearch_to_tsquery} (a prefix its own {@code to_tsquery} of letters and digits), bound as a
 * parameter, so no input can make the query fail to parse.
 */
final class PostgresSearchStore extends SearchDocStore<PostgresSearchStore.Match> {
  private static final String SNIPPET_OPTIONS =
      "StartSel="
          + Highlights.OPEN
          + ", StopSel="
          + Highlights.CLOSE
          + ", MaxWords=30, MinWords=12, MaxFragments=2";
  // Fragments (MaxFragments) would override HighlightAll: the whole title, every match marked.
  private static final String TITLE_OPTIONS =
      "StartSel=" + Highlights.OPEN + ", StopSel=" + Highlights.CLOSE + ", HighlightAll=true";

  /** ts_headline drops anything that looks like an HTML tag: hide the angle brackets from it. */
  private static String headlineText(String column) {
    return "translate(" + column + ", '<>', chr(3) || chr(4))";
  }

  /** A parsed query as a tsquery expression over bound parameters, and those parameters. */
  record Match(String tsquery, Map<String, Object> terms) {}

  @Override
  Match prepare(Handle h, SearchQuery query) {
    Map<String, Object> terms = new LinkedHashMap<>();
    return new Match(tsquery(query, terms), terms);
  }

  @Override
  List<Long> newest(Handle h, Match m, SearchFilter filter, int cap) {
    Where where = where(filter);
    return h.createQuery(
            "SELECT d.id FROM search_doc d"
                + where.joins()
                + " WHERE d.search_vector @@ "
                + m.tsquery()
                + where.conditions()
                + " ORDER BY d.id DESC LIMIT :cap")
        .bindMap(m.terms())
        .bindList("products", filter.productIds())
        .bindMap(where.params())
        .bind("cap", cap)
        .mapTo(Long.class)
        .list();
  }

  @Override
  long nthNewest(Handle h, Match m, List<Long> productIds, int n) {
    return h.createQuery(
            "SELECT d.id FROM search_doc d WHERE d.search_vector @@ "
                + m.tsquery()
                + " AND d.product_id IN (<products>) ORDER BY d.id DESC LIMIT 1 OFFSET :skip")
        .bindMap(m.terms())
        .bindList("products", productIds)
        .bind("skip", n - 1)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  @Override
  Map<Long, Double> ranked(Handle h, Match m, long floor, List<Long> candidates) {
    Map<Long, Double> ranked = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      return ranked;
    }
    h.createQuery(
            "SELECT d.id, ts_rank(d.search_vector, "
                + m.tsquery()
                + ") AS score FROM search_doc d WHERE d.id IN (<ids>)"
                + " ORDER BY score DESC, d.id DESC")
        .bindMap(m.terms())
        .bindList("ids", candidates)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
        .forEach(e -> ranked.put(e.getKey(), e.getValue()));
    return ranked;
  }

  @Override
  List<SearchHit> hits(Handle h, Match m, List<Long> ids, Map<Long, Double> scores) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            "SELECT "
                + HIT_COLUMNS
                + ", ts_headline('english', "
                + headlineText("d.title")
                + ", q.query, :title_options) AS title_marked, ts_headline('english', "
                + headlineText("d.body")
                + ", q.query, :snippet_options) AS snippet_marked FROM search_doc d"
                + " CROSS JOIN (SELECT "
                + m.tsquery()
                + " AS query) q"
                + HIT_JOINS
                + " WHERE d.id IN (<ids>)")
        .bindMap(m.terms())
        .bindList("ids", ids)
        .bind("title_options", TITLE_OPTIONS)
        .bind("snippet_options", SNIPPET_OPTIONS)
        .map((rs, ctx) -> hit(rs, scores.getOrDefault(rs.getLong("id"), 0.0)))
        .list();
  }

  /**
   * The tsquery of a parsed query as SQL: groups joined by {@code &&}, alternatives by {@code ||},
   * exclusions by {@code && !!}; each term a bound parameter {@code t0}, {@code t1}, ...
   */
  static String tsquery(SearchQuery query, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder("(");
    boolean first = true;
    for (List<SearchQuery.Term> group : query.groups()) {
      sql.append(first ? "(" : " && (");
      first = false;
      for (int i = 0; i < group.size(); i++) {
        sql.append(i > 0 ? " || " : "").append(term(group.get(i), params));
      }
      sql.append(')');
    }
    for (SearchQuery.Term term : query.excluded()) {
      sql.append(" && (!! ").append(term(term, params)).append(')');
    }
    return sql.append(')').toString();
  }

  private static String term(SearchQuery.Term term, Map<String, Object> params) {
    String name = "t" + params.size();
    if (term.prefix()) {
      // Only letters and digits reach here, so the text is always valid tsquery syntax.
      params.put(name, String.join(" <-> ", term.words()) + ":*");
      return "to_tsquery('english', :" + name + ")";
    }
    params.put(name, "\"" + String.join(" ", term.words()) + "\"");
    return "websearch_to_tsquery('english', :" + name + ")";
  }
}
