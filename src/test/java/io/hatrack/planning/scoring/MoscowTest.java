package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.planning.scoring.Moscow.Category;
import io.hatrack.planning.scoring.Moscow.Planned;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MoSCoW's rule that Must-haves take no more than 60 % of the planned effort. */
class MoscowTest {
  private static Planned item(Category c, String effort) {
    return new Planned(c, new BigDecimal(effort));
  }

  @Test
  void exactlySixtyPercentIsFine() {
    Moscow.Check check =
        Moscow.check(
            List.of(
                item(Category.MUST, "6"), item(Category.SHOULD, "3"), item(Category.COULD, "1")));
    assertThat(check.mustShare()).isEqualTo(Rational.of(3, 5));
    assertThat(check.mustPercent()).isEqualByComparingTo("60");
    assertThat(check.warning()).isEmpty();
  }

  @Test
  void justAboveSixtyPercentWarns() {
    Moscow.Check check =
        Moscow.check(List.of(item(Category.MUST, "6.01"), item(Category.SHOULD, "3.99")));
    assertThat(check.mustShare()).isEqualTo(Rational.of(601, 1000));
    assertThat(check.warning())
        .contains(
            "Must-haves take 60.1 % of the planned effort (6.01 of 10), more than the 60 % that"
                + " leaves room for Should and Could haves as contingency.");
  }

  @Test
  void wontHavesAreNotPartOfThePlannedEffort() {
    Moscow.Check check =
        Moscow.check(
            List.of(
                item(Category.MUST, "6"), item(Category.COULD, "4"), item(Category.WONT, "90")));
    assertThat(check.plannedEffort()).isEqualByComparingTo("10");
    assertThat(check.warning()).isEmpty();
  }

  @Test
  void twoThirdsIsShownRoundedAndWarns() {
    Moscow.Check check =
        Moscow.check(List.of(item(Category.MUST, "2"), item(Category.SHOULD, "1")));
    assertThat(check.mustShare()).isEqualTo(Rational.of(2, 3));
    assertThat(check.mustPercent()).isEqualByComparingTo("66.67");
    assertThat(check.warning()).get().asString().startsWith("Must-haves take 66.67 %");
  }

  @Test
  void nothingPlannedHasAShareOfZero() {
    Moscow.Check check = Moscow.check(List.of(item(Category.WONT, "3")));
    assertThat(check.mustShare()).isEqualTo(Rational.ZERO);
    assertThat(check.warning()).isEmpty();
  }

  @Test
  void badItemsAreNamedByPosition() {
    assertThatThrownBy(
            () ->
                Moscow.check(
                    List.of(item(Category.MUST, "1"), new Planned(null, new BigDecimal("-1")))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("items[1].category")).isEqualTo("is required");
              assertThat(e.reasonFor("items[1].effort")).isEqualTo("must be at least 0");
            });
  }
}
