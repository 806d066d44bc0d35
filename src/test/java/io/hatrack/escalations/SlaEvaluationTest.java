package io.hatrack.escalations;

import static io.hatrack.escalations.EscalationStatus.CLOSED;
import static io.hatrack.escalations.EscalationStatus.INVESTIGATING;
import static io.hatrack.escalations.EscalationStatus.NEW;
import static io.hatrack.escalations.EscalationStatus.RESOLVED;
import static io.hatrack.escalations.EscalationStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.escalations.SlaEvaluation.State;
import io.hatrack.escalations.SlaEvaluation.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA clocks of an escalation from its status history, at fixed instants. */
class SlaEvaluationTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final SlaTargets ONE_AND_FOUR_HOURS = SlaTargets.ofMinutes(60, 240);
  private static final SlaClock ALWAYS = SlaClock.aroundTheClock();

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** A history: opened at T0, then pairs of (minutes after T0, status). */
  private static List<StatusChange> history(Object... moves) {
    List<StatusChange> out = new ArrayList<>();
    out.add(new StatusChange(T0, NEW));
    for (int i = 0; i < moves.length; i += 2) {
      out.add(new StatusChange(at((Integer) moves[i]), (EscalationStatus) moves[i + 1]));
    }
    return out;
  }

  private static State at(List<StatusChange> history, Instant response, int now) {
    return SlaEvaluation.evaluate(ALWAYS, ONE_AND_FOUR_HOURS, history, response, at(now));
  }

  @Test
  void aNewEscalationIsOnTrackWithBothClocksRunning() {
    State s = at(history(), null, 20);

    assertThat(s.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(20));
    assertThat(s.firstResponse().dueAt()).isEqualTo(at(60));
    assertThat(s.resolution().dueAt()).isEqualTo(at(240));
    assertThat(s.overall()).isEqualTo(SlaStatus.ON_TRACK);
    assertThat(s.paused()).isFalse();
  }

  @Test
  void theFirstCustomerUpdateStopsTheFirstResponseClock() {
    State s = at(history(10, INVESTIGATING), at(30), 120);

    assertThat(s.firstResponse().stopped()).isTrue();
    assertThat(s.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.firstResponse().status()).isEqualTo(SlaStatus.MET);
    assertThat(s.firstResponse().dueAt()).isNull();
    assertThat(s.responded()).isTrue();
    assertThat(s.resolution().elapsed()).isEqualTo(Duration.ofMinutes(120));
  }

  @Test
  void waitingOnTheCustomerPausesTheClocksAndTheyResumeAfterwards() {
    List<StatusChange> h = history(10, INVESTIGATING, 60, WAITING_ON_CUSTOMER, 180, INVESTIGATING);

    State waiting = at(h.subList(0, 3), at(30), 170);
    State muchLater = at(h.subList(0, 3), at(30), 10_000);
    State resumed = at(h, at(30), 240);

    assertThat(waiting.paused()).isTrue();
    assertThat(waiting.resolution().elapsed()).isEqualTo(Duration.ofMinutes(60));
    assertThat(waiting.resolution().dueAt()).isNull();
    assertThat(muchLater.resolution().elapsed()).isEqualTo(Duration.ofMinutes(60));
    assertThat(muchLater.overall()).isEqualTo(SlaStatus.MET.worst(SlaStatus.ON_TRACK));
    assertThat(resumed.paused()).isFalse();
    assertThat(resumed.resolution().elapsed()).isEqualTo(Duration.ofMinutes(120));
    assertThat(resumed.resolution().dueAt()).isEqualTo(at(240 + 120));
  }

  @Test
  void threeQuartersOfATargetUsedIsBreachingSoon() {
    State before = at(history(5, INVESTIGATING), at(20), 179);
    State soon = at(history(5, INVESTIGATING), at(20), 180);

    assertThat(before.resolution().status()).isEqualTo(SlaStatus.ON_TRACK);
    assertThat(soon.resolution().status()).isEqualTo(SlaStatus.BREACHING_SOON);
    assertThat(soon.resolution().usedPercent()).isEqualTo(75.0);
    assertThat(soon.overall()).isEqualTo(SlaStatus.BREACHING_SOON);
  }

  @Test
  void pastTheTargetIsBreachedAndDueAtTheInstantItWasCrossed() {
    State s = at(history(5, INVESTIGATING), at(20), 300);

    assertThat(s.resolution().status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(s.resolution().dueAt()).isEqualTo(at(240));
    assertThat(s.resolution().left()).isEqualTo(Duration.ofMinutes(-60));
    assertThat(s.overall()).isEqualTo(SlaStatus.BREACHED);
  }

  @Test
  void aLateFirstResponseStaysBreachedAfterTheUpdate() {
    State s = at(history(5, INVESTIGATING), at(90), 100);

    assertThat(s.firstResponse().stopped()).isTrue();
    assertThat(s.firstResponse().status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(s.firstResponse().dueAt()).isEqualTo(at(60));
  }

  @Test
  void resolvingStopsTheResolutionClockAndReopeningRunsItAgain() {
    State resolved = at(history(5, INVESTIGATING, 60, RESOLVED), at(20), 600);
    State reopened = at(history(5, INVESTIGATING, 60, RESOLVED, 300, INVESTIGATING), at(20), 360);
    State closed = at(history(5, INVESTIGATING, 60, RESOLVED, 120, CLOSED), at(20), 6000);

    assertThat(resolved.resolution().stopped()).isTrue();
    assertThat(resolved.resolution().elapsed()).isEqualTo(Duration.ofMinutes(60));
    assertThat(resolved.overall()).isEqualTo(SlaStatus.MET);
    assertThat(reopened.resolution().stopped()).isFalse();
    assertThat(reopened.resolution().elapsed()).isEqualTo(Duration.ofMinutes(120));
    assertThat(closed.resolution().elapsed()).isEqualTo(Duration.ofMinutes(60));
    assertThat(closed.resolution().status()).isEqualTo(SlaStatus.MET);
  }

  @Test
  void resolvedWithoutACustomerUpdateStopsTheFirstResponseClockWithoutAResponse() {
    State s = at(history(30, RESOLVED), null, 500);

    assertThat(s.firstResponse().stopped()).isTrue();
    assertThat(s.firstResponse().status()).isEqualTo(SlaStatus.MET);
    assertThat(s.responded()).isFalse();
  }

  @Test
  void inBusinessHoursTheWeekendDoesNotCountTowardsTheTarget() {
    Instant friday = SlaClockTest.berlin("2026-12-04T16:00");
    List<StatusChange> h = List.of(new StatusChange(friday, NEW));

    State monday =
        SlaEvaluation.evaluate(
            SlaClockTest.OFFICE,
            ONE_AND_FOUR_HOURS,
            h,
            null,
            SlaClockTest.berlin("2026-12-07T10:00"));

    assertThat(monday.resolution().elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(monday.resolution().dueAt()).isEqualTo(SlaClockTest.berlin("2026-12-07T12:00"));
    assertThat(monday.firstResponse().status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(monday.firstResponse().dueAt()).isEqualTo(SlaClockTest.berlin("2026-12-04T17:00"));
  }
}
