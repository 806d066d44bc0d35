package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WSJF as SAFe defines it: cost of delay over job size, all on the modified Fibonacci scale. */
class WsjfTest {
  private final Wsjf wsjf = new Wsjf();

  @Test
  void costOfDelayDividedByJobSize() {
    Score s = wsjf.score(new Wsjf.Inputs(8, 5, 3, 5));
    assertThat(s.value()).isEqualTo(Rational.of(16, 5));
    assertThat(s.shown()).isEqualByComparingTo("3.2");
    assertThat(s.working()).isEqualTo("(8 + 5 + 3) / 5 = 3.2");
    assertThat(s.formula()).startsWith("(Business value + Time criticality");
    assertThat(s.input("jobSize")).isEqualByComparingTo("5");
  }

  @Test
  void aNonTerminatingQuotientStaysExact() {
    Score s = wsjf.score(new Wsjf.Inputs(20, 8, 1, 3));
    assertThat(s.value()).isEqualTo(Rational.of(29, 3));
    assertThat(s.shown()).isEqualByComparingTo("9.67");
  }

  @Test
  void theSmallestJobWithTheHighestCostOfDelayScoresSixty() {
    assertThat(wsjf.score(new Wsjf.Inputs(20, 20, 20, 1)).value()).isEqualTo(Rational.of(60));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 6, 7, 21, 40, -1})
  void valuesOffTheModifiedFibonacciScaleAreRefused(int off) {
    assertThatThrownBy(() -> wsjf.score(new Wsjf.Inputs(off, 1, 1, off)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("businessValue"))
                  .isEqualTo("must be one of 1, 2, 3, 5, 8, 13, 20");
              assertThat(e.reasonFor("jobSize")).isEqualTo("must be one of 1, 2, 3, 5, 8, 13, 20");
              assertThat(e.reasonFor("timeCriticality")).isEmpty();
            });
  }

  @Test
  void missingEstimatesAreNamed() {
    assertThatThrownBy(() -> wsjf.score(new Wsjf.Inputs(1, null, null, 1)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactly("timeCriticality", "riskReduction"));
  }

  @Test
  void stepsFollowTheFibonacciScale() {
    assertThat(wsjf.steps(new Wsjf.Inputs(20, 1, 5, 8)))
        .extracting(st -> st.field() + "->" + st.to())
        .containsExactly(
            "businessValue->13",
            "timeCriticality->2",
            "riskReduction->8",
            "riskReduction->3",
            "jobSize->13",
            "jobSize->5");
  }
}
