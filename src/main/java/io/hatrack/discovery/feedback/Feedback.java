package io.hatrack.discovery.feedback;

import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.Objects;

/**
 * A piece of feedback: what a customer said ({@code text}), where it came from, who said it and
 * when, and where it stands. Its identity, key, summary (the title) and version are the shared
 * {@link Item}'s.
 *
 * @param customerId the customer who gave it, or null (unknown, or the customer was removed)
 * @param contactId the person at the customer, or null
 * @param happenedAt when it was given (not when it was entered)
 * @param importance 0 not important, 1 nice to have, 2 important, 3 critical; or null
 * @param externalId its id in the system it came from, unique in the product; or null
 * @param sentiment a compound score from -1 to 1, once the text analysis has scored it; or null
 * @param themeId the theme it was grouped into, or null
 * @param duplicateOf the feedback it was merged into, or null
 */
public record Feedback(
    Item item,
    long productId,
    String text,
    FeedbackSource source,
    Long customerId,
    String customerName,
    Long contactId,
    String contactName,
    Instant happenedAt,
    FeedbackStatus status,
    Integer importance,
    String externalId,
    Double sentiment,
    Long themeId,
    String themeName,
    Long duplicateOf,
    Instant createdAt) {
  public Feedback {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(happenedAt, "happenedAt");
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  /** The short summary: the first line of the text unless one was given. */
  public String summary() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The words for the importance, e.g. "important"; empty when not given. */
  public String importanceLabel() {
    return importance == null ? "" : Importance.label(importance);
  }
}
