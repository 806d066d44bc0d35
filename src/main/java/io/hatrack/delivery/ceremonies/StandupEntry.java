package io.hatrack.delivery.ceremonies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A member's stand-up for a day: yesterday, today, and the blockers raised in it. */
public record StandupEntry(
    long id,
    long teamId,
    long userId,
    String author,
    String handle,
    LocalDate day,
    String yesterday,
    String today,
    List<Blocker> blockers,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public StandupEntry {
    blockers = List.copyOf(blockers);
  }

  public StandupEntry withBlockers(List<Blocker> value) {
    return new StandupEntry(
        id, teamId, userId, author, handle, day, yesterday, today, value, createdAt, updatedAt,
        version);
  }

  /** The blockers' texts, one a line, as the form shows them. */
  public String blockerLines() {
    return String.join("\n", blockers.stream().map(Blocker::text).toList());
  }
}
