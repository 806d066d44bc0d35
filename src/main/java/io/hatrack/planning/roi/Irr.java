package io.hatrack.planning.roi;

import java.util.ArrayList;
import java.util.List;

/**
 * Internal rate of return: the rate per period at which the NPV of the cash flows is zero.
 *
 * <p>By Descartes' rule of signs, cash flows whose sign changes exactly once (a conventional
 * project: money out, then money in, or the reverse) have exactly one IRR above -100 %; it is
 * bracketed and found with Brent's method to 1e-10. Flows that never change sign have no IRR. Flows
 * that change sign several times may have several IRRs (Brealey, Myers and Allen's example -1,600 /
 * +10,000 / -10,000 has 25 % and 400 %) or none: the rates found on a scan from -99 % to 10,000 %
 * are reported, and the answer says that the IRR is not a sound guide there.
 */
public final class Irr {
  private static final double LOW = -0.99;
  private static final double HIGH = 100.0;
  private static final double TOLERANCE = 1e-10;

  private Irr() {}

  /** What the IRR of some cash flows is. */
  public enum Status {
    /** One sign change: exactly one IRR. */
    UNIQUE,
    /** No sign change (or no non-zero flow): no rate makes the NPV zero. */
    NONE,
    /** Several sign changes: zero, one or several rates found; none is "the" IRR. */
    SEVERAL
  }

  /**
   * The answer.
   *
   * @param rate the IRR per period when {@code UNIQUE} (else null)
   * @param rates every rate found (one for UNIQUE; the scan's roots for SEVERAL)
   * @param signChanges how often the sign of the flows changes, zeros skipped
   * @param explanation a sentence for people
   */
  public record Result(
      Status status, Double rate, List<Double> rates, int signChanges, String explanation) {
    public Result {
      rates = List.copyOf(rates);
    }
  }

  public static Result of(double[] flows) {
    int changes = signChanges(flows);
    if (changes == 0) {
      return new Result(
          Status.NONE,
          null,
          List.of(),
          0,
          "No IRR: the cash flows never change sign, so no discount rate makes the NPV zero.");
    }
    if (changes == 1) {
      double hi = 1;
      double fLow = Npv.of(LOW, flows);
      while (Math.signum(Npv.of(hi, flows)) == Math.signum(fLow) && hi < 1e9) {
        hi *= 2;
      }
      double lo = LOW;
      while (Math.signum(Npv.of(lo, flows)) == Math.signum(Npv.of(hi, flows)) && lo > -1 + 1e-12) {
        lo = -1 + (lo + 1) / 10;
      }
      if (Math.signum(Npv.of(lo, flows)) == Math.signum(Npv.of(hi, flows))) {
        return new Result(
            Status.NONE, null, List.of(), 1, "No IRR found between -100 % and 1e9 per period.");
      }
      double r = brent(flows, lo, hi);
      return new Result(Status.UNIQUE, r, List.of(r), 1, "One sign change: a single IRR.");
    }
    List<Double> roots = scan(flows);
    return new Result(
        Status.SEVERAL,
        null,
        roots,
        changes,
        "The cash flows change sign "
            + changes
            + " times, so the IRR is not unique: "
            + (roots.isEmpty()
                ? "no rate between -99 % and 10,000 % makes the NPV zero."
                : roots.size() + " rate" + (roots.size() == 1 ? "" : "s") + " make the NPV zero.")
            + " Judge the project by its NPV instead.");
  }

  /** How often the sign changes along the flows, zeros skipped. */
  public static int signChanges(double[] flows) {
    int changes = 0;
    double last = 0;
    for (double f : flows) {
      if (f != 0) {
        if (last != 0 && Math.signum(f) != Math.signum(last)) {
          changes++;
        }
        last = f;
      }
    }
    return changes;
  }

  private static List<Double> scan(double[] flows) {
    List<Double> roots = new ArrayList<>();
    // Steps grow geometrically in 1 + r, so low rates are scanned finely and high rates coarsely.
    double prev = LOW;
    double fPrev = Npv.of(prev, flows);
    int steps = 4000;
    double ratio = Math.pow((1 + HIGH) / (1 + LOW), 1.0 / steps);
    for (int i = 1; i <= steps; i++) {
      double r = (1 + LOW) * Math.pow(ratio, i) - 1;
      double f = Npv.of(r, flows);
      if (fPrev == 0) {
        roots.add(prev);
      } else if (Math.signum(f) != Math.signum(fPrev) && f != 0) {
        roots.add(brent(flows, prev, r));
      }
      prev = r;
      fPrev = f;
    }
    return roots;
  }

  /** Brent's root finding on a bracket [a, b] where the NPV changes sign. */
  static double brent(double[] flows, double a, double b) {
    double fa = Npv.of(a, flows);
    double fb = Npv.of(b, flows);
    double c = a;
    double fc = fa;
    double d = b - a;
    double e = d;
    for (int iter = 0; iter < 200; iter++) {
      if (Math.signum(fb) == Math.signum(fc)) {
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tol = 2 * Math.ulp(b) + 0.5 * TOLERANCE;
      double m = 0.5 * (c - b);
      if (Math.abs(m) <= tol || fb == 0) {
        return b;
      }
      if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          p = 2 * m * s;
          q = 1 - s;
        } else {
          double qq = fa / fc;
          double r = fb / fc;
          p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
          q = (qq - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
          e = d;
          d = p / q;
        } else {
          d = m;
          e = m;
        }
      } else {
        d = m;
        e = m;
      }
      a = b;
      fa = fb;
      b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
      fb = Npv.of(b, flows);
    }
    return b;
  }
}
