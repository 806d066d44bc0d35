package io.hatrack.discovery.feedback;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demand for a work item, from the feedback that supports it (merged duplicates included): how
 * many pieces, from how many customers, what those customers pay per year together, how much it
 * matters to them, and how the feedback arrived month by month.
 *
 * <p>Importance counts each customer once, with the importance of their latest feedback (by when it
 * was given) that has one; feedback without a customer carries no customer importance.
 *
 * @param feedback the pieces of feedback
 * @param customers the distinct (live) customers who gave them
 * @param revenueMinor their revenue per year (ARR, 12 × MRR) in minor units, exact
 * @param customersWithoutRevenue customers counted whose revenue is unknown
 * @param importance customers whose latest importance is 0, 1, 2 and 3
 * @param importanceMean the mean of those, or null when no customer gave one
 * @param trend pieces of feedback per month (UTC), oldest month first, the last 12 months
 */
public record Demand(
    long itemId,
    long feedback,
    long customers,
    long revenueMinor,
    long customersWithoutRevenue,
    String currency,
    List<Long> importance,
    Double importanceMean,
    List<Month> trend) {

  /** How many months the trend covers, this one included. */
  public static final int MONTHS = 12;

  /** The feedback given in one month. */
  public record Month(YearMonth month, long count) {}

  public Demand {
    importance = List.copyOf(importance);
    trend = List.copyOf(trend);
  }

  /** Customers who gave an importance. */
  public long rated() {
    return importance.stream().mapToLong(Long::longValue).sum();
  }

  /** The revenue for people, e.g. {@code $62,000.25}. */
  public String revenueDisplay() {
    return io.hatrack.discovery.customers.Money.display(
        revenueMinor, java.util.Currency.getInstance(currency));
  }

  /** The mean importance with one decimal, e.g. {@code 2.3}; a dash when nobody gave one. */
  public String meanDisplay() {
    return importanceMean == null
        ? "\u2013"
        : String.format(java.util.Locale.ROOT, "%.1f", importanceMean);
  }

  /** The largest monthly count, for scaling a chart (at least 1). */
  public long peak() {
    return Math.max(1, trend.stream().mapToLong(Month::count).max().orElse(0));
  }

  /**
   * Computes the demand from the supporting feedback, oldest first or in any order.
   *
   * @param arrByCustomer the live customers among the rows' customers, with their ARR in minor
   *     units (null when unknown); a customer missing here is not counted
   */
  public static Demand of(
      long itemId,
      List<FeedbackStore.DemandRow> rows,
      Map<Long, Long> arrByCustomer,
      String currency,
      YearMonth thisMonth) {
    Set<Long> customers = new LinkedHashSet<>();
    Map<Long, FeedbackStore.DemandRow> latest = new HashMap<>();
    Map<YearMonth, Long> months = new HashMap<>();
    YearMonth first = thisMonth.minusMonths(MONTHS - 1L);
    for (FeedbackStore.DemandRow r : rows) {
      YearMonth m = YearMonth.from(r.happenedAt().atZone(ZoneOffset.UTC));
      if (!m.isBefore(first) && !m.isAfter(thisMonth)) {
        months.merge(m, 1L, Long::sum);
      }
      Long c = r.customerId();
      if (c == null || !arrByCustomer.containsKey(c)) {
        continue;
      }
      customers.add(c);
      if (r.importance() != null) {
        FeedbackStore.DemandRow seen = latest.get(c);
        if (seen == null || later(r, seen)) {
          latest.put(c, r);
        }
      }
    }
    long revenue = 0;
    long unknown = 0;
    for (long c : customers) {
      Long arr = arrByCustomer.get(c);
      if (arr == null) {
        unknown++;
      } else {
        revenue = Math.addExact(revenue, arr);
      }
    }
    List<Long> distribution = new ArrayList<>(Collections.nCopies(Importance.MAX + 1, 0L));
    long sum = 0;
    for (FeedbackStore.DemandRow r : latest.values()) {
      distribution.set(r.importance(), distribution.get(r.importance()) + 1);
      sum += r.importance();
    }
    Double mean = latest.isEmpty() ? null : (double) sum / latest.size();
    List<Month> trend = new ArrayList<>();
    for (int i = 0; i < MONTHS; i++) {
      YearMonth m = first.plusMonths(i);
      trend.add(new Month(m, months.getOrDefault(m, 0L)));
    }
    return new Demand(
        itemId,
        rows.size(),
        customers.size(),
        revenue,
        unknown,
        currency,
        distribution,
        mean,
        trend);
  }

  private static boolean later(FeedbackStore.DemandRow a, FeedbackStore.DemandRow b) {
    int byTime = a.happenedAt().compareTo(b.happenedAt());
    return byTime > 0 || (byTime == 0 && a.id() > b.id());
  }
}
