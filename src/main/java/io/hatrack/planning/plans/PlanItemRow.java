package io.hatrack.planning.plans;

import java.util.Locale;
import java.util.Map;

/**
 * A candidate item of a plan: the period the plan gives it (null when left out, with the reason),
 * the period greedy would give it, its value (score × 100) and its effort per team id.
 */
public record PlanItemRow(
    long itemId,
    String key,
    String title,
    String period,
    String greedyPeriod,
    long value,
    Map<Long, Double> effort,
    String reason) {

  public boolean planned() {
    return period != null;
  }

  /** A value in score units (value / 100), as shown. */
  public static String points(long value) {
    return String.format(Locale.ROOT, "%,.2f", value / 100.0);
  }

  public String valueText() {
    return points(value);
  }
}
