package io.hatrack.planning.teams;

/**
 * What a team is made of when created or changed; null fields take the defaults (a slug from the
 * name, person-days, two-week sprints from the coming Monday, one point per person-day).
 */
public record TeamDraft(
    String name,
    String slug,
    String description,
    String unit,
    Integer sprintWeeks,
    String sprintStart,
    Double pointsPerDay) {

  public static TeamDraft named(String name) {
    return new TeamDraft(name, null, null, null, null, null, null);
  }

  public TeamDraft inPoints(double perDay) {
    return new TeamDraft(name, slug, description, "points", sprintWeeks, sprintStart, perDay);
  }
}
