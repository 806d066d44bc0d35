package io.hatrack.delivery.sprints;

/**
 * What a sprint is made of when created or changed; null fields take the default (a new sprint:
 * "Sprint N", no goal, the next slot of the team's cadence) or keep their value (a change).
 */
public record SprintDraft(String name, String goal, String start, String end) {
  public static SprintDraft defaults() {
    return new SprintDraft(null, null, null, null);
  }
}
