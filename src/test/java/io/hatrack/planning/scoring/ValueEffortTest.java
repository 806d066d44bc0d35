package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.planning.scoring.ValueEffort.Quadrant;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value/effort quadrants, with "at the threshold" counting as high. */
class ValueEffortTest {
  private final ValueEffort matrix =
      new ValueEffort(new ValueEffort.Thresholds(new BigDecimal("5"), new BigDecimal("3")));

  @ParameterizedTest(name = "value {0}, effort {1}: {2}")
  @CsvSource({
    "8, 1, QUICK_WIN",
    "8, 5, BIG_BET",
    "2, 1, FILL_IN",
    "2, 5, MONEY_PIT",
    "5, 2.99, QUICK_WIN",
    "5, 3, BIG_BET",
    "4.99, 3, MONEY_PIT",
    "0, 0, FILL_IN"
  })
  void quadrantFromValueAndEffort(BigDecimal value, BigDecimal effort, Quadrant expected) {
    assertThat(matrix.place(value, effort).quadrant()).isEqualTo(expected);
  }

  @Test
  void quadrantsHaveTheirUsualNamesAndTheRuleIsShown() {
    assertThat(Quadrant.QUICK_WIN.label()).isEqualTo("quick win");
    assertThat(Quadrant.BIG_BET.label()).isEqualTo("big bet");
    assertThat(Quadrant.FILL_IN.label()).isEqualTo("fill-in");
    assertThat(Quadrant.MONEY_PIT.label()).isEqualTo("money pit");
    assertThat(Quadrant.MONEY_PIT.advice()).contains("time sink");
    assertThat(matrix.place(new BigDecimal("8"), new BigDecimal("1")).rule())
        .isEqualTo("value 8 ≥ 5, effort 1 < 3");
  }

  @Test
  void negativeOrMissingInputsAreNamed() {
    assertThatThrownBy(() -> matrix.place(new BigDecimal("-1"), null))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("value")).isEqualTo("must be at least 0");
              assertThat(e.reasonFor("effort")).isEqualTo("is required");
            });
    assertThatThrownBy(() -> new ValueEffort.Thresholds(null, new BigDecimal("-2")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("valueThreshold")).isEqualTo("is required");
              assertThat(e.reasonFor("effortThreshold")).isEqualTo("must be at least 0");
            });
  }
}
