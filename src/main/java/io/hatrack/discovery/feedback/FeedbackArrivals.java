package io.hatrack.discovery.feedback;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What else happens to new feedback, in the transaction that adds it, whichever way it comes in
 * (the inbox, the API, the command line, an import, the portal, a survey): the themes give it the
 * theme it is nearest to.
 */
@FunctionalInterface
public interface FeedbackArrivals {
  /** {@code ids} of new feedback of a product with their {@code texts}, in the same order. */
  void arrived(Handle h, long productId, List<Long> ids, List<String> texts);

  /** Nothing else happens. */
  FeedbackArrivals NONE = (h, productId, ids, texts) -> {};
}
