package io.hatrack.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business time across days, weekends, holidays, time zones and DST changes, at fixed instants. */
class SlaClockTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Monday to Friday, 09:00 to 17:00 in Berlin. */
  static final SlaClock OFFICE =
      SlaClock.of(BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0)));

  /** A local time in Berlin, e.g. {@code berlin("2026-11-30T16:00")}. */
  static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void aroundTheClockEverySecondCounts() {
    SlaClock clock = SlaClock.aroundTheClock();

    assertThat(clock.between(utc("2026-11-30T10:00:00Z"), utc("2026-12-01T10:00:00Z")))
        .isEqualTo(Duration.ofHours(24));
    assertThat(clock.plus(utc("2026-11-28T23:30:00Z"), Duration.ofHours(1)))
        .isEqualTo(utc("2026-11-29T00:30:00Z"));
  }

  @Test
  void aroundTheClockAcrossTheSpringDstChangeCountsRealTimeNotWallClockTime() {
    // 01:00 CET to 04:00 CEST on 29 March 2026 is two real hours.
    assertThat(
            SlaClock.aroundTheClock()
                .between(berlin("2026-03-29T01:00"), berlin("2026-03-29T04:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void anEmptyOrBackwardSpanHasNoBusinessTime() {
    Instant t = berlin("2026-11-30T10:00");

    assertThat(OFFICE.between(t, t)).isZero();
    assertThat(OFFICE.between(t, t.minusSeconds(60))).isZero();
    assertThat(OFFICE.plus(t, Duration.ZERO)).isEqualTo(t);
  }

  @Test
  void withinOneWorkingDayTheTimeIsTheRealTime() {
    assertThat(OFFICE.between(berlin("2026-11-30T10:15"), berlin("2026-11-30T13:45")))
        .isEqualTo(Duration.ofMinutes(210));
  }

  @Test
  void acrossADayBoundaryOnlyTheWorkingHoursOfEachDayCount() {
    // Monday 16:00 to Tuesday 10:00: one hour on Monday, one on Tuesday.
    assertThat(OFFICE.between(berlin("2026-11-30T16:00"), berlin("2026-12-01T10:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void timeOutsideTheWorkingHoursDoesNotCount() {
    assertThat(OFFICE.between(berlin("2026-11-30T07:00"), berlin("2026-11-30T08:59"))).isZero();
    assertThat(OFFICE.between(berlin("2026-11-30T17:30"), berlin("2026-12-01T08:30"))).isZero();
    assertThat(OFFICE.between(berlin("2026-11-30T08:00"), berlin("2026-11-30T10:00")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(OFFICE.between(berlin("2026-11-30T16:30"), berlin("2026-11-30T20:00")))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aWeekendDoesNotCount() {
    // Friday 16:00 to Monday 10:00.
    assertThat(OFFICE.between(berlin("2026-12-04T16:00"), berlin("2026-12-07T10:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(OFFICE.between(berlin("2026-12-05T00:00"), berlin("2026-12-07T00:00"))).isZero();
  }

  @Test
  void aFullWeekOfOfficeHoursIsFortyHours() {
    assertThat(OFFICE.between(berlin("2026-11-30T00:00"), berlin("2026-12-07T00:00")))
        .isEqualTo(Duration.ofHours(40));
  }

  @Test
  void aHolidayDoesNotCount() {
    SlaClock christmas =
        SlaClock.of(
            BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0))
                .withHolidays(Set.of(LocalDate.parse("2026-12-25"))));

    // Thursday 24th 16:00 to Monday 28th 10:00, Friday the 25th off.
    assertThat(christmas.between(berlin("2026-12-24T16:00"), berlin("2026-12-28T10:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(christmas.plus(berlin("2026-12-24T16:30"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-12-28T09:30"));
  }

  @Test
  void theSameInstantsCountDifferentlyInAnotherTimeZone() {
    SlaClock newYork =
        SlaClock.of(BusinessHours.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    Instant from = utc("2026-11-30T14:00:00Z"); // 09:00 in New York, 15:00 in Berlin
    Instant to = utc("2026-11-30T22:00:00Z"); // 17:00 in New York, 23:00 in Berlin

    assertThat(newYork.between(from, to)).isEqualTo(Duration.ofHours(8));
    assertThat(OFFICE.between(from, to)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void officeHoursAcrossTheSpringDstChangeStayEightHoursADay() {
    // Friday 27 March 16:00 CET to Monday 30 March 10:00 CEST: two working hours, though the
    // wall clock jumped an hour over the weekend.
    assertThat(OFFICE.between(berlin("2026-03-27T16:00"), berlin("2026-03-30T10:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(OFFICE.plus(berlin("2026-03-27T16:00"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-03-30T08:00:00Z"));
  }

  @Test
  void aWindowAcrossTheDstChangeIsAnHourShorterInSpringAndLongerInAutumn() {
    SlaClock night =
        SlaClock.of(
            new BusinessHours(
                BERLIN,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(1, 0),
                LocalTime.of(4, 0),
                Set.of()));

    assertThat(night.between(utc("2026-03-28T22:00:00Z"), utc("2026-03-29T12:00:00Z")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(night.between(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T22:00:00Z")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(night.between(utc("2026-03-28T00:00:00Z"), utc("2026-03-29T00:00:00Z")))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aTargetFallsDueInTheNextWorkingWindow() {
    // From Friday 16:00, two working hours end on Monday at 10:00.
    assertThat(OFFICE.plus(berlin("2026-12-04T16:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-12-07T10:00"));
    // From Saturday, the clock starts on Monday at 09:00.
    assertThat(OFFICE.plus(berlin("2026-12-05T11:00"), Duration.ofMinutes(30)))
        .isEqualTo(berlin("2026-12-07T09:30"));
    // Exactly a working day from 09:00 is due at 17:00 the same day, not the next morning.
    assertThat(OFFICE.plus(berlin("2026-11-30T09:00"), Duration.ofHours(8)))
        .isEqualTo(berlin("2026-11-30T17:00"));
    // Forty hours from Monday morning end on Friday evening.
    assertThat(OFFICE.plus(berlin("2026-11-30T09:00"), Duration.ofHours(40)))
        .isEqualTo(berlin("2026-12-04T17:00"));
  }

  @Test
  void reachedWalksThroughSpansWithGapsBetweenThem() {
    SlaClock clock = SlaClock.aroundTheClock();
    List<SlaClock.Span> spans =
        List.of(
            new SlaClock.Span(utc("2026-11-30T10:00:00Z"), utc("2026-11-30T11:00:00Z")),
            new SlaClock.Span(utc("2026-11-30T14:00:00Z"), utc("2026-11-30T16:00:00Z")));

    assertThat(clock.within(spans)).isEqualTo(Duration.ofHours(3));
    assertThat(clock.reached(spans, Duration.ofMinutes(90))).isEqualTo(utc("2026-11-30T14:30:00Z"));
    assertThat(clock.reached(spans, Duration.ofHours(1))).isEqualTo(utc("2026-11-30T11:00:00Z"));
    assertThat(clock.reached(spans, Duration.ofHours(4))).isNull();
  }

  @Test
  void businessHoursNeedAWorkingDayAndAnEndAfterTheStart() {
    assertThatThrownBy(
            () ->
                new BusinessHours(
                    BERLIN,
                    EnumSet.noneOf(DayOfWeek.class),
                    LocalTime.of(9, 0),
                    LocalTime.of(17, 0),
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> BusinessHours.weekdays(BERLIN, LocalTime.of(17, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
