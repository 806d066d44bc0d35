package io.hatrack.discovery.portal;

import java.time.Instant;

/**
 * An idea of the public portal: the public face of an item in the product's feedback. {@code
 * mergedInto} is the idea it was merged into, if any; {@code comments} counts those visitors see.
 */
public record Idea(
    long id,
    long productId,
    String key,
    String title,
    String description,
    IdeaStatus status,
    Visibility visibility,
    int votes,
    int comments,
    String authorName,
    String authorEmail,
    Long authorUserId,
    Long mergedInto,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Whether visitors see it in the list. */
  public boolean listed() {
    return visibility == Visibility.APPROVED && mergedInto == null;
  }
}
