package io.hatrack.planning.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.planning.solver.PlanItem;
import io.hatrack.planning.teams.Team;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The problem the solver gets: scaled values, efforts and capacities, and items kept out. */
class PlanningInputsTest {
  private static final Team PAYMENTS =
      new Team(
          1,
          1,
          "payments",
          "Payments",
          "",
          "days",
          2,
          LocalDate.parse("2027-01-04"),
          1,
          Instant.EPOCH,
          Instant.EPOCH,
          1);

  private static PlanningInputs.Candidate candidate(
      String key, Double score, Map<Long, Double> effort, String... dependsOn) {
    return new PlanningInputs.Candidate(
        key.hashCode(), key, key, score, effort, null, List.of(dependsOn));
  }

  @Test
  void valuesAreScoresTimesAHundredAndEffortsAndCapacitiesTenthsRoundedSafely() {
    PlanningInputs.Built b =
        PlanningInputs.build(
            PlanRequest.of(null, List.of("2027-Q1", "2027-Q2")),
            ScenarioChanges.none(),
            List.of(PAYMENTS),
            "RICE",
            List.of(
                candidate("CHK-1", 12.345, Map.of(1L, 2.51), "CHK-2"),
                candidate("CHK-2", 3.0, Map.of(1L, 1.0)),
                candidate("CHK-3", null, Map.of(1L, 1.0)),
                candidate("CHK-4", 1.0, Map.of(2L, 1.0))),
            (team, period) -> period.id().equals("2027-Q1") ? 10.05 : 0.0);

    PlanItem one = b.problem().items().get(0);
    assertThat(one.value()).isEqualTo(1235);
    assertThat(one.effort()).containsEntry("Payments", 26);
    assertThat(b.problem().periods().get(0).capacityOf("Payments")).isEqualTo(100);
    assertThat(b.problem().dependencies())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.item()).isEqualTo("CHK-1");
              assertThat(d.dependsOn()).isEqualTo("CHK-2");
            });
    assertThat(b.notPlanned())
        .containsEntry("CHK-3", "Not scored with RICE.")
        .containsEntry("CHK-4", "Its effort is for teams outside this plan.");
  }

  @Test
  void scenarioChangesMoveCapacityButNeverBelowZeroAndNameUnknownTeamsAndPeriods() {
    ScenarioChanges less =
        new ScenarioChanges(
            null,
            List.of(new ScenarioChanges.CapacityChange("payments", "2027-q1", -50.0)),
            List.of("CHK-1"),
            Map.of());
    PlanningInputs.Built b =
        PlanningInputs.build(
            PlanRequest.of(null, List.of("2027-Q1")),
            less,
            List.of(PAYMENTS),
            "RICE",
            List.of(candidate("CHK-1", 1.0, Map.of(1L, 1.0))),
            (team, period) -> 20.0);

    assertThat(b.capacity().get("2027-Q1")).containsEntry(1L, 0.0);
    assertThat(b.problem().items().get(0).excluded()).isTrue();
    assertThatThrownBy(
            () ->
                PlanningInputs.build(
                    PlanRequest.of(null, List.of("2027-Q1")),
                    new ScenarioChanges(
                        null,
                        List.of(new ScenarioChanges.CapacityChange("mobile", "2027-Q1", 1.0)),
                        null,
                        null),
                    List.of(PAYMENTS),
                    "RICE",
                    List.of(),
                    (team, period) -> 20.0))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("mobile");
  }

  @Test
  void theSolversWholeUnitsReadInTheTeamsUnit() {
    assertThat(
            PlanningInputs.inTeamUnits(
                "No room: team Payments is full in 2027-Q1 (35 of 195 units left)."))
        .isEqualTo("No room: team Payments is full in 2027-Q1 (3.5 left, 19.5 needed).");
    assertThat(
            PlanningInputs.inTeamUnits(
                "Pinned items A, B need 700 units of team Payments in 2027-Q1, which has only 640."))
        .isEqualTo("Pinned items A, B need 70 of team Payments in 2027-Q1, which has only 64.");
    assertThat(PlanningInputs.inTeamUnits("Excluded from the plan."))
        .isEqualTo("Excluded from the plan.");
  }
}
