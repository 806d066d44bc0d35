package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.planning.scoring.Scorecard.Criterion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weighted scorecards: normalised values, weighted mean, and every rule on criteria and values. */
class ScorecardTest {
  private static Criterion criterion(String name, String weight, String min, String max) {
    return new Criterion(name, new BigDecimal(weight), new BigDecimal(min), new BigDecimal(max));
  }

  private static final Scorecard CARD =
      new Scorecard(
          "Strategic fit",
          List.of(criterion("revenue", "3", "1", "5"), criterion("fit", "1", "0", "10")));

  private static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  @Test
  void weightedMeanOfNormalisedValues() {
    // revenue 4 on 1..5 is 3/4, fit 5 on 0..10 is 1/2: (3 × 3/4 + 1 × 1/2) / 4 = 11/16.
    Score s = CARD.score(Map.of("revenue", dec("4"), "fit", dec("5")));
    assertThat(s.value()).isEqualTo(Rational.of(11, 16));
    assertThat(s.shown()).isEqualByComparingTo("0.6875");
    assertThat(s.formula()).isEqualTo("Σ (weight × (value − min) / (max − min)) / Σ weight");
    assertThat(s.working())
        .isEqualTo("(3 × (4 − 1) / (5 − 1) + 1 × (5 − 0) / (10 − 0)) / 4 = 0.6875");
  }

  @Test
  void theBoundsOfTheScalesGiveZeroAndOne() {
    assertThat(CARD.score(Map.of("revenue", dec("1"), "fit", dec("0"))).value())
        .isEqualTo(Rational.ZERO);
    assertThat(CARD.score(Map.of("revenue", dec("5"), "fit", dec("10"))).value())
        .isEqualTo(Rational.ONE);
  }

  @Test
  void valuesOutsideTheScaleMissingOrUnknownAreNamed() {
    assertThatThrownBy(() -> CARD.score(Map.of("revenue", dec("6"), "colour", dec("1"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("revenue")).isEqualTo("must be from 1 to 5");
              assertThat(e.reasonFor("fit")).isEqualTo("is required");
              assertThat(e.reasonFor("colour")).isEqualTo("is not a criterion of Strategic fit");
            });
  }

  @Test
  void criteriaNeedAPositiveWeightAScaleAndUniqueNames() {
    assertThatThrownBy(
            () ->
                new Scorecard(
                    "Bad",
                    List.of(
                        criterion("a", "0", "1", "5"),
                        criterion("a", "1", "5", "5"),
                        new Criterion(" ", null, null, BigDecimal.ONE))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("criteria[0].weight")).isEqualTo("must be more than 0");
              assertThat(e.reasonFor("criteria[1].name")).isEqualTo("is used by another criterion");
              assertThat(e.reasonFor("criteria[1].max")).isEqualTo("must be more than min");
              assertThat(e.reasonFor("criteria[2].name")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("criteria[2].weight")).isEqualTo("is required");
              assertThat(e.reasonFor("criteria[2].min")).isEqualTo("is required");
            });
    assertThatThrownBy(() -> new Scorecard("Empty", List.of()))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("criteria")).isEqualTo("needs at least one criterion"));
  }

  @Test
  void wholeValuesStepByOneWithinTheirScale() {
    assertThat(CARD.steps(Map.of("revenue", dec("5"), "fit", dec("2.5"))))
        .extracting(st -> st.field() + "->" + st.to())
        .containsExactly("revenue->4");
  }
}
