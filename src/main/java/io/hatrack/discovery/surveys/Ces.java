package io.hatrack.discovery.surveys;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Customer Effort Score, the variant "CES 2.0" (CEB, now Gartner, 2013): agreement with "The
 * company made it easy for me to handle my issue" on a 1–7 scale, 1 "strongly disagree" to 7
 * "strongly agree", scored as the mean answer (higher is easier). The original CES of Dixon,
 * Freeman and Toman ("Stop Trying to Delight Your Customers", Harvard Business Review, 2010) asked
 * "How much effort did you personally have to put forth?" on 1–5, where lower is better; the two
 * are not comparable, so results always name the variant. The mean is the exact rational sum / n,
 * rounded once to two decimals, half away from zero; the share who agree (5–7) is given beside it.
 */
public final class Ces {
  public static final int MIN = 1;
  public static final int MAX = 7;

  /** The name of the variant, shown with every CES result. */
  public static final String VARIANT = "CES 2.0 (1–7 agreement, higher is easier)";

  private Ces() {}

  /**
   * A CES 2.0 score.
   *
   * @param mean sum / n, two decimals
   * @param agreePercent answers of 5, 6 or 7 / n × 100, one decimal
   */
  public record Score(long sum, long n, BigDecimal mean, BigDecimal agreePercent) {}

  /** The score of a distribution: {@code counts[i]} answers of {@code i + 1}. */
  public static Optional<Score> score(long[] counts) {
    if (counts.length != MAX) {
      throw new IllegalArgumentException("a CES distribution has 7 counts");
    }
    long n = 0;
    long sum = 0;
    long agree = 0;
    for (int i = 0; i < counts.length; i++) {
      n += counts[i];
      sum += counts[i] * (i + 1);
      if (i + 1 >= 5) {
        agree += counts[i];
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Score(sum, n, Percentages.ratio(sum, n, 2), Percentages.percent(agree, n, 1)));
  }
}
