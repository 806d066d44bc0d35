package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RICE against Intercom's definition and worked example, and every rule on its inputs. */
class RiceTest {
  private final Rice rice = new Rice();

  private static Rice.Inputs inputs(String reach, String impact, String confidence, String effort) {
    return new Rice.Inputs(dec(reach), dec(impact), dec(confidence), dec(effort));
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  @Test
  void intercomsWorkedExampleScoresFourHundred() {
    Score s = rice.score(inputs("500", "2", "80", "2"));
    assertThat(s.value()).isEqualTo(Rational.of(400));
    assertThat(s.shown()).isEqualByComparingTo("400");
    assertThat(s.formula()).isEqualTo("Reach × Impact × Confidence / Effort");
    assertThat(s.working()).isEqualTo("500 × 2 × 80% / 2 = 400");
    assertThat(s.input("reach")).isEqualByComparingTo("500");
    assertThat(s.input("confidence")).isEqualByComparingTo("80");
    assertThat(s.inputs())
        .extracting(Score.Input::name)
        .containsExactly("reach", "impact", "confidence", "effort");
  }

  @Test
  void fractionalEffortAndMinimalImpactStayExact() {
    Score s = rice.score(inputs("1000", "0.25", "50", "0.5"));
    assertThat(s.value()).isEqualTo(Rational.of(250));
    Score third = rice.score(inputs("1", "1", "100", "3"));
    assertThat(third.value()).isEqualTo(Rational.of(1, 3));
    assertThat(third.shown()).isEqualByComparingTo("0.33");
    assertThat(third.working()).endsWith("= 0.33");
  }

  @Test
  void noFloatingPointDriftInTenthsOfAPersonMonth() {
    // 0.1 + 0.2 is not 0.3 in binary floating point; effort 0.3 must divide exactly.
    Score s = rice.score(inputs("3", "1", "100", "0.3"));
    assertThat(s.value()).isEqualTo(Rational.of(10));
    assertThat(s.shown().toPlainString()).isEqualTo("10");
  }

  @Test
  void impactOnTheScaleWrittenWithTrailingZerosIsAccepted() {
    assertThat(rice.score(inputs("10", "0.50", "100", "1")).value()).isEqualTo(Rational.of(5));
  }

  @Test
  void reachOfZeroScoresZero() {
    assertThat(rice.score(inputs("0", "3", "100", "1")).value()).isEqualTo(Rational.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void effortOfZeroOrLessIsRefused(String effort) {
    assertThatThrownBy(() -> rice.score(inputs("500", "2", "80", effort)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("effort")).isEqualTo("must be more than 0 person-months"));
  }

  @Test
  void negativeReachIsRefused() {
    assertThatThrownBy(() -> rice.score(inputs("-5", "2", "80", "1")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("reach")).isEqualTo("must be at least 0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "1.5", "0", "0.1"})
  void impactOffIntercomsScaleIsRefused(String impact) {
    assertThatThrownBy(() -> rice.score(inputs("500", impact, "80", "1")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("impact")).isEqualTo("must be one of 0.25, 0.5, 1, 2, 3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"90", "0.8", "20", "101"})
  void confidenceOtherThanHundredEightyOrFiftyIsRefused(String confidence) {
    assertThatThrownBy(() -> rice.score(inputs("500", "2", confidence, "1")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("confidence"))
                    .isEqualTo("must be one of 100, 80, 50 (percent)"));
  }

  @Test
  void everyMissingInputIsNamedAtOnce() {
    assertThatThrownBy(() -> rice.score(inputs(null, null, null, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field() + ": " + f.reason())
                    .containsExactly(
                        "reach: is required",
                        "impact: is required",
                        "confidence: is required",
                        "effort: is required"));
  }

  @Test
  void stepsMoveImpactAndConfidenceAlongTheirScales() {
    assertThat(rice.steps(inputs("500", "2", "80", "2")))
        .extracting(st -> st.field() + " " + st.from() + "->" + st.to())
        .containsExactly("impact 2->3", "impact 2->1", "confidence 80->100", "confidence 80->50");
    assertThat(rice.steps(inputs("500", "3", "100", "2")))
        .extracting(st -> st.field() + "->" + st.to())
        .containsExactly("impact->2", "confidence->80");
  }
}
