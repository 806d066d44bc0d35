package io.hatrack.delivery.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurndownTest {
  // Monday 2027-01-04 to Sunday 2027-01-17: two weeks, ten working days.
  private static final LocalDate MON = LocalDate.of(2027, 1, 4);
  private static final LocalDate END = MON.plusDays(13);

  private static Burndown.Event done(LocalDate day) {
    return new Burndown.Event(day, true);
  }

  @Test
  void theIdealLineFallsFromTheCommitmentToZeroOnWorkingDaysOnly() {
    Burndown.Result r =
        Burndown.of(MON, END, END, List.of(new Burndown.Entry(9, null, null, false, List.of())));

    assertThat(r.committed()).isEqualTo(9);
    assertThat(r.days()).hasSize(14);
    assertThat(r.ideal().get(0)).isEqualTo(9.0);
    // Nine working days after the first: one point per working day, flat over the weekend.
    assertThat(r.ideal().get(1)).isEqualTo(8.0);
    assertThat(r.ideal().get(4)).isEqualTo(5.0);
    assertThat(r.ideal().get(5)).isEqualTo(5.0);
    assertThat(r.ideal().get(6)).isEqualTo(5.0);
    assertThat(r.ideal().get(7)).isEqualTo(4.0);
    assertThat(r.ideal().get(13)).isEqualTo(0.0);
  }

  @Test
  void remainingDropsOnTheDayAnItemIsDoneAndReopeningPutsItBack() {
    Burndown.Entry a = new Burndown.Entry(3, null, null, false, List.of(done(MON.plusDays(2))));
    Burndown.Entry b =
        new Burndown.Entry(
            2,
            null,
            null,
            false,
            List.of(
                done(MON.plusDays(1)),
                new Burndown.Event(MON.plusDays(3), false),
                done(MON.plusDays(8))));

    Burndown.Result r = Burndown.of(MON, END, END, List.of(a, b));

    assertThat(r.remaining().subList(0, 10))
        .containsExactly(5.0, 3.0, 0.0, 2.0, 2.0, 2.0, 2.0, 2.0, 0.0, 0.0);
    assertThat(r.completed().get(2)).isEqualTo(5.0);
    assertThat(r.scope()).containsOnly(5.0);
  }

  @Test
  void addedAndRemovedItemsMoveTheScopeLineFromTheirDay() {
    Burndown.Entry committed = new Burndown.Entry(4, null, null, false, List.of());
    Burndown.Entry added = new Burndown.Entry(2, MON.plusDays(3), null, false, List.of());
    Burndown.Entry removed = new Burndown.Entry(1, null, MON.plusDays(5), false, List.of());

    Burndown.Result r = Burndown.of(MON, END, END, List.of(committed, added, removed));

    assertThat(r.committed()).isEqualTo(5.0);
    assertThat(r.scope().get(2)).isEqualTo(5.0);
    assertThat(r.scope().get(3)).isEqualTo(7.0);
    assertThat(r.scope().get(5)).isEqualTo(6.0);
    assertThat(r.remaining().get(13)).isEqualTo(6.0);
  }

  @Test
  void daysAfterTodayHaveNoActualValuesYet() {
    Burndown.Result r =
        Burndown.of(
            MON, END, MON.plusDays(2), List.of(new Burndown.Entry(3, null, null, true, List.of())));

    assertThat(r.remaining().subList(0, 3)).containsExactly(0.0, 0.0, 0.0);
    assertThat(r.remaining().subList(3, 14)).containsOnlyNulls();
    assertThat(r.scope().get(3)).isNull();
    assertThat(r.ideal().get(13)).isEqualTo(0.0);
  }

  @Test
  void aOneDaySprintIsAllIdealAtZeroAndAnEmptySprintIsFlat() {
    Burndown.Result one = Burndown.of(MON, MON, MON, List.of());

    assertThat(one.ideal()).containsExactly(0.0);
    assertThat(one.remaining()).containsExactly(0.0);
  }
}
