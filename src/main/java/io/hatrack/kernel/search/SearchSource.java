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
}
