package io.hatrack.delivery.sprints;

/** A product's open work item not in any planned or active sprint, in rank order. */
public record BacklogItem(
    long id, String key, String title, String type, String state, Double estimate, double rank) {
  public String pointsText() {
    return estimate == null ? "–" : SprintMath.text(estimate);
  }
}
