package io.hatrack.discovery.surveys;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The Net Promoter Score of answers to "How likely is it that you would recommend ... to a friend
 * or colleague?" on the 0–10 scale (Reichheld, "The One Number You Need to Grow", Harvard Business
 * Review, December 2003): promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6, and
 *
 * <pre>NPS = %promoters − %detractors</pre>
 *
 * <p>on −100..100. Its margin of error at 95 % confidence is the Wald interval of the mean of the
 * variable that is +1 for a promoter, 0 for a passive and −1 for a detractor, whose variance is
 * {@code (p + d) − (p − d)²} with {@code p} and {@code d} the shares of promoters and detractors
 * (Rocks, "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4),
 * 2016):
 *
 * <pre>MoE = 1.96 × sqrt(((p + d) − (p − d)²) / n) × 100</pre>
 *
 * <p>in NPS points. The score and the shares are exact rationals of the counts, rounded once to one
 * decimal, half away from zero; the margin is a square root, computed to 20 significant digits and
 * rounded the same way. With no answers there is no score (never NaN); with all answers alike the
 * margin is 0, which says more about the sample than about the customers.
 */
public final class Nps {
  /** The lowest answer of the scale. */
  public static final int MIN = 0;

  /** The highest answer of the scale. */
  public static final int MAX = 10;

  /** The z value of a two-sided 95 % interval. */
  static final BigDecimal Z95 = new BigDecimal("1.96");

  private Nps() {}

  /** How many answers fell in each group. */
  public record Counts(long promoters, long passives, long detractors) {
    public Counts {
      if (promoters < 0 || passives < 0 || detractors < 0) {
        throw new IllegalArgumentException("counts are never negative");
      }
    }

    public long n() {
      return promoters + passives + detractors;
    }
  }

  /**
   * The score of some answers.
   *
   * @param score %promoters − %detractors, one decimal
   * @param marginOfError the half-width of the 95 % interval, in NPS points, one decimal
   */
  public record Score(
      Counts counts,
      BigDecimal score,
      BigDecimal marginOfError,
      BigDecimal promoterPercent,
      BigDecimal passivePercent,
      BigDecimal detractorPercent) {}

  /** The group of one answer; an answer outside 0..10 is refused. */
  public static String group(int answer) {
    check(answer);
    if (answer >= 9) {
      return "promoter";
    }
    return answer >= 7 ? "passive" : "detractor";
  }

  /** Counts answers on the 0–10 scale; an answer outside it is refused. */
  public static Counts count(Iterable<Integer> answers) {
    long p = 0;
    long pass = 0;
    long d = 0;
    for (int a : answers) {
      switch (group(a)) {
        case "promoter" -> p++;
        case "passive" -> pass++;
        default -> d++;
      }
    }
    return new Counts(p, pass, d);
  }

  /** The score of these counts; empty when there are no answers. */
  public static Optional<Score> score(Counts c) {
    long n = c.n();
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Score(
            c,
            Percentages.percent(c.promoters() - c.detractors(), n, 1),
            marginOfError(c).setScale(1, RoundingMode.HALF_UP),
            Percentages.percent(c.promoters(), n, 1),
            Percentages.percent(c.passives(), n, 1),
            Percentages.percent(c.detractors(), n, 1)));
  }

  /**
   * The margin of error before rounding: 1.96 × sqrt(((p+d) − (p−d)²)/n) × 100. With counts P, D
   * out of n, the radicand is ((P+D)·n − (P−D)²) / n³, computed exactly before the square root.
   */
  static BigDecimal marginOfError(Counts c) {
    BigInteger n = BigInteger.valueOf(c.n());
    BigInteger sum = BigInteger.valueOf(c.promoters() + c.detractors());
    BigInteger diff = BigInteger.valueOf(c.promoters() - c.detractors());
    BigInteger numerator = sum.multiply(n).subtract(diff.multiply(diff));
    BigInteger denominator = n.pow(3);
    MathContext mc = new MathContext(20, RoundingMode.HALF_EVEN);
    BigDecimal radicand = new BigDecimal(numerator).divide(new BigDecimal(denominator), mc);
    return Z95.multiply(radicand.sqrt(mc)).multiply(BigDecimal.valueOf(100), mc);
  }

  private static void check(int answer) {
    if (answer < MIN || answer > MAX) {
      throw new IllegalArgumentException("an NPS answer is from 0 to 10, not " + answer);
    }
  }
}
