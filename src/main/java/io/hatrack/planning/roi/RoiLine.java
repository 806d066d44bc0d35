package io.hatrack.planning.roi;

import java.util.Objects;

/**
 * One line of an ROI model: a cost or a benefit of {@code amount} in each period from {@code from}
 * to {@code to} (both included; a one-off cost has {@code from == to}). A benefit may ramp up: with
 * {@code ramp} = r > 0 periods, its k-th period (k = 1, 2, ...) brings min(1, k / r) of the amount,
 * so the full amount is reached in the r-th period. Amounts are positive; a cost's sign is applied
 * when the cash flows are built.
 */
public record RoiLine(LineKind kind, String label, int from, int to, int ramp, Amount amount) {
  public RoiLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    label = label == null || label.isBlank() ? kind.label() : label.strip();
    if (from < 0 || to < from || ramp < 0) {
      throw new IllegalArgumentException("periods from " + from + " to " + to + ", ramp " + ramp);
    }
  }

  /** The share of the amount that falls in period {@code t}, with the cost's sign (-1 .. 1). */
  public double share(int t) {
    if (t < from || t > to) {
      return 0;
    }
    double factor = ramp > 0 ? Math.min(1.0, (t - from + 1) / (double) ramp) : 1.0;
    return kind.cost() ? -factor : factor;
  }
}
