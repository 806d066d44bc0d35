package io.hatrack.planning.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Triangular and Beta-PERT (λ = 4) draws: their means against the published formulas (Vose, <i>Risk
 * Analysis</i>, 3rd ed.: triangular mean (a + b + c) / 3; PERT mean (a + 4b + c) / 6, with α = 1 +
 * 4 (b - a) / (c - a) and β = 1 + 4 (c - b) / (c - a)), and their bounds.
 */
class DistributionsTest {
  private static final int N = 200_000;

  private static double sampleMean(Spread spread, double low, double likely, double high) {
    SplittableRandom random = new SplittableRandom(42);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      double x = spread.draw(low, likely, high, random);
      assertThat(x).isBetween(low, high);
      sum += x;
    }
    return sum / N;
  }

  @Test
  void thePertMeanIsLowPlusFourLikelyPlusHighOverSix() {
    assertThat(Spread.PERT.mean(10, 20, 60)).isEqualTo((10 + 4 * 20 + 60) / 6.0);
    assertThat(sampleMean(Spread.PERT, 10, 20, 60)).isCloseTo(25.0, within(0.1));
  }

  @Test
  void theTriangularMeanIsTheAverageOfLowLikelyAndHigh() {
    assertThat(Spread.TRIANGULAR.mean(10, 20, 60)).isEqualTo(30.0);
    assertThat(sampleMean(Spread.TRIANGULAR, 10, 20, 60)).isCloseTo(30.0, within(0.1));
  }

  @Test
  void drawsStayWithinTheBoundsAlsoWhenTheLikelyValueIsABound() {
    assertThat(sampleMean(Spread.TRIANGULAR, 0, 0, 90)).isCloseTo(30.0, within(0.2));
    assertThat(sampleMean(Spread.PERT, 0, 100, 100)).isCloseTo(500 / 6.0, within(0.2));
  }

  @Test
  void theTriangularInverseCdfHitsItsBoundsAndMode() {
    assertThat(Spread.triangular(10, 20, 60, 0)).isEqualTo(10);
    assertThat(Spread.triangular(10, 20, 60, 0.2)).isCloseTo(20, within(1e-12));
    assertThat(Spread.triangular(10, 20, 60, 1)).isEqualTo(60);
  }

  @Test
  void aFixedAmountOrOneWithoutRangeIsAlwaysItsLikelyValue() {
    SplittableRandom random = new SplittableRandom(1);
    assertThat(Spread.FIXED.draw(1, 5, 9, random)).isEqualTo(5);
    assertThat(Spread.PERT.draw(5, 5, 5, random)).isEqualTo(5);
    assertThat(Amount.fixed(7).uncertain()).isFalse();
    assertThat(Amount.pert(1, 2, 3).mean()).isEqualTo(2);
  }
}
