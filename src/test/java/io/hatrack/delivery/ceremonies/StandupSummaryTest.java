package io.hatrack.delivery.ceremonies;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.planning.teams.DateRange;
import io.hatrack.planning.teams.DayOff;
import io.hatrack.planning.teams.TeamMember;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandupSummaryTest {
  private static final LocalDate WED = LocalDate.parse("2027-03-03");
  private static final TeamMember ANA = new TeamMember(1, "ana", "Ana", 100);
  private static final TeamMember BEN = new TeamMember(2, "ben", "Ben", 100);
  private static final TeamMember CHLOE = new TeamMember(3, "chloe", "Chloe", 50);

  private static StandupEntry entry(TeamMember m, LocalDate day, String today) {
    return new StandupEntry(
        m.userId(),
        1,
        m.userId(),
        m.name(),
        m.handle(),
        day,
        "",
        today,
        List.of(),
        Instant.EPOCH,
        Instant.EPOCH,
        1);
  }

  private static Blocker blocker(long id, LocalDate day, Instant resolvedAt) {
    return new Blocker(id, 1, 2, "Ben", day, "Blocked " + id, resolvedAt, null, null, 1);
  }

  @Test
  void membersOffThatDayAreNotExpectedAndTheRestWhoHaveNotPostedAreMissing() {
    DayOff chloeOff = new DayOff(1, 3L, "Chloe", new DateRange(WED, WED.plusDays(2)), "");

    StandupSummary s =
        StandupSummary.of(
            WED,
            List.of(ANA, BEN, CHLOE),
            List.of(chloeOff),
            List.of(entry(ANA, WED, "Plans")),
            List.of());

    assertThat(s.workingDay()).isTrue();
    assertThat(s.posted()).containsExactly(ANA);
    assertThat(s.missing()).containsExactly(BEN);
    assertThat(s.off()).containsExactly(CHLOE);
    assertThat(s.plans()).containsExactly(new StandupSummary.Plan("Ana", "Plans"));
  }

  @Test
  void nobodyIsMissingOnAWeekendOrATeamHoliday() {
    LocalDate saturday = LocalDate.parse("2027-03-06");
    DayOff holiday = new DayOff(1, null, null, new DateRange(WED, WED), "Company day");

    StandupSummary weekend =
        StandupSummary.of(saturday, List.of(ANA, BEN), List.of(), List.of(), List.of());
    StandupSummary off =
        StandupSummary.of(WED, List.of(ANA, BEN), List.of(holiday), List.of(), List.of());

    assertThat(weekend.workingDay()).isFalse();
    assertThat(weekend.missing()).isEmpty();
    assertThat(off.workingDay()).isFalse();
    assertThat(off.missing()).isEmpty();
    assertThat(off.off()).containsExactly(ANA, BEN);
  }

  @Test
  void openBlockersAreThoseRaisedByThenAndNotResolvedThatDayOldestFirst() {
    Instant wedNoon = Instant.parse("2027-03-03T12:00:00Z");
    List<Blocker> blockers =
        List.of(
            blocker(3, WED, null),
            blocker(1, WED.minusDays(5), null),
            blocker(2, WED.minusDays(1), wedNoon),
            blocker(4, WED.plusDays(1), null));

    StandupSummary s = StandupSummary.of(WED, List.of(), List.of(), List.of(), blockers);
    StandupSummary tuesday =
        StandupSummary.of(WED.minusDays(1), List.of(), List.of(), List.of(), blockers);

    assertThat(s.openBlockers()).extracting(Blocker::id).containsExactly(1L, 3L);
    assertThat(s.openBlockers().get(0).ageOn(WED)).isEqualTo(5);
    assertThat(tuesday.openBlockers()).extracting(Blocker::id).containsExactly(1L, 2L);
    assertThat(blockers.get(2).shownOn(WED)).isTrue();
    assertThat(blockers.get(2).shownOn(WED.plusDays(1))).isFalse();
  }
}
