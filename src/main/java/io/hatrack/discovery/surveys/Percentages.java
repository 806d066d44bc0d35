package io.hatrack.discovery.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact shares of counts, rounded once, at the end, for display: {@code part / whole} as a
 * percentage or a fraction, half away from zero ({@link RoundingMode#HALF_UP}) to a stated number
 * of decimals. Counts are whole numbers, so the value before rounding is an exact rational.
 */
final class Percentages {
  private Percentages() {}

  /** {@code 100 * part / whole}, rounded half away from zero to {@code decimals} places. */
  static BigDecimal percent(long part, long whole, int decimals) {
    return ratio(Math.multiplyExact(part, 100L), whole, decimals);
  }

  /** {@code part / whole}, rounded half away from zero to {@code decimals} places. */
  static BigDecimal ratio(long part, long whole, int decimals) {
    if (whole <= 0) {
      throw new IllegalArgumentException("a share of nothing has no value");
    }
    return BigDecimal.valueOf(part)
        .divide(BigDecimal.valueOf(whole), decimals, RoundingMode.HALF_UP);
  }
}
