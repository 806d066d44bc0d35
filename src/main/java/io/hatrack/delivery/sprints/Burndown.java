package io.hatrack.delivery.sprints;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A sprint's burndown and burnup, without I/O. For each day from the first to the last: the scope
 * (points of the items in the sprint at the end of that day: the commitment, plus items added,
 * minus items removed), the completed points (of those, the ones in a done state at the end of the
 * day), and what remains (scope − completed). The ideal line runs from the committed points on the
 * first day to zero on the last, going down only on working days (Monday to Friday). Days after
 * {@code today} have no actual values yet.
 */
public final class Burndown {
  private Burndown() {}

  /** A change of an item's done state on a day (the last change of a day wins). */
  public record Event(LocalDate day, boolean done) {}

  /**
   * An item of the sprint.
   *
   * @param joined the day it was added after the start, or null when it was committed
   * @param left the day it was removed, or null
   * @param doneAtStart whether it counted as done before its first event
   * @param events its done-state changes, oldest first
   */
  public record Entry(
      double points, LocalDate joined, LocalDate left, boolean doneAtStart, List<Event> events) {
    public Entry {
      events = List.copyOf(events);
    }

    boolean inScope(LocalDate day) {
      return (joined == null || !joined.isAfter(day)) && (left == null || left.isAfter(day));
    }

    boolean doneBy(LocalDate day) {
      boolean done = doneAtStart;
      for (Event e : events) {
        if (e.day().isAfter(day)) {
          break;
        }
        done = e.done();
      }
      return done;
    }
  }

  /** The lines of the two charts, one value per day; actual values are null after today. */
  public record Result(
      List<LocalDate> days,
      double committed,
      List<Double> ideal,
      List<Double> remaining,
      List<Double> completed,
      List<Double> scope) {}

  public static Result of(LocalDate start, LocalDate end, LocalDate today, List<Entry> items) {
    double committed = 0;
    for (Entry e : items) {
      if (e.joined() == null) {
        committed += e.points();
      }
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      days.add(d);
    }
    // Working days after the first: each takes an equal share of the ideal line down.
    int steps = 0;
    for (int i = 1; i < days.size(); i++) {
      steps += working(days.get(i)) ? 1 : 0;
    }
    List<Double> ideal = new ArrayList<>();
    List<Double> remaining = new ArrayList<>();
    List<Double> completed = new ArrayList<>();
    List<Double> scope = new ArrayList<>();
    int done = 0;
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = days.get(i);
      if (i > 0 && working(d)) {
        done++;
      }
      ideal.add(SprintMath.tenth(steps == 0 ? 0 : committed * (steps - done) / steps));
      if (d.isAfter(today)) {
        remaining.add(null);
        completed.add(null);
        scope.add(null);
        continue;
      }
      double s = 0;
      double c = 0;
      for (Entry e : items) {
        if (e.inScope(d)) {
          s += e.points();
          if (e.doneBy(d)) {
            c += e.points();
          }
        }
      }
      scope.add(SprintMath.tenth(s));
      completed.add(SprintMath.tenth(c));
      remaining.add(SprintMath.tenth(s - c));
    }
    return new Result(days, SprintMath.tenth(committed), ideal, remaining, completed, scope);
  }

  static boolean working(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
