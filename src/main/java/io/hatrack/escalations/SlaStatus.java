package io.hatrack.escalations;

import java.util.Locale;

/**
 * Where an SLA clock stands against its target: on track, breaching soon (at least {@link
 * #SOON_PERCENT} % of the target used), breached, or met (stopped within the target).
 */
public enum SlaStatus {
  MET("Met"),
  ON_TRACK("On track"),
  BREACHING_SOON("Breaching soon"),
  BREACHED("Breached");

  /** The share of a target used from which a clock is breaching soon. */
  public static final double SOON_PERCENT = 75.0;

  private final String label;

  SlaStatus(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** The worse of two states: breached over breaching soon over on track over met. */
  public SlaStatus worst(SlaStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
