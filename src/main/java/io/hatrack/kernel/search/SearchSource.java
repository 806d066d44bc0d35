package io.hatrack.kernel.search;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * A hat's items of one kind as search documents, for rebuilding the index ({@code hatrack reindex},
 * a restore from an older backup, a first start after the search arrived). The hat keeps the index
 * current itself as its items change; this is only the backfill.
 */
public interface SearchSource {
  /** The kind of item, {@code entity.kind}. */
  String kind();

  /** Hands every live item of this kind in the product to {@code sink}, inside {@code h}. */
  void documents(Handle h, long productId, Consumer<SearchDoc> sink);

  /** Reads up to {@code limit} documents with ids above {@code afterId}, in id order. */
  @FunctionalInterface
  interface Page {
    java.util.List<SearchDoc> after(long afterId, int limit);
  }

  /**
   * Hands every document {@code page} reads to {@code sink}, {@code chunk} at a time, so that a
   * product's million documents are never all in memory.
   */
  static void inPages(Page page, int chunk, Consumer<SearchDoc> sink) {
    long after = 0;
    while (true) {
      java.util.List<SearchDoc> docs = page.after(after, chunk);
      docs.forEach(sink);
      if (docs.size() < chunk) {
        return;
      }
      after = docs.get(docs.size() - 1).id();
    }
  }
}
