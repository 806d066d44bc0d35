package io.hatrack.discovery.portal;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackListener;
import io.hatrack.kernel.auth.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Keeps portal ideas in step when their feedback is merged in the inbox (by hand, over the API, or
 * on confirming a suggested duplicate) rather than on the portal's moderation page: an idea merged
 * into another idea gives it its votes (a voter of both counts once) and comments, and its public
 * page leads to it, exactly as {@link PortalModeration#merge} does. When the feedback kept is not
 * an idea, the merged idea keeps its votes where they are. Ideas the portal merged already are
 * left.
 */
final class IdeaMerges implements FeedbackListener {
  private final PortalStore store;
  private final Clock clock;

  IdeaMerges(PortalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void merged(Handle h, User actor, Feedback target, List<Feedback> sources) {
    Optional<Idea> into = store.idea(h, target.id());
    if (into.isEmpty() || into.get().mergedInto() != null) {
      return;
    }
    boolean moved = false;
    for (Feedback s : sources) {
      Optional<Idea> from = store.idea(h, s.id());
      if (from.isPresent() && from.get().mergedInto() == null) {
        store.moveVotes(h, s.id(), target.id());
        store.moveComments(h, s.id(), target.id());
        store.markMerged(h, s.id(), target.id(), clock.instant());
        moved = true;
      }
    }
    if (moved) {
      store.recount(h, target.id());
    }
  }
}
