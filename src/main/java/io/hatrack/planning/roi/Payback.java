package io.hatrack.planning.roi;

import java.util.OptionalDouble;

/**
 * Payback periods: how many periods until the cumulative cash flow is no longer negative.
 *
 * <p>Each period's flow is taken to arrive evenly during the period, so the payback is interpolated
 * inside the period where the cumulative flow turns: {@code (t - 1) + |cumulative at t - 1| / flow
 * at t}. It is the time after which the cumulative flow stays at or above zero until the horizon
 * (for a conventional project, the first time it reaches zero); empty ("never") when the cumulative
 * flow is still negative at the horizon. The discounted payback does the same on the flows
 * discounted to period 0, so it is never shorter than the simple one for a conventional project.
 */
public final class Payback {
  private Payback() {}

  /** The simple (undiscounted) payback in periods, or empty when never reached. */
  public static OptionalDouble simple(double[] flows) {
    return of(flows);
  }

  /** The discounted payback in periods at {@code rate} per period, or empty. */
  public static OptionalDouble discounted(double[] flows, double rate) {
    double[] f = Npv.factors(rate, flows.length - 1);
    double[] d = new double[flows.length];
    for (int t = 0; t < flows.length; t++) {
      d[t] = flows[t] * f[t];
    }
    return of(d);
  }

  private static OptionalDouble of(double[] flows) {
    double cumulative = 0;
    int lastNegative = -1;
    double atLastNegative = 0;
    for (int t = 0; t < flows.length; t++) {
      cumulative += flows[t];
      if (cumulative < 0) {
        lastNegative = t;
        atLastNegative = cumulative;
      }
    }
    if (lastNegative < 0) {
      return OptionalDouble.of(0);
    }
    if (lastNegative == flows.length - 1) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(lastNegative + (-atLastNegative) / flows[lastNegative + 1]);
  }
}
