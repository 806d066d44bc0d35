package io.hatrack.planning.roi;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How an amount varies: fixed, or uncertain between low and high with a most likely value, drawn
 * from a triangular distribution or a Beta-PERT distribution with λ = 4 (Vose, <i>Risk
 * Analysis</i>, 3rd ed., §9.1.8 and §9.1.7).
 */
public enum Spread {
  FIXED,
  TRIANGULAR,
  PERT;

  /** The PERT shape parameter λ: weight of the most likely value. */
  public static final double LAMBDA = 4;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Spread parse(String value) {
    for (Spread s : values()) {
      if (s.id().equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a spread: " + value);
  }

  /** The mean: likely; (low + likely + high) / 3; (low + 4·likely + high) / 6. */
  public double mean(double low, double likely, double high) {
    return switch (this) {
      case FIXED -> likely;
      case TRIANGULAR -> (low + likely + high) / 3;
      case PERT -> (low + LAMBDA * likely + high) / (LAMBDA + 2);
    };
  }

  /** One draw between low and high. */
  public double draw(double low, double likely, double high, SplittableRandom random) {
    if (this == FIXED || high <= low) {
      return likely;
    }
    return switch (this) {
      case TRIANGULAR -> triangular(low, likely, high, random.nextDouble());
      case PERT -> {
        double range = high - low;
        double alpha = 1 + LAMBDA * (likely - low) / range;
        double beta = 1 + LAMBDA * (high - likely) / range;
        yield low + range * beta(alpha, beta, random);
      }
      default -> likely;
    };
  }

  /** The triangular distribution's inverse CDF at {@code u} in [0, 1). */
  static double triangular(double low, double likely, double high, double u) {
    double range = high - low;
    double split = (likely - low) / range;
    if (u < split) {
      return low + Math.sqrt(u * range * (likely - low));
    }
    return high - Math.sqrt((1 - u) * range * (high - likely));
  }

  /** A Beta(α, β) draw as X / (X + Y) of two Gamma draws (α, β ≥ 1 here). */
  static double beta(double alpha, double beta, SplittableRandom random) {
    double x = gamma(alpha, random);
    double y = gamma(beta, random);
    return x / (x + y);
  }

  /** Marsaglia and Tsang's method (2000) for a Gamma(shape, 1) draw, shape ≥ 1. */
  static double gamma(double shape, SplittableRandom random) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** A standard normal draw by Marsaglia's polar method (one of the pair is dropped). */
  static double normal(SplittableRandom random) {
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
