package io.hatrack.discovery.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.surveys.Kano.Answer;
import io.hatrack.discovery.surveys.Kano.Category;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Kano evaluation table cell by cell, the category per feature, Better and Worse. */
class KanoTest {
  @ParameterizedTest(name = "functional {0}, dysfunctional {1}: {2}")
  @CsvSource({
    "like, like, Q",
    "like, expect, A",
    "like, neutral, A",
    "like, live_with, A",
    "like, dislike, O",
    "expect, like, R",
    "expect, expect, I",
    "expect, neutral, I",
    "expect, live_with, I",
    "expect, dislike, M",
    "neutral, like, R",
    "neutral, expect, I",
    "neutral, neutral, I",
    "neutral, live_with, I",
    "neutral, dislike, M",
    "live_with, like, R",
    "live_with, expect, I",
    "live_with, neutral, I",
    "live_with, live_with, I",
    "live_with, dislike, M",
    "dislike, like, R",
    "dislike, expect, R",
    "dislike, neutral, R",
    "dislike, live_with, R",
    "dislike, dislike, Q"
  })
  void everyCellOfTheStandardEvaluationTable(
      String functional, String dysfunctional, Category expected) {
    Answer f = Answer.parse(functional).orElseThrow();
    Answer d = Answer.parse(dysfunctional).orElseThrow();
    assertThat(Kano.category(f, d)).isEqualTo(expected);
    assertThat(new Kano.Pair(f, d).category()).isEqualTo(expected);
  }

  @Test
  void answersAreReadByIdAndStoredAsOneToFive() {
    assertThat(Answer.parse("Live with")).contains(Answer.LIVE_WITH);
    assertThat(Answer.parse("live-with")).contains(Answer.LIVE_WITH);
    assertThat(Answer.parse("love it")).isEmpty();
    assertThat(Answer.parse(null)).isEmpty();
    for (Answer a : Answer.values()) {
      assertThat(Answer.ofNumber(a.number())).isEqualTo(a);
    }
    assertThatThrownBy(() -> Answer.ofNumber(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Answer.ofNumber(6)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Kano.Evaluation counts(long a, long o, long m, long i, long r, long q) {
    Map<Category, Long> c = new EnumMap<>(Category.class);
    c.put(Category.A, a);
    c.put(Category.O, o);
    c.put(Category.M, m);
    c.put(Category.I, i);
    c.put(Category.R, r);
    c.put(Category.Q, q);
    return Kano.evaluate(c);
  }

  @Test
  void betterAndWorseFollowTheCoefficientsOverAOMI() {
    // A 3, O 2, M 4, I 1 (R and Q left out): Better 5/10, Worse -6/10.
    Kano.Evaluation e = counts(3, 2, 4, 1, 5, 2);
    assertThat(e.better()).contains(new BigDecimal("0.50"));
    assertThat(e.worse()).contains(new BigDecimal("-0.60"));
    assertThat(e.n()).isEqualTo(17);
    assertThat(e.category()).contains(Category.R);
  }

  @Test
  void coefficientsOfThirdsRoundAwayFromZeroToTwoDecimals() {
    Kano.Evaluation e = counts(2, 0, 0, 1, 0, 0);
    assertThat(e.better()).contains(new BigDecimal("0.67"));
    assertThat(e.worse()).contains(new BigDecimal("0.00"));
    Kano.Evaluation m = counts(0, 0, 2, 1, 0, 0);
    assertThat(m.worse()).contains(new BigDecimal("-0.67"));
    assertThat(m.better()).contains(new BigDecimal("0.00"));
  }

  @Test
  void theMostFrequentCategoryWinsAndTiesFollowMOverOOverAOverI() {
    assertThat(counts(5, 1, 1, 1, 0, 0).category()).contains(Category.A);
    assertThat(counts(2, 2, 2, 2, 0, 0).category()).contains(Category.M);
    assertThat(counts(2, 2, 0, 2, 0, 0).category()).contains(Category.O);
    assertThat(counts(2, 0, 0, 2, 0, 0).category()).contains(Category.A);
    assertThat(counts(0, 0, 0, 1, 1, 1).category()).contains(Category.I);
    assertThat(counts(0, 0, 0, 0, 1, 1).category()).contains(Category.R);
  }

  @Test
  void withoutRespondentsThereIsNoCategoryAndNoCoefficient() {
    Kano.Evaluation e = Kano.evaluate(List.of());
    assertThat(e.category()).isEmpty();
    assertThat(e.better()).isEmpty();
    assertThat(e.worse()).isEmpty();
    assertThat(e.counts()).hasSize(6).allSatisfy((c, n) -> assertThat(n).isZero());
  }

  @Test
  void onlyReverseAndQuestionableAnswersGiveACategoryButNoCoefficient() {
    Kano.Evaluation e =
        Kano.evaluate(
            List.of(
                new Kano.Pair(Answer.LIKE, Answer.LIKE),
                new Kano.Pair(Answer.DISLIKE, Answer.LIKE),
                new Kano.Pair(Answer.DISLIKE, Answer.NEUTRAL)));
    assertThat(e.category()).contains(Category.R);
    assertThat(e.count(Category.Q)).isEqualTo(1);
    assertThat(e.better()).isEmpty();
    assertThat(e.worse()).isEmpty();
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> counts(-1, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void betterIsBetweenZeroAndOneAndWorseBetweenMinusOneAndZero(
      @ForAll @Size(max = 200) List<Answer> functional, @ForAll @Size(max = 200) List<Answer> dys) {
    List<Kano.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < Math.min(functional.size(), dys.size()); i++) {
      pairs.add(new Kano.Pair(functional.get(i), dys.get(i)));
    }
    Kano.Evaluation e = Kano.evaluate(pairs);
    assertThat(e.n()).isEqualTo(pairs.size());
    e.better().ifPresent(b -> assertThat(b).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
    e.worse().ifPresent(w -> assertThat(w).isBetween(BigDecimal.ONE.negate(), BigDecimal.ZERO));
    e.category()
        .ifPresent(
            top ->
                assertThat(e.counts().values())
                    .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(e.count(top))));
  }
}
