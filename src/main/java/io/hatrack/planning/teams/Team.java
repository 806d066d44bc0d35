package io.hatrack.planning.teams;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A team of a workspace that does the work: its unit (person-days or points), how it counts
 * sprints, and for a points team how many points a person-day of availability is worth.
 */
public record Team(
    long id,
    long workspaceId,
    String slug,
    String name,
    String description,
    String unit,
    int sprintWeeks,
    LocalDate sprintStart,
    double pointsPerDay,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public boolean points() {
    return unit.equals("points");
  }

  /** The unit as a reader says it: "person-days" or "points". */
  public String unitLabel() {
    return points() ? "points" : "person-days";
  }
}
