package io.hatrack.definition;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** {@link WorkItemService#between}: the rank of an item dropped between two neighbours. */
class RankingTest {

  @Test
  void aLoneItemGetsTheFirstRankAndTheEndsAreOneStepOut() {
    assertThat(WorkItemService.between(null, null)).isEqualTo(1024);
    assertThat(WorkItemService.between(null, 1024.0)).isEqualTo(0);
    assertThat(WorkItemService.between(2048.0, null)).isEqualTo(3072);
    assertThat(WorkItemService.between(1024.0, 2048.0)).isEqualTo(1536);
  }

  @Property
  void aRankBetweenTwoNeighboursSortsBetweenThem(
      @ForAll @DoubleRange(min = -1e9, max = 1e9) double a,
      @ForAll @DoubleRange(min = 0.01, max = 1e6) double gap) {
    double b = a + gap;

    double rank = WorkItemService.between(a, b);

    assertThat(rank).isGreaterThan(a).isLessThan(b);
  }

  @Property
  void aRankAtEitherEndSortsBeyondIt(@ForAll @DoubleRange(min = -1e9, max = 1e9) double edge) {
    assertThat(WorkItemService.between(null, edge)).isLessThan(edge);
    assertThat(WorkItemService.between(edge, null)).isGreaterThan(edge);
  }

  @Test
  void repeatedlyDroppingIntoTheSameGapKeepsTheOrderForManyRounds() {
    double before = 1024;
    double after = 2048;
    for (int i = 0; i < 30; i++) {
      double rank = WorkItemService.between(before, after);
      assertThat(rank).as("round %d", i).isGreaterThan(before).isLessThan(after);
      after = rank;
    }
  }
}
