package io.hatrack.discovery.customers;

import java.util.Objects;

/**
 * What a customer pays: an exact amount in minor units of the workspace's currency (cents for USD)
 * for a period. {@link #arrMinor} puts every customer on the same footing: ARR = 12 × MRR.
 *
 * @param minor the amount as given, in minor units; never negative
 */
public record Revenue(long minor, RevenuePeriod period) {
  public Revenue {
    Objects.requireNonNull(period, "period");
    if (minor < 0 || minor > Money.MAX_MINOR) {
      throw new IllegalArgumentException("revenue out of range: " + minor);
    }
  }

  /** The amount per year in minor units: the amount itself for ARR, 12 times it for MRR. */
  public long arrMinor() {
    return period == RevenuePeriod.MRR ? minor * 12 : minor;
  }
}
