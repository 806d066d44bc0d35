package io.hatrack.definition;

import io.hatrack.kernel.search.SearchDoc;
import io.hatrack.kernel.search.SearchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Work items as search documents: the title, and as body the description, the story's "As a ..., I
 * want ..., so that ..." and its acceptance criteria; the workflow state is the status, the time of
 * creation when it happened. {@link WorkItemService} puts one with every change.
 */
final class WorkItemSearch implements SearchSource {
  private final WorkItemStore store;

  WorkItemSearch(WorkItemStore store) {
    this.store = store;
  }

  static SearchDoc doc(WorkItem w) {
    List<String> parts = new ArrayList<>();
    if (!w.description().isBlank()) {
      parts.add(w.description());
    }
    if (!(w.storyRole() + w.storyGoal() + w.storyBenefit()).isBlank()) {
      parts.add(
          "As a "
              + w.storyRole()
              + ", I want "
              + w.storyGoal()
              + ", so that "
              + w.storyBenefit()
              + ".");
    }
    if (!w.acceptance().isBlank()) {
      parts.add(w.acceptance());
    }
    return SearchDoc.of(
            w.id(),
            w.item().productId(),
            WorkItemStore.KIND,
            w.title(),
            String.join("\n\n", parts),
            w.item().createdAt())
        .withStatus(w.state().name());
  }

  @Override
  public String kind() {
    return WorkItemStore.KIND;
  }

  @Override
  public void documents(Handle h, long productId, Consumer<SearchDoc> sink) {
    store.forEachLive(h, productId, w -> sink.accept(doc(w)));
  }
}
