package io.hatrack.discovery.portal;

import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How a portal idea becomes feedback of its product (source "portal"), so that the PM finds it in
 * the inbox, merges it, links it to the feature it supports and sees it in the feature's demand,
 * like any other feedback.
 */
final class IdeaInbox {
  /** The feedback source of portal ideas. */
  static final String SOURCE = "portal";

  private final ProductService products;
  private final FeedbackService feedback;

  IdeaInbox(ProductService products, FeedbackService feedback) {
    this.products = products;
    this.feedback = feedback;
  }

  /** Creates the idea's feedback item, acting as {@code actor}; returns its id. */
  long create(Handle h, User actor, long productId, String title, String text, Instant at) {
    ProductAccess product = products.access(h, actor, Long.toString(productId));
    return feedback
        .create(
            h,
            actor,
            product,
            new FeedbackDraft(text, title, SOURCE, null, null, at, null, null, null, null))
        .id();
  }

  /** Merges the feedback of {@code sources} into the feedback of {@code target}. */
  void merge(Handle h, User actor, long target, List<Long> sources) {
    feedback.merge(
        h, actor, Long.toString(target), sources.stream().map(id -> Long.toString(id)).toList());
  }
}
