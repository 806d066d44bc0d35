package io.hatrack.discovery.research;

import io.hatrack.kernel.search.SearchDoc;
import io.hatrack.kernel.search.SearchIndex;
import io.hatrack.kernel.search.SearchSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Insights in the full-text index: the quote (shortened) as title, quote and note as body, the
 * participant's customer (so the customer and segment filters find what a customer said in an
 * interview), and the day of the session. {@link InsightService} calls {@link #refresh} in the
 * transaction of every change; deleted insights leave the index and come back when restored.
 */
public final class InsightSearch implements SearchSource {
  private static final int CHUNK = 1_000;

  private final SearchIndex index;
  private final InsightSearchStore store = new InsightSearchStore();

  public InsightSearch(SearchIndex index) {
    this.index = index;
  }

  /** Writes the insight's document as the insight now is, or removes it if it is deleted. */
  public void refresh(Handle h, long id) {
    Optional<SearchDoc> doc = store.live(h, id);
    if (doc.isPresent()) {
      index.put(h, doc.get());
    } else {
      index.remove(h, id);
    }
  }

  @Override
  public String kind() {
    return InsightStore.KIND;
  }

  @Override
  public void documents(Handle h, long productId, Consumer<SearchDoc> sink) {
    SearchSource.inPages((after, limit) -> store.live(h, productId, after, limit), CHUNK, sink);
  }
}
