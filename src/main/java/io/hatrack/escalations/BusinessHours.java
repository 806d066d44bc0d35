package io.hatrack.escalations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When an SLA clock runs under a business-hours policy: on the working weekdays from {@code start}
 * to {@code end} (local time in {@code zone}), except on holidays. A day's window is placed in the
 * zone as that day's clock shows it, so across a DST change it is an hour shorter or longer.
 */
public record BusinessHours(
    ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, Set<LocalDate> holidays) {

  public BusinessHours {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one working weekday");
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("the working day must end after it starts");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    holidays = Collections.unmodifiableSet(new TreeSet<>(holidays == null ? Set.of() : holidays));
  }

  /** Monday to Friday, {@code start} to {@code end}, no holidays. */
  public static BusinessHours weekdays(ZoneId zone, LocalTime start, LocalTime end) {
    return new BusinessHours(
        zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end, Set.of());
  }

  /** The same hours with these holidays. */
  public BusinessHours withHolidays(Set<LocalDate> days) {
    return new BusinessHours(zone, this.days, start, end, days);
  }

  public boolean workingDay(LocalDate day) {
    return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /** When work starts on {@code day} (a time in a DST gap moves forward, as clocks do). */
  public Instant opens(LocalDate day) {
    return ZonedDateTime.of(day, start, zone).toInstant();
  }

  /** When work ends on {@code day}. */
  public Instant closes(LocalDate day) {
    return ZonedDateTime.of(day, end, zone).toInstant();
  }
}
