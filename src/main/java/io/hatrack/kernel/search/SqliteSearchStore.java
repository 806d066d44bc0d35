package io.hatrack.kernel.search;

import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Search on SQLite: the FTS5 table {@code search_fts} over {@code search_doc} (migration V15),
 * ranked by BM25 with the title weighing three times the body. The ranking query reads only ids and
 * scores; the page's highlights and snippets come from one small query per hit, so they are made
 * for the hits shown, not for every match.
 */
final class SqliteSearchStore extends SearchDocStore {
  /** BM25 with the title weighing three times the body. */
  private static final String RANK = "bm25(3.0, 1.0)";

  @Override
  public Found search(Handle h, SearchQuery query, SearchFilter filter, int offset, int limit) {
    if (filter.productIds().isEmpty()) {
      return new Found(List.of(), 0);
    }
    String match = query.fts5();
    Where where = where(filter);
    record Ranked(long id, double score) {}
    List<Ranked> ranked;
    long total;
    try {
      // FTS5 ranks every match inside its own index (ORDER BY rank, with the weights set by
      // "rank MATCH"), without reading a table row; the documents are then read in that order,
      // filtered, and reading stops once the page is full. The subquery's LIMIT keeps SQLite
      // from flattening it into the join, and CROSS JOIN keeps it the outer loop: otherwise a
      // filter such as the source would drive the loop and run the full-text query per row.
      ranked =
          h.createQuery(
                  "SELECT d.id, -f.rank AS score FROM (SELECT rowid, rank FROM search_fts"
                      + " WHERE search_fts MATCH :match AND rank MATCH :rank ORDER BY rank"
                      + " LIMIT 1000000000) f CROSS JOIN search_doc d ON d.id = f.rowid"
                      + where.joins().replace(" JOIN ", " CROSS JOIN ")
                      + " WHERE 1"
                      + where.conditions()
                      + " LIMIT :limit OFFSET :offset")
              .bind("match", match)
              .bind("rank", RANK)
              .bindList("products", filter.productIds())
              .bindMap(where.params())
              .bind("limit", limit)
              .bind("offset", offset)
              .map((rs, ctx) -> new Ranked(rs.getLong("id"), rs.getDouble("score")))
              .list();
      // Counted in index order up to COUNT_LIMIT: beyond that a number adds nothing for the
      // reader, and counting a million matches costs what ranking them costs.
      total =
          h.createQuery(
                  "SELECT COUNT(*) FROM (SELECT 1 FROM search_fts CROSS JOIN search_doc d"
                      + " ON d.id = search_fts.rowid"
                      + where.joins().replace(" JOIN ", " CROSS JOIN ")
                      + " WHERE search_fts MATCH :match"
                      + where.conditions()
                      + " LIMIT :cap)")
              .bind("match", match)
              .bindList("products", filter.productIds())
              .bindMap(where.params())
              .bind("cap", COUNT_LIMIT)
              .mapTo(Long.class)
              .one();
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
    return new Found(hits, Math.max(total, offset + hits.size()));
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
