package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import org.junit.jupiter.api.Test;

/** ICE in its two named conventions and the 1-10 rule on each score. */
class IceTest {
  private final Ice product = new Ice(Ice.Convention.PRODUCT);
  private final Ice mean = new Ice(Ice.Convention.MEAN);

  @Test
  void productConventionMultipliesTheThreeScores() {
    Score s = product.score(new Ice.Inputs(8, 6, 5));
    assertThat(s.value()).isEqualTo(Rational.of(240));
    assertThat(s.model()).isEqualTo("ICE (product)");
    assertThat(s.formula()).isEqualTo("Impact × Confidence × Ease");
    assertThat(s.working()).isEqualTo("8 × 6 × 5 = 240");
  }

  @Test
  void meanConventionAveragesExactly() {
    Score s = mean.score(new Ice.Inputs(8, 6, 5));
    assertThat(s.value()).isEqualTo(Rational.of(19, 3));
    assertThat(s.shown()).isEqualByComparingTo("6.33");
    assertThat(s.formula()).isEqualTo("(Impact + Confidence + Ease) / 3");
    assertThat(s.working()).isEqualTo("(8 + 6 + 5) / 3 = 6.33");
    assertThat(mean.score(new Ice.Inputs(10, 10, 10)).value()).isEqualTo(Rational.of(10));
  }

  @Test
  void theConventionsCanOrderItemsDifferently() {
    Ice.Inputs balanced = new Ice.Inputs(5, 5, 5);
    Ice.Inputs lopsided = new Ice.Inputs(10, 10, 1);
    assertThat(product.score(balanced).value()).isGreaterThan(product.score(lopsided).value());
    assertThat(mean.score(balanced).value()).isLessThan(mean.score(lopsided).value());
  }

  @Test
  void scoresOutsideOneToTenAndMissingOnesAreNamed() {
    assertThatThrownBy(() -> product.score(new Ice.Inputs(0, 11, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("impact")).isEqualTo("must be a whole score from 1 to 10");
              assertThat(e.reasonFor("confidence")).isEqualTo("must be a whole score from 1 to 10");
              assertThat(e.reasonFor("ease")).isEqualTo("is required");
            });
  }

  @Test
  void stepsStayWithinOneToTen() {
    assertThat(mean.steps(new Ice.Inputs(10, 1, 5)))
        .extracting(st -> st.field() + "->" + st.to())
        .containsExactly("impact->9", "confidence->2", "ease->6", "ease->4");
  }
}
