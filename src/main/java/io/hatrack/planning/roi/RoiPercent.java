package io.hatrack.planning.roi;

import java.util.OptionalDouble;

/**
 * Return on investment in per cent: {@code (total benefits - total costs) / total costs × 100},
 * undiscounted, over the whole horizon (Investopedia, "Return on Investment (ROI)"). Empty when
 * there is no cost, where the ratio has no meaning.
 */
public final class RoiPercent {
  private RoiPercent() {}

  public static OptionalDouble of(double totalBenefits, double totalCosts) {
    if (totalCosts <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((totalBenefits - totalCosts) / totalCosts * 100);
  }
}
