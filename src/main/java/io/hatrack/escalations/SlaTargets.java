package io.hatrack.escalations;

import java.time.Duration;
import java.util.Objects;

/**
 * The targets of one severity: the first response (the first customer update) and the resolution,
 * each within this much business time of the escalation being opened.
 */
public record SlaTargets(Duration firstResponse, Duration resolution) {
  public SlaTargets {
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
    if (firstResponse.isNegative() || firstResponse.isZero()) {
      throw new IllegalArgumentException("a first-response target is more than zero");
    }
    if (resolution.isNegative() || resolution.isZero()) {
      throw new IllegalArgumentException("a resolution target is more than zero");
    }
  }

  public static SlaTargets ofMinutes(long firstResponse, long resolution) {
    return new SlaTargets(Duration.ofMinutes(firstResponse), Duration.ofMinutes(resolution));
  }
}
