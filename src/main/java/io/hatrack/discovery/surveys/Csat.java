package io.hatrack.discovery.surveys;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Customer satisfaction (CSAT) on the 1–5 scale ("very unsatisfied" to "very satisfied"): the share
 * of satisfied answers, 4 or 5, among all answers, in percent ("top-two-box"). The share is an
 * exact rational of the counts, rounded once to one decimal, half away from zero. No answers: no
 * score.
 */
public final class Csat {
  public static final int MIN = 1;
  public static final int MAX = 5;

  private Csat() {}

  /**
   * A CSAT score.
   *
   * @param satisfied answers of 4 or 5
   * @param percent satisfied / n × 100, one decimal
   */
  public record Score(long satisfied, long n, BigDecimal percent) {}

  /** The score of a distribution: {@code counts[i]} answers of {@code i + 1}. */
  public static Optional<Score> score(long[] counts) {
    if (counts.length != MAX) {
      throw new IllegalArgumentException("a CSAT distribution has 5 counts");
    }
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    if (n == 0) {
      return Optional.empty();
    }
    long satisfied = counts[3] + counts[4];
    return Optional.of(new Score(satisfied, n, Percentages.percent(satisfied, n, 1)));
  }
}
