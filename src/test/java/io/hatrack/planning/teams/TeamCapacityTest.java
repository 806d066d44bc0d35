package io.hatrack.planning.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacity maths on fixed dates: working days, part time, holidays and period boundaries. */
class TeamCapacityTest {
  private static final PlanningPeriod Q1 = PlanningPeriod.parse("2027-Q1");

  private static DateRange days(String first, String last) {
    return new DateRange(LocalDate.parse(first), LocalDate.parse(last));
  }

  private static TeamCapacity.Member fullTime(long id, DateRange... off) {
    return new TeamCapacity.Member(id, 100, List.of(off));
  }

  @Test
  void workingDaysAreMondayToFridayWithBothEndsIncluded() {
    assertThat(TeamCapacity.workingDays(Q1.start(), Q1.end())).isEqualTo(64);
    // Friday 1 January 2027 to Monday 4 January: Friday and Monday.
    assertThat(
            TeamCapacity.workingDays(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-04")))
        .isEqualTo(2);
    assertThat(
            TeamCapacity.workingDays(LocalDate.parse("2027-01-02"), LocalDate.parse("2027-01-03")))
        .isZero();
  }

  @Test
  void aFullTimeMemberGivesEveryWorkingDayOfTheQuarter() {
    TeamCapacity.Result r = TeamCapacity.of(Q1, List.of(fullTime(1)), List.of(), false, 1);

    assertThat(r.workingDays()).isEqualTo(64);
    assertThat(r.personDays()).isEqualTo(64.0);
    assertThat(r.capacity()).isEqualTo(64.0);
  }

  @Test
  void partTimeMembersGiveTheirShareExactly() {
    List<TeamCapacity.Member> members =
        List.of(
            new TeamCapacity.Member(1, 50, List.of()),
            new TeamCapacity.Member(2, 30, List.of()),
            fullTime(3));

    // January 2027 has 21 working days: 21 × (0.5 + 0.3 + 1).
    assertThat(
            TeamCapacity.personDays(
                members, List.of(), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31")))
        .isEqualTo(37.8);
  }

  @Test
  void teamHolidaysCountForEveryoneOnceAndOnlyOnWorkingDays() {
    // 24 Dec 2027 (Fri) to 2 Jan 2028 (Sun): six working days in December, none in January.
    DateRange christmas = days("2027-12-24", "2028-01-02");
    PlanningPeriod december = PlanningPeriod.parse("2027-12");
    PlanningPeriod january = PlanningPeriod.parse("2028-01");
    List<TeamCapacity.Member> two =
        List.of(fullTime(1, days("2027-12-27", "2027-12-31")), fullTime(2));

    TeamCapacity.Result dec = TeamCapacity.of(december, two, List.of(christmas), false, 1);
    TeamCapacity.Result jan = TeamCapacity.of(january, two, List.of(christmas), false, 1);

    assertThat(dec.workingDays()).isEqualTo(23);
    assertThat(dec.holidays()).isEqualTo(6);
    // Member 1's days off fall inside the holiday: not taken off twice.
    assertThat(dec.personDays()).isEqualTo(2 * 17.0);
    assertThat(jan.holidays()).isZero();
    assertThat(jan.personDays()).isEqualTo(2 * 21.0);
  }

  @Test
  void daysOffAcrossAPeriodBoundaryCountOnlyTheirPartInsideIt() {
    // Tuesday 30 March to Friday 2 April 2027: two days in Q1, two in Q2.
    TeamCapacity.Member away = fullTime(1, days("2027-03-30", "2027-04-02"));
    PlanningPeriod q2 = PlanningPeriod.parse("2027-Q2");

    assertThat(TeamCapacity.of(Q1, List.of(away), List.of(), false, 1).personDays())
        .isEqualTo(62.0);
    assertThat(TeamCapacity.of(q2, List.of(away), List.of(), false, 1).personDays())
        .isEqualTo(63.0);
  }

  @Test
  void aPointsTeamTurnsPersonDaysIntoPoints() {
    TeamCapacity.Result r =
        TeamCapacity.of(
            PlanningPeriod.parse("2027-02"),
            List.of(new TeamCapacity.Member(1, 50, List.of())),
            List.of(),
            true,
            1.5);

    assertThat(r.personDays()).isEqualTo(10.0);
    assertThat(r.capacity()).isEqualTo(15.0);
  }

  @Test
  void aTeamWithoutMembersHasNoCapacity() {
    assertThat(TeamCapacity.of(Q1, List.of(), List.of(), false, 1).capacity()).isZero();
  }

  @Test
  void periodsParseQuartersAndMonthsAndRefuseAnythingElse() {
    assertThat(PlanningPeriod.parse("2027-q2"))
        .isEqualTo(
            new PlanningPeriod(
                "2027-Q2",
                "2027 Q2",
                LocalDate.parse("2027-04-01"),
                LocalDate.parse("2027-06-30")));
    assertThat(PlanningPeriod.parse("2028-02").end()).isEqualTo(LocalDate.parse("2028-02-29"));
    assertThat(PlanningPeriod.parse("2028-02").label()).isEqualTo("Feb 2028");
    assertThatThrownBy(() -> PlanningPeriod.parse("2027-Q5")).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> PlanningPeriod.parse("2027-13")).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> PlanningPeriod.parse("next quarter"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("2027-Q1");
  }

  @Test
  void coveringASpanGivesWholeQuartersMonthsOrSprints() {
    LocalDate from = LocalDate.parse("2027-02-15");
    LocalDate to = LocalDate.parse("2027-04-10");
    LocalDate sprintStart = LocalDate.parse("2027-01-04");

    assertThat(PlanningPeriod.covering(from, to, "quarter", 2, sprintStart))
        .extracting(PlanningPeriod::id)
        .containsExactly("2027-Q1", "2027-Q2");
    assertThat(PlanningPeriod.covering(from, to, "month", 2, sprintStart))
        .extracting(PlanningPeriod::id)
        .containsExactly("2027-02", "2027-03", "2027-04");
    List<PlanningPeriod> sprints = PlanningPeriod.covering(from, to, "sprint", 2, sprintStart);
    // Sprint 4 runs 15–28 February; sprint 8 starts 12 April, after the span.
    assertThat(sprints).extracting(PlanningPeriod::id).containsExactly("S4", "S5", "S6", "S7");
    assertThat(sprints.get(0).start()).isEqualTo(LocalDate.parse("2027-02-15"));
    assertThat(sprints.get(0).end()).isEqualTo(LocalDate.parse("2027-02-28"));
    assertThatThrownBy(() -> PlanningPeriod.covering(to, from, "month", 2, sprintStart))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> PlanningPeriod.covering(from, to, "week", 2, sprintStart))
        .isInstanceOf(Invalid.class);
  }
}
