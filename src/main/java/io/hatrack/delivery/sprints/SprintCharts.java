package io.hatrack.delivery.sprints;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hatrack.kernel.web.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the sprint charts as JSON for {@code delivery-sprints.js}, and their text summaries
 * for readers who do not see the charts.
 */
public final class SprintCharts {
  private SprintCharts() {}

  /** A number as pages show it: "7", "2.5". */
  public static String num(double value) {
    return SprintMath.text(value);
  }

  static String burndown(SprintService.View v, Burndown.Result r) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "burndown");
    c.put("title", "Burndown and burnup of " + v.sprint().name());
    c.put("unit", v.scope().team().unitLabel());
    c.put("days", r.days().stream().map(Object::toString).toList());
    c.put("ideal", r.ideal());
    c.put("remaining", r.remaining());
    c.put("completed", r.completed());
    c.put("scope", r.scope());
    return write(c);
  }

  static String velocity(SprintReports.VelocityView v) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "velocity");
    c.put("title", "Velocity of " + v.scope().team().name());
    c.put("unit", v.scope().team().unitLabel());
    List<Velocity.Point> points = v.velocity().sprints();
    c.put("sprints", points.stream().map(Velocity.Point::name).toList());
    c.put("committed", points.stream().map(p -> SprintMath.tenth(p.committed())).toList());
    c.put("completed", points.stream().map(p -> SprintMath.tenth(p.completed())).toList());
    c.put("average", v.velocity().average());
    c.put("low", v.velocity().low());
    c.put("high", v.velocity().high());
    return write(c);
  }

  /** The burndown in one or two sentences. */
  public static String burndownSummary(SprintService.View v, Burndown.Result r) {
    String unit = v.scope().team().unitLabel();
    if (v.sprint().planned()) {
      return "The burndown starts when the sprint starts; "
          + SprintMath.text(v.load())
          + " "
          + unit
          + " are planned so far.";
    }
    int last = -1;
    for (int i = 0; i < r.days().size(); i++) {
      if (r.remaining().get(i) != null) {
        last = i;
      }
    }
    if (last < 0) {
      return "The sprint has not reached its first day yet.";
    }
    return "Committed "
        + SprintMath.text(r.committed())
        + " "
        + unit
        + "; on "
        + r.days().get(last)
        + " the scope was "
        + SprintMath.text(r.scope().get(last))
        + ", "
        + SprintMath.text(r.completed().get(last))
        + " completed and "
        + SprintMath.text(r.remaining().get(last))
        + " remaining (the ideal line was at "
        + SprintMath.text(r.ideal().get(last))
        + ").";
  }

  /** The velocity and the forecast in words. */
  public static String velocitySummary(SprintReports.VelocityView v) {
    Velocity.Result r = v.velocity();
    String unit = v.scope().team().unitLabel();
    if (r.empty()) {
      return "No closed sprints yet: velocity shows once the first sprint closes.";
    }
    StringBuilder s =
        new StringBuilder()
            .append("Over the last ")
            .append(r.sprints().size() == 1 ? "sprint" : r.sprints().size() + " sprints")
            .append(" the team completed ")
            .append(SprintMath.text(r.average()))
            .append(" ")
            .append(unit)
            .append(" per sprint on average (committed ")
            .append(SprintMath.text(r.committedAverage()))
            .append("); a slow sprint (P20) completes ")
            .append(SprintMath.text(r.low()))
            .append(", a good one (P80) ")
            .append(SprintMath.text(r.high()))
            .append(".");
    return s.toString();
  }

  /** The forecast in words, or null when none was asked. */
  public static String forecastSummary(SprintReports.VelocityView v) {
    if (v.forecastOf() == null) {
      return null;
    }
    Velocity.Forecast f = v.forecast();
    String unit = v.scope().team().unitLabel();
    if (f == null) {
      return "No forecast for " + v.forecastOf() + " without a velocity above zero.";
    }
    String what =
        v.forecastOf().endsWith(unit)
            ? v.forecastOf()
            : "the remaining "
                + SprintMath.text(f.remaining())
                + " "
                + unit
                + " of "
                + v.forecastOf();
    if (f.remaining() <= 0) {
      return "Nothing remains of " + v.forecastOf() + ".";
    }
    String range =
        f.most() == null
            ? "at least " + f.fewest() + " sprints (a slow pace of zero gives no upper bound)"
            : f.fewest() == f.most()
                ? f.fewest() + (f.fewest() == 1 ? " sprint" : " sprints")
                : "between " + f.fewest() + " and " + f.most() + " sprints";
    return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " need " + range + ".";
  }

  private static String write(Map<String, Object> c) {
    try {
      return Json.mapper().writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
