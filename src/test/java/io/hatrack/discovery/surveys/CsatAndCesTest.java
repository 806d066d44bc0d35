package io.hatrack.discovery.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** CSAT as the share of 4s and 5s, and CES 2.0 as the mean of the 1–7 agreement scale. */
class CsatAndCesTest {
  @Test
  void csatIsTheShareOfFoursAndFivesAmongAllAnswers() {
    Csat.Score s = Csat.score(new long[] {1, 1, 2, 3, 3}).orElseThrow();
    assertThat(s.satisfied()).isEqualTo(6);
    assertThat(s.n()).isEqualTo(10);
    assertThat(s.percent()).isEqualTo(new BigDecimal("60.0"));
  }

  @Test
  void csatOfThirdsIsRoundedOnceToOneDecimal() {
    assertThat(Csat.score(new long[] {1, 0, 0, 1, 1}).orElseThrow().percent())
        .isEqualTo(new BigDecimal("66.7"));
    assertThat(Csat.score(new long[] {0, 0, 3, 0, 0}).orElseThrow().percent())
        .isEqualByComparingTo("0");
    assertThat(Csat.score(new long[] {0, 0, 0, 2, 5}).orElseThrow().percent())
        .isEqualByComparingTo("100");
  }

  @Test
  void csatWithoutAnswersHasNoScore() {
    assertThat(Csat.score(new long[5])).isEmpty();
  }

  @Test
  void aDistributionOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> Csat.score(new long[4])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ces.score(new long[5])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cesIsTheMeanAgreementWithTheShareWhoAgree() {
    // 3 + 4 + 2*5 + 3*6 + 3*7 = 56 over 10 answers; 8 of them 5 or more.
    Ces.Score s = Ces.score(new long[] {0, 0, 1, 1, 2, 3, 3}).orElseThrow();
    assertThat(s.sum()).isEqualTo(56);
    assertThat(s.mean()).isEqualTo(new BigDecimal("5.60"));
    assertThat(s.agreePercent()).isEqualTo(new BigDecimal("80.0"));
  }

  @Test
  void cesOfThirdsIsRoundedOnceToTwoDecimals() {
    assertThat(Ces.score(new long[] {1, 2, 0, 0, 0, 0, 0}).orElseThrow().mean())
        .isEqualTo(new BigDecimal("1.67"));
    assertThat(Ces.score(new long[] {0, 0, 0, 0, 0, 0, 4}).orElseThrow().mean())
        .isEqualByComparingTo("7");
  }

  @Test
  void cesWithoutAnswersHasNoScoreAndNamesItsVariant() {
    assertThat(Ces.score(new long[7])).isEmpty();
    assertThat(Ces.VARIANT).startsWith("CES 2.0").contains("1–7");
  }

  @Property
  void csatStaysWithinZeroAndOneHundred(
      @ForAll @Size(5) List<@LongRange(min = 0, max = 1000) Long> list) {
    long[] counts = list.stream().mapToLong(Long::longValue).toArray();
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    if (n == 0) {
      assertThat(Csat.score(counts)).isEmpty();
      return;
    }
    BigDecimal percent = Csat.score(counts).orElseThrow().percent();
    assertThat(percent).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
    assertThat(Math.abs(percent.doubleValue() - 100.0 * (counts[3] + counts[4]) / n))
        .isLessThanOrEqualTo(0.05 + 1e-9);
  }

  @Property
  void cesMeanStaysOnTheScale(@ForAll @Size(7) List<@LongRange(min = 0, max = 1000) Long> list) {
    long[] counts = list.stream().mapToLong(Long::longValue).toArray();
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    if (n == 0) {
      return;
    }
    assertThat(Ces.score(counts).orElseThrow().mean())
        .isBetween(BigDecimal.ONE, new BigDecimal("7"));
  }
}
