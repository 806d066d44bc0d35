package io.hatrack.planning.roi;

import java.util.Objects;

/**
 * An amount of money per period (or once), in the workspace's currency: fixed, or uncertain as low
 * / likely / high with a {@link Spread}. The deterministic results use the likely value. Validated
 * by {@link RoiInputs#check}; the constructor only needs finite numbers.
 */
public record Amount(double low, double likely, double high, Spread spread) {
  public Amount {
    Objects.requireNonNull(spread, "spread");
    if (spread == Spread.FIXED) {
      low = likely;
      high = likely;
    }
  }

  public static Amount fixed(double value) {
    return new Amount(value, value, value, Spread.FIXED);
  }

  public static Amount triangular(double low, double likely, double high) {
    return new Amount(low, likely, high, Spread.TRIANGULAR);
  }

  public static Amount pert(double low, double likely, double high) {
    return new Amount(low, likely, high, Spread.PERT);
  }

  public boolean uncertain() {
    return spread != Spread.FIXED && high > low;
  }

  public double mean() {
    return spread.mean(low, likely, high);
  }
}
