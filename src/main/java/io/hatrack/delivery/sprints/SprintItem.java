package io.hatrack.delivery.sprints;

import java.time.Instant;

/**
 * A work item as a sprint sees it.
 *
 * @param estimate the item's live estimate, or null
 * @param frozen the points it counts for in a started sprint (its estimate at commitment or when
 *     added), or null in a planned sprint
 * @param committed whether it was in the commitment when the sprint started
 * @param doneAt when it last moved to a done state (null if not done or not known)
 * @param outcome what closing did with it (done, carried, returned), or null
 */
public record SprintItem(
    long id,
    long productId,
    String key,
    String title,
    String type,
    String state,
    boolean done,
    Double estimate,
    Double frozen,
    boolean committed,
    double position,
    Instant addedAt,
    Instant doneAt,
    String outcome) {

  /** The points it counts for: frozen once the sprint started, else its live estimate (or 0). */
  public double points() {
    if (frozen != null) {
      return frozen;
    }
    return estimate == null ? 0 : estimate;
  }

  /** Its points as shown: "3", "2.5", or "–" without an estimate. */
  public String pointsText() {
    if (frozen == null && estimate == null) {
      return "–";
    }
    return SprintMath.text(points());
  }
}
