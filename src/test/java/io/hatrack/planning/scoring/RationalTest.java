package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Exact arithmetic for scores: no binary floating-point drift, one rounding at display. */
class RationalTest {
  @Test
  void tenthPlusTwoTenthsIsExactlyThreeTenths() {
    Rational sum = Rational.of(new BigDecimal("0.1")).plus(Rational.of(new BigDecimal("0.2")));
    assertThat(sum).isEqualTo(Rational.of(new BigDecimal("0.3")));
    assertThat(sum.toDecimal(2).toPlainString()).isEqualTo("0.3");
    assertThat(0.1 + 0.2).isNotEqualTo(0.3);
  }

  @Test
  void fractionsAreKeptInLowestTermsWithAPositiveDenominator() {
    assertThat(Rational.of(6, -8)).isEqualTo(Rational.of(-3, 4));
    assertThat(Rational.of(6, -8).toString()).isEqualTo("-3/4");
    assertThat(Rational.of(new BigDecimal("1E+3"))).isEqualTo(Rational.of(1000));
  }

  @Test
  void displayIsExactWhenFiniteAndRoundedHalfUpOtherwise() {
    assertThat(Rational.of(1, 8).toDecimal(2).toPlainString()).isEqualTo("0.125");
    assertThat(Rational.of(2, 3).toDecimal(2).toPlainString()).isEqualTo("0.67");
    assertThat(Rational.of(-2, 3).toDecimal(2).toPlainString()).isEqualTo("-0.67");
    assertThat(Rational.of(400).toDecimal(2).toPlainString()).isEqualTo("400");
  }

  @Test
  void divisionByZeroIsRefused() {
    assertThatThrownBy(() -> Rational.ONE.dividedBy(Rational.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  @Property
  void dividingThenMultiplyingGivesBackTheValue(
      @ForAll @IntRange(min = -100000, max = 100000) int a,
      @ForAll @IntRange(min = 1, max = 1000) int b,
      @ForAll @IntRange(min = 1, max = 1000) int c) {
    Rational x = Rational.of(a, b);
    assertThat(x.dividedBy(Rational.of(c)).times(Rational.of(c))).isEqualTo(x);
  }

  @Property
  void sumsOfCentsMatchBigDecimal(
      @ForAll @IntRange(min = -100000, max = 100000) int a,
      @ForAll @IntRange(min = -100000, max = 100000) int b) {
    BigDecimal x = BigDecimal.valueOf(a, 2);
    BigDecimal y = BigDecimal.valueOf(b, 2);
    assertThat(Rational.of(x).plus(Rational.of(y)).toDecimal(2)).isEqualByComparingTo(x.add(y));
  }

  @Property
  void riceScoresAreUnchangedByTrailingZerosInTheInputs(
      @ForAll @IntRange(min = 0, max = 100000) int reach,
      @ForAll @IntRange(min = 1, max = 240) int effortTenths) {
    Rice rice = new Rice();
    BigDecimal effort = BigDecimal.valueOf(effortTenths, 1);
    Score plain =
        rice.score(
            new Rice.Inputs(
                BigDecimal.valueOf(reach), BigDecimal.ONE, new BigDecimal("80"), effort));
    Score padded =
        rice.score(
            new Rice.Inputs(
                BigDecimal.valueOf(reach).setScale(3),
                new BigDecimal("1.00"),
                new BigDecimal("80.0"),
                effort.setScale(4)));
    assertThat(padded.value()).isEqualTo(plain.value());
  }
}
