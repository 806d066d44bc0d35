package io.hatrack.discovery.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Net Promoter Score and its margin of error, against worked examples and properties. */
class NpsTest {
  private static Nps.Score score(long promoters, long passives, long detractors) {
    return Nps.score(new Nps.Counts(promoters, passives, detractors)).orElseThrow();
  }

  private static List<Integer> answers(int... values) {
    List<Integer> list = new ArrayList<>();
    for (int v : values) {
      list.add(v);
    }
    return list;
  }

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource({
    "0, detractor",
    "1, detractor",
    "2, detractor",
    "3, detractor",
    "4, detractor",
    "5, detractor",
    "6, detractor",
    "7, passive",
    "8, passive",
    "9, promoter",
    "10, promoter"
  })
  void everyAnswerOfTheScaleFallsInItsPublishedGroup(int answer, String group) {
    assertThat(Nps.group(answer)).isEqualTo(group);
  }

  @Test
  void answersOutsideZeroToTenAreRefused() {
    assertThatThrownBy(() -> Nps.group(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Nps.group(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Nps.count(answers(9, 11))).hasMessageContaining("not 11");
  }

  @Test
  void countingSortsAnswersIntoPromotersPassivesAndDetractors() {
    assertThat(Nps.count(answers(10, 9, 8, 7, 6, 0, 9))).isEqualTo(new Nps.Counts(3, 2, 2));
  }

  @Test
  void aWorkedExampleScoresPercentPromotersMinusPercentDetractorsWithItsMargin() {
    // 50 promoters, 30 passives, 20 detractors: 50 % - 20 % = 30; variance 0.7 - 0.3^2 = 0.61,
    // MoE = 1.96 * sqrt(0.61 / 100) * 100 = 15.308...
    Nps.Score s = score(50, 30, 20);
    assertThat(s.score()).isEqualByComparingTo("30.0");
    assertThat(s.marginOfError()).isEqualByComparingTo("15.3");
    assertThat(s.promoterPercent()).isEqualByComparingTo("50.0");
    assertThat(s.passivePercent()).isEqualByComparingTo("30.0");
    assertThat(s.detractorPercent()).isEqualByComparingTo("20.0");
  }

  @Test
  void aScoreOfThirdsIsRoundedOnceToOneDecimal() {
    // 7 promoters, 2 passives, 3 detractors: 100 * 4 / 12 = 33.33...; MoE 48.084...
    Nps.Score s = score(7, 2, 3);
    assertThat(s.score()).isEqualTo(new BigDecimal("33.3"));
    assertThat(s.marginOfError()).isEqualTo(new BigDecimal("48.1"));
  }

  @Test
  void halvesRoundAwayFromZeroOnBothSides() {
    assertThat(score(1, 15, 0).score()).isEqualTo(new BigDecimal("6.3"));
    assertThat(score(0, 15, 1).score()).isEqualTo(new BigDecimal("-6.3"));
    assertThat(score(1, 15, 0).marginOfError()).isEqualTo(new BigDecimal("11.9"));
  }

  @Test
  void allPromotersScoreOneHundredWithNoSpread() {
    Nps.Score s = score(12, 0, 0);
    assertThat(s.score()).isEqualByComparingTo("100");
    assertThat(s.marginOfError()).isEqualByComparingTo("0");
  }

  @Test
  void noPromotersAndAllDetractorsScoreMinusOneHundred() {
    Nps.Score s = score(0, 0, 7);
    assertThat(s.score()).isEqualByComparingTo("-100");
    assertThat(s.marginOfError()).isEqualByComparingTo("0");
    assertThat(score(0, 5, 0).score()).isEqualByComparingTo("0");
  }

  @Test
  void oneAnswerScoresAndHasNoSpreadToMeasure() {
    assertThat(score(0, 1, 0).score()).isEqualByComparingTo("0");
    assertThat(score(1, 0, 0).score()).isEqualByComparingTo("100");
    assertThat(score(0, 0, 1).marginOfError()).isEqualByComparingTo("0");
  }

  @Test
  void noAnswersHaveNoScoreRatherThanNaN() {
    assertThat(Nps.score(new Nps.Counts(0, 0, 0))).isEmpty();
    assertThat(Nps.score(Nps.count(List.of()))).isEmpty();
  }

  @Test
  void anEvenSplitOfPromotersAndDetractorsHasTheWidestMargin() {
    // p = d = 0.5: variance 1, MoE = 1.96 * sqrt(1 / 2) * 100 = 138.59...
    assertThat(score(1, 0, 1).marginOfError()).isEqualByComparingTo("138.6");
    assertThat(score(1, 0, 1).score()).isEqualByComparingTo("0");
  }

  @Test
  void theDemoSurveysFortyAnswersScoreThirtyPlusOrMinusTwentyFourPointTwo() {
    Nps.Score s = score(20, 12, 8);
    assertThat(s.score()).isEqualByComparingTo("30.0");
    assertThat(s.marginOfError()).isEqualByComparingTo("24.2");
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> new Nps.Counts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void theScoreStaysWithinMinusAndPlusOneHundred(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 10) Integer> answers) {
    Nps.Score s = Nps.score(Nps.count(answers)).orElseThrow();
    assertThat(s.score()).isBetween(new BigDecimal("-100"), new BigDecimal("100"));
    assertThat(s.marginOfError()).isBetween(BigDecimal.ZERO, new BigDecimal("196"));
    assertThat(s.counts().n()).isEqualTo(answers.size());
  }

  @Property
  void theScoreIsPromoterShareMinusDetractorShareUpToRounding(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 10) Integer> answers) {
    Nps.Score s = Nps.score(Nps.count(answers)).orElseThrow();
    BigDecimal difference = s.promoterPercent().subtract(s.detractorPercent());
    assertThat(s.score().subtract(difference).abs()).isLessThanOrEqualTo(new BigDecimal("0.1"));
    double exact =
        100.0 * (s.counts().promoters() - s.counts().detractors()) / (double) s.counts().n();
    assertThat(Math.abs(s.score().doubleValue() - exact)).isLessThanOrEqualTo(0.05 + 1e-9);
  }

  @Property
  void theMarginMatchesTheFormulaInDoubles(
      @ForAll @IntRange(min = 0, max = 500) int p,
      @ForAll @IntRange(min = 0, max = 500) int pass,
      @ForAll @IntRange(min = 0, max = 500) int d) {
    long n = (long) p + pass + d;
    if (n == 0) {
      return;
    }
    double sp = p / (double) n;
    double sd = d / (double) n;
    double expected = 1.96 * Math.sqrt(((sp + sd) - (sp - sd) * (sp - sd)) / n) * 100;
    assertThat(Nps.marginOfError(new Nps.Counts(p, pass, d)).doubleValue())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Property
  void theOrderOfAnswersDoesNotMatter(
      @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 10) Integer> answers,
      @ForAll long seed) {
    List<Integer> shuffled = new ArrayList<>(answers);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(Nps.score(Nps.count(shuffled))).isEqualTo(Nps.score(Nps.count(answers)));
  }
}
