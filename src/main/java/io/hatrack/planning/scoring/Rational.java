package io.hatrack.planning.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact fraction {@code numerator / denominator}, kept in lowest terms with a positive
 * denominator, so that scores never drift the way binary floating point does (0.1 + 0.2 is 0.3
 * here) and a division such as {@code 1 / 3} stays exact until it is rounded once, for display.
 */
public record Rational(BigInteger numerator, BigInteger denominator)
    implements Comparable<Rational> {
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  public Rational {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() == 0) {
      throw new ArithmeticException("a fraction needs a denominator other than 0");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
  }

  public static Rational of(long value) {
    return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
  }

  public static Rational of(long numerator, long denominator) {
    return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** The exact value of a decimal, e.g. {@code 0.1} is {@code 1/10}. */
  public static Rational of(BigDecimal value) {
    BigInteger unscaled = value.unscaledValue();
    int scale = value.scale();
    if (scale <= 0) {
      return new Rational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }
    return new Rational(unscaled, BigInteger.TEN.pow(scale));
  }

  public Rational plus(Rational other) {
    return new Rational(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  public Rational minus(Rational other) {
    return plus(other.negate());
  }

  public Rational times(Rational other) {
    return new Rational(
        numerator.multiply(other.numerator), denominator.multiply(other.denominator));
  }

  public Rational dividedBy(Rational other) {
    if (other.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return new Rational(
        numerator.multiply(other.denominator), denominator.multiply(other.numerator));
  }

  public Rational negate() {
    return new Rational(numerator.negate(), denominator);
  }

  public int signum() {
    return numerator.signum();
  }

  /** Rounded once, half away from zero, to {@code decimals} places. */
  public BigDecimal toBigDecimal(int decimals) {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), decimals, RoundingMode.HALF_UP);
  }

  /**
   * The value as a decimal without trailing zeros when it has a finite decimal expansion (its
   * denominator has no prime factor but 2 and 5); otherwise rounded to {@code decimals} places.
   */
  public BigDecimal toDecimal(int decimals) {
    BigInteger d = denominator;
    BigInteger two = BigInteger.TWO;
    BigInteger five = BigInteger.valueOf(5);
    while (d.mod(two).signum() == 0) {
      d = d.divide(two);
    }
    while (d.mod(five).signum() == 0) {
      d = d.divide(five);
    }
    if (d.equals(BigInteger.ONE)) {
      BigDecimal exact =
          new BigDecimal(numerator).divide(new BigDecimal(denominator)).stripTrailingZeros();
      return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
    return toBigDecimal(decimals);
  }

  @Override
  public int compareTo(Rational other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  /** {@code 400} or {@code 1/3}: exact, for logs and formula texts. */
  @Override
  public String toString() {
    return denominator.equals(BigInteger.ONE)
        ? numerator.toString()
        : numerator + "/" + denominator;
  }
}
