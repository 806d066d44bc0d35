package io.hatrack.kernel.search;

import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Search on SQLite: the FTS5 table {@code search_fts} over {@code search_doc} (migration V15),
 * ranked by BM25 with the title weighing three times the body. The ranking query reads only ids and
 * scores; the page's highlights and snippets come from one small query per hit, so they are made
 * for the hits shown, not for every match.
 */
final class SqliteSearchStore extends SearchDocStore {
  private static final String SCORE = "bm25(search_fts, 3.0, 1.0)";

  @Override
  public Found search(Handle h, SearchQuery query, SearchFilter filter, int offset, int limit) {
    if (filter.productIds().isEmpty()) {
      return new Found(List.of(), 0);
    }
    String match = query.fts5();
    Where where = where(filter);
    record Ranked(long id, double score, long total) {}
    List<Ranked> ranked;
    try {
      // bm25() only works where FTS5 runs the MATCH, so the window counting all matches runs
      // over a materialized result rather than next to it. CROSS JOIN keeps the full-text index
      // the outer loop: with a filter such as the source, SQLite would otherwise walk that
      // filter's index and run the full-text query once for every row it finds.
      Query q =
          h.createQuery(
                  "WITH matched AS MATERIALIZED (SELECT d.id, -"
                      + SCORE
                      + " AS score FROM search_fts"
                      + " CROSS JOIN search_doc d ON d.id = search_fts.rowid"
                      + where.joins().replace(" JOIN ", " CROSS JOIN ")
                      + " WHERE search_fts MATCH :match"
                      + where.conditions()
                      + ") SELECT id, score, COUNT(*) OVER () AS total FROM matched"
                      + " ORDER BY score DESC, id LIMIT :limit OFFSET :offset")
              .bind("match", match)
              .bindList("products", filter.productIds())
              .bindMap(where.params())
              .bind("limit", limit)
              .bind("offset", offset);
      ranked =
          q.map(
                  (rs, ctx) ->
                      new Ranked(rs.getLong("id"), rs.getDouble("score"), rs.getLong("total")))
              .list();
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Ranked r : ranked) {
      hits.add(
          h.createQuery(
                  "SELECT "
                      + HIT_COLUMNS
                      + ", highlight(search_fts, 0, char(1), char(2)) AS title_marked,"
                      + " snippet(search_fts, 1, char(1), char(2), '\u2026', 24) AS snippet_marked"
                      + " FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid"
                      + HIT_JOINS
                      + " WHERE search_fts MATCH :match AND search_fts.rowid = :id")
              .bind("match", match)
              .bind("id", r.id())
              .map((rs, ctx) -> hit(rs, r.score()))
              .one());
    }
    return new Found(hits, ranked.isEmpty() ? 0 : ranked.get(0).total());
  }

  /**
   * FTS5 refuses a query it cannot parse with an error; the query is built so that it always
   * parses, but should one not, the reader gets a 400 about the query rather than a 500.
   */
  private static RuntimeException unreadable(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("fts5")) {
        return Invalid.field("q", "cannot be searched for as typed; try plain words");
      }
    }
    return e;
  }
}
