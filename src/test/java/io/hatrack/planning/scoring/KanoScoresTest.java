package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.surveys.Kano.Category;
import io.hatrack.kernel.Invalid;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kano category by majority and Berger et al.'s Better/Worse coefficients, exact. */
class KanoScoresTest {
  @Test
  void betterAndWorseFollowBergerEtAl() {
    KanoScores.Result r =
        KanoScores.of(
            Map.of(Category.A, 5L, Category.O, 3L, Category.M, 1L, Category.I, 1L, Category.Q, 2L));
    assertThat(r.category()).contains(Category.A);
    assertThat(r.better().orElseThrow().value()).isEqualTo(Rational.of(4, 5));
    assertThat(r.worse().orElseThrow().value()).isEqualTo(Rational.of(-2, 5));
    assertThat(r.better().orElseThrow().working()).isEqualTo("(5 + 3) / (5 + 3 + 1 + 1) = 0.8");
    assertThat(r.worse().orElseThrow().working()).isEqualTo("−(3 + 1) / (5 + 3 + 1 + 1) = -0.4");
    assertThat(r.better().orElseThrow().formula()).isEqualTo("(A + O) / (A + O + M + I)");
  }

  @Test
  void exactCoefficientsAgreeWithTheSurveyHatsRoundedOnes() {
    KanoScores.Result r =
        KanoScores.of(Map.of(Category.A, 1L, Category.O, 1L, Category.M, 4L, Category.I, 3L));
    assertThat(r.better().orElseThrow().value()).isEqualTo(Rational.of(2, 9));
    assertThat(r.evaluation().better())
        .hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("0.22"));
    assertThat(r.better().orElseThrow().shown()).isEqualByComparingTo("0.22");
    assertThat(r.worse().orElseThrow().shown()).isEqualByComparingTo("-0.56");
    assertThat(r.category()).contains(Category.M);
  }

  @Test
  void aTieGoesToMustBeBeforeOneDimensional() {
    KanoScores.Result r = KanoScores.of(Map.of(Category.O, 4L, Category.M, 4L, Category.A, 1L));
    assertThat(r.category()).contains(Category.M);
  }

  @Test
  void onlyReverseAndQuestionableAnswersHaveNoCoefficients() {
    KanoScores.Result r = KanoScores.of(Map.of(Category.R, 3L, Category.Q, 1L));
    assertThat(r.category()).contains(Category.R);
    assertThat(r.better()).isEmpty();
    assertThat(r.worse()).isEmpty();
  }

  @Test
  void negativeCountsAreNamed() {
    assertThatThrownBy(() -> KanoScores.of(Map.of(Category.A, -1L, Category.O, 2L)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("count.A")).isEqualTo("must be at least 0"));
  }
}
