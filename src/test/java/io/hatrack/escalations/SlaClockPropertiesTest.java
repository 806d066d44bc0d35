package io.hatrack.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of business time over generated instants in 2026–2027 (two DST changes a year in New
 * York) with holidays: additive, never more than real time, and {@code plus} the inverse of {@code
 * between}.
 */
class SlaClockPropertiesTest {
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
  private static final long SPAN = 2L * 365 * 24 * 3600;

  private static final SlaClock CLOCK =
      SlaClock.of(
          BusinessHours.weekdays(
                  ZoneId.of("America/New_York"), LocalTime.of(8, 30), LocalTime.of(18, 0))
              .withHolidays(
                  Set.of(
                      LocalDate.parse("2026-07-03"),
                      LocalDate.parse("2026-11-26"),
                      LocalDate.parse("2026-12-25"),
                      LocalDate.parse("2027-01-01"))));

  private static Instant at(long offset) {
    return Instant.ofEpochSecond(START + offset);
  }

  @Property(tries = 300)
  void businessTimeIsAdditive(
      @ForAll @LongRange(min = 0, max = SPAN) long a,
      @ForAll @LongRange(min = 0, max = 3_000_000) long ab,
      @ForAll @LongRange(min = 0, max = 3_000_000) long bc) {
    Instant x = at(a);
    Instant y = x.plusSeconds(ab);
    Instant z = y.plusSeconds(bc);

    assertThat(CLOCK.between(x, z)).isEqualTo(CLOCK.between(x, y).plus(CLOCK.between(y, z)));
  }

  @Property(tries = 300)
  void businessTimeIsNeverMoreThanRealTime(
      @ForAll @LongRange(min = 0, max = SPAN) long a,
      @ForAll @LongRange(min = 0, max = 3_000_000) long length) {
    Instant from = at(a);
    Instant to = from.plusSeconds(length);

    assertThat(CLOCK.between(from, to)).isLessThanOrEqualTo(Duration.between(from, to));
  }

  @Property(tries = 300)
  void plusIsTheFirstInstantByWhichTheAmountHasPassed(
      @ForAll @LongRange(min = 0, max = SPAN) long a,
      @ForAll @IntRange(min = 1, max = 20_000) int minutes) {
    Instant from = at(a);
    Duration amount = Duration.ofMinutes(minutes);

    Instant due = CLOCK.plus(from, amount);

    assertThat(CLOCK.between(from, due)).isEqualTo(amount);
    assertThat(CLOCK.between(from, due.minusSeconds(1))).isLessThan(amount);
  }

  @Property(tries = 100)
  void aroundTheClockBusinessTimeIsRealTime(
      @ForAll @LongRange(min = 0, max = SPAN) long a,
      @ForAll @LongRange(min = 0, max = 3_000_000) long length) {
    Instant from = at(a);
    Instant to = from.plusSeconds(length);

    assertThat(SlaClock.aroundTheClock().between(from, to)).isEqualTo(Duration.between(from, to));
  }
}
