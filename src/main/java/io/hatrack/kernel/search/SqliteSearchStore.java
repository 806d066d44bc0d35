package io.hatrack.kernel.search;

import io.hatrack.kernel.Invalid;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Search on SQLite: the FTS5 table {@code search_fts} over {@code search_doc} (migration V15),
 * ranked by BM25 with the title weighing three times the body, over the most recent matches only
 * (see {@link SearchDocStore}). Every step reads the full-text index in rowid order, which FTS5
 * does without sorting, and stops early:
 *
 * <ul>
 *   <li>a prefix ({@code invoic*}) is first replaced by the indexed words it stands for, read from
 *       the vocabulary table {@code search_vocab} (migration V18), because FTS5 answers a prefix by
 *       merging the lists of all those words on every use, for every highlighted hit again;
 *   <li>the ranking weighs the query's single words, not its phrases: BM25 of a phrase first counts
 *       every document that holds the phrase in the whole index;
 *   <li>the page's highlights and snippets come from one small query per hit shown.
 * </ul>
 */
final class SqliteSearchStore extends SearchDocStore<SqliteSearchStore.Match> {
  /** BM25 with the title weighing three times the body. */
  private static final String BM25 = "bm25(search_fts, 3.0, 1.0)";

  /** A prefix with more indexed words than this stays a prefix. */
  private static final int MAX_EXPANSION = 30;

  /** A query in FTS5's syntax: what must match, and the words the ranking weighs. */
  record Match(String match, String words) {}

  @Override
  Match prepare(Handle h, SearchQuery query) {
    Map<String, List<String>> expansions = new LinkedHashMap<>();
    for (String prefix : query.prefixes()) {
      expand(h, prefix).ifPresent(words -> expansions.put(prefix, words));
    }
    return new Match(query.fts5(expansions), query.fts5Words(expansions));
  }

  /**
   * The indexed words that start with {@code prefix}, if there are a few and each comes back the
   * same from the query's stemming; otherwise the prefix stays a prefix.
   */
  private static java.util.Optional<List<String>> expand(Handle h, String prefix) {
    String folded = fold(prefix);
    if (folded.length() < 2) {
      return java.util.Optional.empty();
    }
    List<String> words =
        h.createQuery(
                "SELECT term FROM search_vocab WHERE term >= :from AND term < :to"
                    + " ORDER BY term LIMIT :cap")
            .bind("from", folded)
            .bind("to", folded + Character.MAX_VALUE)
            .bind("cap", MAX_EXPANSION + 1)
            .mapTo(String.class)
            .list();
    if (words.isEmpty() || words.size() > MAX_EXPANSION) {
      return java.util.Optional.empty();
    }
    for (String word : words) {
      if (!word.chars().allMatch(Character::isLetterOrDigit) || !PorterStems.stable(word)) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(words);
  }

  /** Lower case without accents, as the {@code unicode61 remove_diacritics 2} tokenizer stores. */
  private static String fold(String word) {
    return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
  }

  @Override
  List<Long> newest(Handle h, Match m, SearchFilter filter, int cap) {
    Where where = where(filter);
    // CROSS JOIN keeps FTS5 the outer loop, read in rowid order: otherwise a filter such as the
    // source would drive the loop and run the full-text query once per row. A customer's few
    // documents are the exception: they are read by their index, newest first, each looked up in
    // the list of matches (the unary + keeps that list from driving the loop).
    String sql =
        filter.customerId() != null
            ? "SELECT d.id FROM search_doc d"
                + where.joins()
                + " WHERE +d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)"
                + where.conditions()
                + " ORDER BY d.id DESC LIMIT :cap"
            : "SELECT d.id FROM search_fts CROSS JOIN search_doc d ON d.id = search_fts.rowid"
                + where.joins().replace(" JOIN ", " CROSS JOIN ")
                + " WHERE search_fts MATCH :match"
                + where.conditions()
                + " ORDER BY search_fts.rowid DESC LIMIT :cap";
    return readable(
        () ->
            h.createQuery(sql)
                .bind("match", m.match())
                .bindList("products", filter.productIds())
                .bindMap(where.params())
                .bind("cap", cap)
                .mapTo(Long.class)
                .list());
  }

  @Override
  long nthNewest(Handle h, Match m, List<Long> productIds, int n) {
    return readable(
        () ->
            h.createQuery(
                    "SELECT d.id FROM search_fts CROSS JOIN search_doc d ON d.id = search_fts.rowid"
                        + " WHERE search_fts MATCH :words AND d.product_id IN (<products>)"
                        + " ORDER BY search_fts.rowid DESC LIMIT 1 OFFSET :skip")
                .bind("words", m.words())
                .bindList("products", productIds)
                .bind("skip", n - 1)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  @Override
  Map<Long, Double> ranked(Handle h, Match m, long floor, List<Long> candidates) {
    Map<Long, Double> ranked = new LinkedHashMap<>();
    readable(
        () -> {
          h.createQuery(
                  "SELECT rowid, -"
                      + BM25
                      + " AS score FROM search_fts WHERE search_fts MATCH :words"
                      + " AND rowid >= :floor ORDER BY score DESC, rowid DESC")
              .bind("words", m.words())
              .bind("floor", floor)
              .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
              .forEach(e -> ranked.put(e.getKey(), e.getValue()));
          return ranked;
        });
    return ranked;
  }

  @Override
  List<SearchHit> hits(Handle h, Match m, List<Long> ids, Map<Long, Double> scores) {
    List<SearchHit> hits = new ArrayList<>();
    for (long id : ids) {
      h.createQuery(
              "SELECT "
                  + HIT_COLUMNS
                  + ", highlight(search_fts, 0, char(1), char(2)) AS title_marked,"
                  + " snippet(search_fts, 1, char(1), char(2), '\u2026', 24) AS snippet_marked"
                  + " FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid"
                  + HIT_JOINS
                  + " WHERE search_fts MATCH :match AND search_fts.rowid = :id")
          .bind("match", m.match())
          .bind("id", id)
          .map((rs, ctx) -> hit(rs, scores.getOrDefault(id, 0.0)))
          .findOne()
          .ifPresent(hits::add);
    }
    return hits;
  }

  /**
   * FTS5 refuses a query it cannot parse with an error; the query is built so that it always
   * parses, but should one not, the reader gets a 400 about the query rather than a 500.
   */
  private static <T> T readable(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).contains("fts5")) {
          throw Invalid.field("q", "cannot be searched for as typed; try plain words");
        }
      }
      throw e;
    }
  }
}
