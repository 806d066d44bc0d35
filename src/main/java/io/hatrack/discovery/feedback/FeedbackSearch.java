package io.hatrack.discovery.feedback;

import io.hatrack.kernel.search.SearchDoc;
import io.hatrack.kernel.search.SearchIndex;
import io.hatrack.kernel.search.SearchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Feedback in the full-text index: the summary is the title, the text the body; source, customer,
 * status, sentiment and the day it was given are the facets (tags come from the item's tags).
 * {@link FeedbackService} calls {@link #refresh} in the transaction of every change, so the
 * document always says what the feedback says; deleted feedback leaves the index and comes back
 * when restored. As a {@link SearchSource} it rebuilds a product's feedback documents.
 */
public final class FeedbackSearch implements SearchSource {
  /** How many documents are read and written at once. */
  private static final int CHUNK = 1_000;

  private final SearchIndex index;
  private final FeedbackSearchStore store = new FeedbackSearchStore();

  public FeedbackSearch(SearchIndex index) {
    this.index = index;
  }

  /** Writes the documents of these pieces of feedback as they now are, removing deleted ones. */
  public void refresh(Handle h, List<Long> ids) {
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<SearchDoc> live = new ArrayList<>(chunk.size());
      for (FeedbackSearchStore.Doc d : store.byIds(h, chunk)) {
        if (d.deleted()) {
          index.remove(h, d.doc().id());
        } else {
          live.add(d.doc());
        }
      }
      index.putAll(h, live);
    }
  }

  /** Writes the document of one piece of feedback as it now is (removed if deleted). */
  public void refresh(Handle h, long id) {
    refresh(h, List.of(id));
  }

  @Override
  public String kind() {
    return FeedbackStore.KIND;
  }

  @Override
  public void documents(Handle h, long productId, Consumer<SearchDoc> sink) {
    SearchSource.inPages((after, limit) -> store.live(h, productId, after, limit), CHUNK, sink);
  }
}
