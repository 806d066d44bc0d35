package io.hatrack.discovery.feedback.duplicates;

import java.time.Instant;

/**
 * One side of a suggested pair of duplicates, as the PM compares them: the feedback's key, summary
 * and text, where it came from and from whom, and its votes when it is a portal idea.
 *
 * @param customerName the customer who gave it, or null
 * @param votes the votes of its portal idea, or null when it is not one
 */
public record DuplicateSide(
    long id,
    String key,
    String summary,
    String text,
    String source,
    String customerName,
    Integer votes,
    Instant happenedAt) {

  /** True when the feedback is a portal idea, whose votes move along when it is merged. */
  public boolean idea() {
    return votes != null;
  }
}
