package io.hatrack.delivery.sprints;

import java.util.List;

/**
 * A team's velocity over its last closed sprints, without I/O: the points each committed and
 * completed, the average completed, and a forecast range from the 20th and 80th percentiles of the
 * completed points (linear interpolation, {@link SprintMath#percentile}). Work of {@code remaining}
 * points needs between ⌈remaining / P80⌉ sprints (a good pace) and ⌈remaining / P20⌉ (a slow one).
 */
public final class Velocity {
  private Velocity() {}

  /** One closed sprint. */
  public record Point(int number, String name, double committed, double completed) {}

  /**
   * The velocity and its range.
   *
   * @param low the 20th percentile of completed points (a slow sprint)
   * @param high the 80th percentile (a good sprint)
   */
  public record Result(
      List<Point> sprints, double average, double low, double high, double committedAverage) {
    public boolean empty() {
      return sprints.isEmpty();
    }
  }

  /**
   * How many sprints {@code remaining} points need: at the high pace and at the low pace; {@code
   * most} is null when the low pace is zero (no finite forecast).
   */
  public record Forecast(double remaining, int fewest, Integer most) {}

  public static Result of(List<Point> sprints) {
    if (sprints.isEmpty()) {
      return new Result(List.of(), 0, 0, 0, 0);
    }
    double sum = 0;
    double committed = 0;
    List<Double> completed = new java.util.ArrayList<>();
    for (Point p : sprints) {
      sum += p.completed();
      committed += p.committed();
      completed.add(p.completed());
    }
    return new Result(
        List.copyOf(sprints),
        SprintMath.tenth(sum / sprints.size()),
        SprintMath.tenth(SprintMath.percentile(completed, 0.2)),
        SprintMath.tenth(SprintMath.percentile(completed, 0.8)),
        SprintMath.tenth(committed / sprints.size()));
  }

  /** The forecast for {@code remaining} points at the result's pace; null without a velocity. */
  public static Forecast forecast(Result v, double remaining) {
    if (remaining <= 0) {
      return new Forecast(0, 0, 0);
    }
    if (v.empty() || v.high() <= 0) {
      return null;
    }
    int fewest = (int) Math.ceil(remaining / v.high() - 1e-9);
    Integer most = v.low() <= 0 ? null : (int) Math.ceil(remaining / v.low() - 1e-9);
    return new Forecast(remaining, fewest, most);
  }
}
