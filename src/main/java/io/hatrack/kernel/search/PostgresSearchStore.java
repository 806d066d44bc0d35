package io.hatrack.kernel.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Search on PostgreSQL: the generated {@code search_vector} column of {@code search_doc} (English
 * stemming, title weighted A and body B) with its GIN index (migration V15), ranked by ts_rank and
 * highlighted by ts_headline for the hits of the page only. Each term of the query becomes its own
 * {@code websearch_to_tsquery} (a prefix its own {@code to_tsquery} of letters and digits), bound
 * as a parameter, so no input can make the query fail to parse.
 */
final class PostgresSearchStore extends SearchDocStore {
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

  @Override
  public Found search(Handle h, SearchQuery query, SearchFilter filter, int offset, int limit) {
    if (filter.productIds().isEmpty()) {
      return new Found(List.of(), 0);
    }
    Map<String, Object> terms = new LinkedHashMap<>();
    String tsquery = tsquery(query, terms);
    Where where = where(filter);
    record Row(SearchHit hit, long total) {}
    List<Row> rows =
        h.createQuery(
                "SELECT "
                    + HIT_COLUMNS
                    + ", r.score, r.total, ts_headline('english', "
                    + headlineText("d.title")
                    + ", r.query, :title_options) AS title_marked, ts_headline('english', "
                    + headlineText("d.body")
                    + ", r.query, :snippet_options) AS snippet_marked FROM (SELECT d.id, q.query,"
                    + " ts_rank(d.search_vector, q.query) AS score, LEAST(COUNT(*) OVER (), "
                    + COUNT_LIMIT
                    + ") AS total"
                    + " FROM search_doc d JOIN (SELECT "
                    + tsquery
                    + " AS query) q ON d.search_vector @@ q.query"
                    + where.joins()
                    + " WHERE TRUE"
                    + where.conditions()
                    + " ORDER BY score DESC, d.id LIMIT :limit OFFSET :offset) r"
                    + " JOIN search_doc d ON d.id = r.id"
                    + HIT_JOINS
                    + " ORDER BY r.score DESC, r.id")
            .bindMap(terms)
            .bindList("products", filter.productIds())
            .bindMap(where.params())
            .bind("title_options", TITLE_OPTIONS)
            .bind("snippet_options", SNIPPET_OPTIONS)
            .bind("limit", limit)
            .bind("offset", offset)
            .map((rs, ctx) -> new Row(hit(rs, rs.getDouble("score")), rs.getLong("total")))
            .list();
    return new Found(
        rows.stream().map(Row::hit).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
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
