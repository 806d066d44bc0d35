package io.hatrack.planning.roi;

/**
 * Net present value of cash flows at the end of periods 0 to n: {@code NPV = Σ CF_t / (1 + r)^t}.
 * Period 0 is today and is not discounted (the convention of Brealey, Myers and Allen's
 * <i>Principles of Corporate Finance</i>, ch. 2; Excel's {@code NPV} instead discounts its first
 * value by one period). The rate is per period; amounts are doubles.
 */
public final class Npv {
  private Npv() {}

  /** The NPV of {@code flows} (index = period) at {@code rate} per period; rate > -1. */
  public static double of(double rate, double[] flows) {
    if (!(rate > -1)) {
      throw new IllegalArgumentException("the discount rate must be above -100 %");
    }
    double sum = 0;
    double factor = 1;
    for (double flow : flows) {
      sum += flow / factor;
      factor *= 1 + rate;
    }
    return sum;
  }

  /** The discount factors {@code 1 / (1 + r)^t} for periods 0 to {@code periods}. */
  public static double[] factors(double rate, int periods) {
    double[] f = new double[periods + 1];
    double d = 1;
    for (int t = 0; t <= periods; t++) {
      f[t] = 1 / d;
      d *= 1 + rate;
    }
    return f;
  }
}
