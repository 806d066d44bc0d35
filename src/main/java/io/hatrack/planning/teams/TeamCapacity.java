package io.hatrack.planning.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * A team's capacity in a period, without I/O. In person-days: for each member, the working days
 * (Monday to Friday) of the period that are neither a team holiday nor one of their own days off,
 * times their allocation (a part-time member at 50 % gives half a day per working day); summed over
 * the members. A team that estimates in points has that many person-days times its points per
 * person-day.
 */
public final class TeamCapacity {
  private TeamCapacity() {}

  /** A member as the capacity sees them: their allocation in per cent and their days off. */
  public record Member(long userId, int allocation, List<DateRange> daysOff) {
    public Member {
      daysOff = List.copyOf(daysOff);
    }
  }

  /** The capacity of a period, with what it is made of. */
  public record Result(
      PlanningPeriod period, int workingDays, int holidays, double personDays, double capacity) {}

  /** Monday to Friday from {@code start} to {@code end}, both included. */
  public static int workingDays(LocalDate start, LocalDate end) {
    int n = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  static boolean isWorkingDay(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** Person-days of {@code members} in {@code period}, given the team's holidays. */
  public static double personDays(
      List<Member> members, List<DateRange> holidays, LocalDate start, LocalDate end) {
    // Whole per cents, so part-time sums stay exact until the one division at the end.
    long percent = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (!isWorkingDay(d) || covered(holidays, d)) {
        continue;
      }
      for (Member m : members) {
        if (!covered(m.daysOff(), d)) {
          percent += m.allocation();
        }
      }
    }
    return percent / 100.0;
  }

  /**
   * The capacity of {@code period} in the team's unit: person-days, or person-days × {@code
   * pointsPerDay} for a team that estimates in points.
   */
  public static Result of(
      PlanningPeriod period,
      List<Member> members,
      List<DateRange> holidays,
      boolean points,
      double pointsPerDay) {
    int working = workingDays(period.start(), period.end());
    int holidayDays = 0;
    for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusDays(1)) {
      if (isWorkingDay(d) && covered(holidays, d)) {
        holidayDays++;
      }
    }
    double days = personDays(members, holidays, period.start(), period.end());
    return new Result(period, working, holidayDays, days, points ? days * pointsPerDay : days);
  }

  private static boolean covered(List<DateRange> ranges, LocalDate d) {
    for (DateRange r : ranges) {
      if (r.contains(d)) {
        return true;
      }
    }
    return false;
  }
}
