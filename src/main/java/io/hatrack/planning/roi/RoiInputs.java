package io.hatrack.planning.roi;

import java.util.List;
import java.util.Objects;

/**
 * What an ROI model computes from: {@code horizon} periods after period 0 (today), each a month or
 * a year, an annual discount rate (a fraction: 0.1 is 10 % per year) and the lines. Checked by the
 * service before it is built; the constructor guards only against impossible values.
 */
public record RoiInputs(
    Periodicity periodicity, int horizon, double annualRate, List<RoiLine> lines) {
  public RoiInputs {
    Objects.requireNonNull(periodicity, "periodicity");
    lines = List.copyOf(lines);
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon " + horizon);
    }
    if (!(annualRate > -1)) {
      throw new IllegalArgumentException("rate " + annualRate);
    }
    for (RoiLine l : lines) {
      if (l.to() > horizon) {
        throw new IllegalArgumentException("line beyond the horizon: " + l);
      }
    }
  }

  /** The discount rate per period. */
  public double periodRate() {
    return periodicity.periodRate(annualRate);
  }

  /** For each line and period, the share of the line's amount in that period's net flow. */
  double[][] shares() {
    double[][] s = new double[lines.size()][horizon + 1];
    for (int i = 0; i < lines.size(); i++) {
      for (int t = 0; t <= horizon; t++) {
        s[i][t] = lines.get(i).share(t);
      }
    }
    return s;
  }

  /** The net cash flow per period 0..horizon with each line at {@code amounts[i]}. */
  public double[] flows(double[] amounts) {
    double[] f = new double[horizon + 1];
    for (int i = 0; i < lines.size(); i++) {
      RoiLine l = lines.get(i);
      for (int t = l.from(); t <= l.to(); t++) {
        f[t] += amounts[i] * l.share(t);
      }
    }
    return f;
  }

  /** Each line's likely amount, for the deterministic results. */
  public double[] likelyAmounts() {
    return lines.stream().mapToDouble(l -> l.amount().likely()).toArray();
  }
}
