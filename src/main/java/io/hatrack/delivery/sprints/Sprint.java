package io.hatrack.delivery.sprints;

import io.hatrack.kernel.Invalid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A sprint of a team: its number and name, goal, first and last day (both included), status, and
 * capacity in the team's unit from the team's availability over those days. A closed sprint keeps
 * its {@link Record}.
 *
 * @param record what the sprint came to when it closed, or null before
 */
public record Sprint(
    long id,
    long teamId,
    int number,
    String name,
    String goal,
    LocalDate start,
    LocalDate end,
    SprintStatus status,
    double capacity,
    Instant startedAt,
    Instant closedAt,
    Record record,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The points a closed sprint committed, completed, had added and removed, and carried over. */
  public record Record(
      double committed, double completed, double added, double removed, double carried) {}

  public Sprint {
    Objects.requireNonNull(status, "status");
    if (start == null || end == null) {
      throw Invalid.field("start", "both the start and the end day are needed");
    }
    if (end.isBefore(start)) {
      throw Invalid.field("end", "must not be before the start (" + start + ")");
    }
  }

  /** Calendar days from the first to the last, both included. */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** Whether the two sprints share at least one day. */
  public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
    return !otherEnd.isBefore(start) && !otherStart.isAfter(end);
  }

  /** Days left after {@code today} up to the last day (0 once over). */
  public long daysLeft(LocalDate today) {
    if (today.isAfter(end)) {
      return 0;
    }
    return ChronoUnit.DAYS.between(today.isBefore(start) ? start : today, end) + 1;
  }

  public boolean planned() {
    return status == SprintStatus.PLANNED;
  }

  public boolean active() {
    return status == SprintStatus.ACTIVE;
  }

  public boolean closed() {
    return status == SprintStatus.CLOSED;
  }
}
