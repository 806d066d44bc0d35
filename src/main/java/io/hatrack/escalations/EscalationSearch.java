package io.hatrack.escalations;

import io.hatrack.kernel.search.SearchDoc;
import io.hatrack.kernel.search.SearchIndex;
import io.hatrack.kernel.search.SearchSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Escalations in the full-text index: the title, and as body the description with the notes and
 * customer updates; the customer and status are facets. {@link EscalationService} refreshes the
 * document in the transaction of every change.
 */
public final class EscalationSearch implements SearchSource {
  private static final int CHUNK = 500;

  private final SearchIndex index;
  private final EscalationStore store;

  public EscalationSearch(SearchIndex index, EscalationStore store) {
    this.index = index;
    this.store = store;
  }

  /** Writes the escalation's document as it now is, or removes it if it is deleted. */
  public void refresh(Handle h, long id) {
    Optional<SearchDoc> doc = store.doc(h, id);
    if (doc.isPresent()) {
      index.put(h, doc.get());
    } else {
      index.remove(h, id);
    }
  }

  @Override
  public String kind() {
    return EscalationStore.KIND;
  }

  @Override
  public void documents(Handle h, long productId, Consumer<SearchDoc> sink) {
    SearchSource.inPages((after, limit) -> store.docs(h, productId, after, limit), CHUNK, sink);
  }
}
