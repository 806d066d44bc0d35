package io.hatrack.kernel.search;

import io.hatrack.kernel.db.Dialect;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Full-text search over the items of every hat, on either database: SQLite's FTS5 (BM25 ranking) or
 * PostgreSQL's text search (ts_rank). Writers call {@link #put} and {@link #remove} inside their
 * own transactions, so the index changes with the item or not at all. Items deleted from the entity
 * table (soft-deleted) are never found, whatever the index holds.
 */
public interface SearchIndex {
  /**
   * Matches are counted up to this many; a search's total is at most this, and its pages reach no
   * further.
   */
  int COUNT_LIMIT = 1000;

  /** Adds the document, or replaces the one with its id. */
  void put(Handle h, SearchDoc doc);

  /**
   * Adds or replaces many documents at once (a bulk import's), in batches rather than one statement
   * after another.
   */
  void putAll(Handle h, List<SearchDoc> docs);

  /** Removes the document with this id, if there is one. */
  void remove(Handle h, long id);

  /** Removes the documents of these kinds in a product (before indexing them again). */
  void removeAll(Handle h, long productId, List<String> kinds);

  /** Every product there is, for rebuilding the whole index. */
  List<Long> products(Handle h);

  /** Whether the index holds any document of this kind in the product. */
  boolean has(Handle h, long productId, String kind);

  /** How many documents the index holds in all. */
  long size(Handle h);

  /**
   * The documents matching {@code query} and {@code filter}, best first, {@code limit} of them from
   * {@code offset}, with how many match in all (up to {@link #COUNT_LIMIT}).
   */
  Found search(Handle h, SearchQuery query, SearchFilter filter, int offset, int limit);

  /**
   * The values the documents of a product have for each facet, and the workspace's customer
   * segments and tags: the choices of the search page's filters.
   */
  Facets facets(Handle h, long workspaceId, long productId);

  /** The choices of each filter. */
  record Facets(
      List<String> kinds,
      List<String> sources,
      List<String> statuses,
      List<String> segments,
      List<String> tags) {
    public Facets {
      kinds = List.copyOf(kinds);
      sources = List.copyOf(sources);
      statuses = List.copyOf(statuses);
      segments = List.copyOf(segments);
      tags = List.copyOf(tags);
    }
  }

  /** One page of hits and the number of all matching documents. */
  record Found(List<SearchHit> hits, long total) {
    public Found {
      hits = List.copyOf(hits);
    }
  }

  /** The index for the database's dialect. */
  static SearchIndex forDialect(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL ? new PostgresSearchStore() : new SqliteSearchStore();
  }
}
