package io.hatrack.escalations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Business time: how much of the time between two instants an SLA clock counts (all of it around
 * the clock, only the working windows under {@link BusinessHours}), and when a given amount of
 * business time will have passed. Pure: no I/O, no clock of its own.
 */
public final class SlaClock {
  /** How far ahead {@link #plus} looks for working time before giving up (ten years). */
  static final int MAX_DAYS = 3_660;

  private final BusinessHours hours;

  private SlaClock(BusinessHours hours) {
    this.hours = hours;
  }

  /** A clock that counts every second. */
  public static SlaClock aroundTheClock() {
    return new SlaClock(null);
  }

  /** A clock that counts only {@code hours}' working windows. */
  public static SlaClock of(BusinessHours hours) {
    return new SlaClock(Objects.requireNonNull(hours, "hours"));
  }

  /** A clock for optional business hours: around the clock when {@code hours} is null. */
  public static SlaClock ofNullable(BusinessHours hours) {
    return new SlaClock(hours);
  }

  /** The business hours, or null around the clock. */
  public BusinessHours hours() {
    return hours;
  }

  /** A stretch of time from {@code from} to {@code to} ({@code to} after {@code from}). */
  public record Span(Instant from, Instant to) {
    public Span {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("a span ends after it starts: " + from + " > " + to);
      }
    }
  }

  /** The business time from {@code from} to {@code to}; zero when {@code to} is not after it. */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (hours == null) {
      return Duration.between(from, to);
    }
    Duration sum = Duration.ZERO;
    // From the day before, so that no window reaching `from` is missed whatever the offset.
    LocalDate day = LocalDate.ofInstant(from, hours.zone()).minusDays(1);
    LocalDate last = LocalDate.ofInstant(to, hours.zone());
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!hours.workingDay(day)) {
        continue;
      }
      Instant a = max(from, hours.opens(day));
      Instant b = min(to, hours.closes(day));
      if (b.isAfter(a)) {
        sum = sum.plus(Duration.between(a, b));
      }
    }
    return sum;
  }

  /** The business time within the spans, none counted twice if they do not overlap. */
  public Duration within(List<Span> spans) {
    Duration sum = Duration.ZERO;
    for (Span s : spans) {
      sum = sum.plus(between(s.from(), s.to()));
    }
    return sum;
  }

  /**
   * The first instant by which {@code amount} of business time has passed since {@code from}: the
   * due time of a target. Zero or a negative amount is due at {@code from}.
   */
  public Instant plus(Instant from, Duration amount) {
    if (amount.isNegative() || amount.isZero()) {
      return from;
    }
    if (hours == null) {
      return from.plus(amount);
    }
    Duration left = amount;
    // From the day before, as in between(), so that the two agree to the nanosecond.
    LocalDate day = LocalDate.ofInstant(from, hours.zone()).minusDays(1);
    for (int i = 0; i <= MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!hours.workingDay(day)) {
        continue;
      }
      Instant a = max(from, hours.opens(day));
      Instant b = hours.closes(day);
      if (!b.isAfter(a)) {
        continue;
      }
      Duration window = Duration.between(a, b);
      if (left.compareTo(window) <= 0) {
        return a.plus(left);
      }
      left = left.minus(window);
    }
    throw new IllegalArgumentException("no working time within ten years of " + from);
  }

  /**
   * When the business time within {@code spans} (in order, not overlapping) reaches {@code amount},
   * or null if it does not within them.
   */
  public Instant reached(List<Span> spans, Duration amount) {
    Duration left = amount;
    for (Span s : spans) {
      Duration in = between(s.from(), s.to());
      if (in.compareTo(left) >= 0) {
        return plus(s.from(), left);
      }
      left = left.minus(in);
    }
    return null;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
