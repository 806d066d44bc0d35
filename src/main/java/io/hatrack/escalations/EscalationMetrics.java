package io.hatrack.escalations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Metrics over escalations: time to first response and time to resolution (mean and median, in
 * business time per each escalation's policy, over those that have one), and SLA compliance: the
 * share of clocks that met their target among those that met or breached it (an open escalation
 * already past its target counts as breached; one still on track does not count yet). Pure.
 */
public record EscalationMetrics(
    int escalations,
    int responded,
    Duration meanFirstResponse,
    Duration medianFirstResponse,
    int resolved,
    Duration meanResolution,
    Duration medianResolution,
    Double firstResponseCompliance,
    Double resolutionCompliance) {

  /** The metrics of these escalations' clocks. */
  public static EscalationMetrics of(List<SlaEvaluation.State> states) {
    List<Duration> first = new ArrayList<>();
    List<Duration> resolution = new ArrayList<>();
    int[] firstCounts = new int[2];
    int[] resolutionCounts = new int[2];
    for (SlaEvaluation.State s : states) {
      if (s.responded()) {
        first.add(s.firstResponse().elapsed());
      }
      if (s.resolution().stopped()) {
        resolution.add(s.resolution().elapsed());
      }
      count(s.firstResponse(), firstCounts);
      count(s.resolution(), resolutionCounts);
    }
    return new EscalationMetrics(
        states.size(),
        first.size(),
        mean(first),
        median(first),
        resolution.size(),
        mean(resolution),
        median(resolution),
        percent(firstCounts),
        percent(resolutionCounts));
  }

  private static void count(SlaEvaluation.Reading r, int[] counts) {
    if (r.status() == SlaStatus.MET) {
      counts[0]++;
    } else if (r.status() == SlaStatus.BREACHED) {
      counts[1]++;
    }
  }

  private static Double percent(int[] counts) {
    int all = counts[0] + counts[1];
    return all == 0 ? null : 100.0 * counts[0] / all;
  }

  /** The mean, or null of none; to the millisecond. */
  static Duration mean(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (Duration d : values) {
      sum += d.toMillis();
    }
    return Duration.ofMillis(Math.round((double) sum / values.size()));
  }

  /** The median (the mean of the two middle values of an even count), or null of none. */
  static Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return Duration.ofMillis(
        Math.round((sorted.get(n / 2 - 1).toMillis() + sorted.get(n / 2).toMillis()) / 2.0));
  }
}
