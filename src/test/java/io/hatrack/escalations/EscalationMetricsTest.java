package io.hatrack.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.escalations.SlaEvaluation.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Means, medians and compliance over escalations' clocks. */
class EscalationMetricsTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaTargets TARGETS = SlaTargets.ofMinutes(60, 240);

  /** An escalation answered after {@code response} minutes and resolved after {@code resolved}. */
  private static SlaEvaluation.State state(Integer response, Integer resolved, int now) {
    List<StatusChange> h =
        resolved == null
            ? List.of(new StatusChange(T0, EscalationStatus.NEW))
            : List.of(
                new StatusChange(T0, EscalationStatus.NEW),
                new StatusChange(T0.plusSeconds(60L * resolved), EscalationStatus.RESOLVED));
    return SlaEvaluation.evaluate(
        SlaClock.aroundTheClock(),
        TARGETS,
        h,
        response == null ? null : T0.plusSeconds(60L * response),
        T0.plusSeconds(60L * now));
  }

  @Test
  void meansAndMediansAreOverTheAnsweredAndResolvedOnes() {
    EscalationMetrics m =
        EscalationMetrics.of(
            List.of(
                state(10, 100, 1000),
                state(20, 200, 1000),
                state(90, 300, 1000),
                state(null, null, 30)));

    assertThat(m.escalations()).isEqualTo(4);
    assertThat(m.responded()).isEqualTo(3);
    assertThat(m.meanFirstResponse()).isEqualTo(Duration.ofMinutes(40));
    assertThat(m.medianFirstResponse()).isEqualTo(Duration.ofMinutes(20));
    assertThat(m.resolved()).isEqualTo(3);
    assertThat(m.meanResolution()).isEqualTo(Duration.ofMinutes(200));
    assertThat(m.medianResolution()).isEqualTo(Duration.ofMinutes(200));
  }

  @Test
  void complianceCountsMetAgainstBreachedAndLeavesOnTrackOnesOut() {
    EscalationMetrics m =
        EscalationMetrics.of(
            List.of(
                state(10, 100, 1000), // both met
                state(90, 300, 1000), // both breached
                state(20, null, 30), // first met, resolution still on track
                state(null, null, 500))); // both breached while open

    assertThat(m.firstResponseCompliance()).isEqualTo(200.0 / 4);
    assertThat(m.resolutionCompliance())
        .isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(
            EscalationMetrics.median(
                List.of(
                    Duration.ofMinutes(40),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(20),
                    Duration.ofMinutes(100))))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void noEscalationsGiveNoFigures() {
    EscalationMetrics m = EscalationMetrics.of(List.of());

    assertThat(m.escalations()).isZero();
    assertThat(m.meanFirstResponse()).isNull();
    assertThat(m.medianResolution()).isNull();
    assertThat(m.firstResponseCompliance()).isNull();
    assertThat(m.resolutionCompliance()).isNull();
  }
}
