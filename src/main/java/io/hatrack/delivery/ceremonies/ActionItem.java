package io.hatrack.delivery.ceremonies;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item agreed in a retrospective; it shows in the team's later retrospectives until it is
 * done.
 *
 * @param retroId the retrospective it was agreed in
 * @param doneIn the retrospective it was marked done in, or null
 */
public record ActionItem(
    long id,
    long teamId,
    long retroId,
    String retroTitle,
    LocalDate retroDay,
    String text,
    Long ownerId,
    String owner,
    LocalDate due,
    Instant doneAt,
    String doneBy,
    Long doneById,
    Long doneIn,
    long version) {
  public boolean done() {
    return doneAt != null;
  }

  /** Open and past its due date on {@code today}. */
  public boolean overdue(LocalDate today) {
    return !done() && due != null && due.isBefore(today);
  }
}
