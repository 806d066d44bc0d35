package io.hatrack.delivery.sprints;

import java.util.Locale;

/** Where a sprint is in its life: planned, then active (one per team at a time), then closed. */
public enum SprintStatus {
  PLANNED,
  ACTIVE,
  CLOSED;

  /** The stored and typed name: planned, active or closed. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return switch (this) {
      case PLANNED -> "Planned";
      case ACTIVE -> "Active";
      case CLOSED -> "Closed";
    };
  }

  static SprintStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
