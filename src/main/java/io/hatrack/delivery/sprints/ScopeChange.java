package io.hatrack.delivery.sprints;

import java.time.Instant;

/** An item added to or removed from a sprint after it started, with its points, when and who. */
public record ScopeChange(
    long itemId, String key, String title, String change, double points, Instant at, String by) {
  public boolean added() {
    return change.equals("added");
  }
}
