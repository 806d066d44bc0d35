package io.hatrack.planning.teams;

import io.hatrack.kernel.Invalid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of calendar time that work is planned in: a quarter ({@code 2027-Q1}, label "2027 Q1"),
 * a month ({@code 2027-03}, "Mar 2027") or a team's sprint ({@code S12}).
 *
 * @param id how plans and the API name it
 * @param label how pages and the roadmap show it
 * @param start its first day
 * @param end its last day (included)
 */
public record PlanningPeriod(String id, String label, LocalDate start, LocalDate end) {
  private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-?Q([1-4])$");
  private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");

  public PlanningPeriod {
    if (end.isBefore(start)) {
      throw Invalid.field("period", "ends before it starts");
    }
  }

  /** A quarter ({@code 2027-Q1}) or a month ({@code 2027-03}); anything else is refused. */
  public static PlanningPeriod parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    Matcher q = QUARTER.matcher(t);
    if (q.matches()) {
      return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
    }
    Matcher m = MONTH.matcher(t);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        return month(YearMonth.of(Integer.parseInt(m.group(1)), month));
      }
    }
    throw Invalid.field(
        "periods", "\"" + text + "\" is not a quarter such as 2027-Q1 or a month such as 2027-03");
  }

  public static PlanningPeriod quarter(int year, int quarter) {
    LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return new PlanningPeriod(
        year + "-Q" + quarter, year + " Q" + quarter, start, start.plusMonths(3).minusDays(1));
  }

  public static PlanningPeriod month(YearMonth month) {
    String name = month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    return new PlanningPeriod(
        month.toString(), name + " " + month.getYear(), month.atDay(1), month.atEndOfMonth());
  }

  /** The quarter that holds {@code day}. */
  public static PlanningPeriod quarterOf(LocalDate day) {
    return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * The periods of one kind that overlap {@code from}..{@code to}: quarters, months, or sprints of
   * {@code sprintWeeks} weeks counted from {@code sprintStart} (sprint 1 starts there).
   */
  public static List<PlanningPeriod> covering(
      LocalDate from, LocalDate to, String kind, int sprintWeeks, LocalDate sprintStart) {
    if (to.isBefore(from)) {
      throw Invalid.field("to", "must not be before from");
    }
    List<PlanningPeriod> out = new ArrayList<>();
    switch (kind == null ? "quarter" : kind) {
      case "quarter" -> {
        for (PlanningPeriod p = quarterOf(from); !p.start().isAfter(to); ) {
          out.add(p);
          p = quarterOf(p.end().plusDays(1));
        }
      }
      case "month" -> {
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
          out.add(month(m));
        }
      }
      case "sprint" -> {
        long days = 7L * sprintWeeks;
        long first = Math.floorDiv(from.toEpochDay() - sprintStart.toEpochDay(), days);
        for (long n = Math.max(0, first); ; n++) {
          LocalDate start = sprintStart.plusDays(n * days);
          if (start.isAfter(to)) {
            break;
          }
          out.add(
              new PlanningPeriod(
                  "S" + (n + 1), "Sprint " + (n + 1), start, start.plusDays(days - 1)));
        }
      }
      default -> throw Invalid.field("period", "must be month, quarter or sprint");
    }
    if (out.size() > 400) {
      throw Invalid.field("to", "asks for more than 400 periods; choose a shorter span");
    }
    return out;
  }
}
