package io.hatrack.discovery.feedback;

import io.hatrack.discovery.text.FeedbackText;
import io.hatrack.kernel.auth.User;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Told by {@link FeedbackService}, inside the transaction of the change, when feedback arrives,
 * changes its text, is deleted, restored or merged, so that what is kept beside feedback (the
 * duplicate check, a portal idea's votes) changes in the same transaction, all or nothing. A
 * listener that throws rolls the change back.
 */
public interface FeedbackListener {

  /** Feedback of one product was created, restored or had its text changed. */
  default void written(Handle h, User actor, long productId, List<FeedbackText> texts) {}

  /** A piece of feedback was deleted (it may be restored). */
  default void deleted(Handle h, long productId, long id) {}

  /** {@code sources} were merged into {@code target}: they are duplicates of it now. */
  default void merged(Handle h, User actor, Feedback target, List<Feedback> sources) {}
}
