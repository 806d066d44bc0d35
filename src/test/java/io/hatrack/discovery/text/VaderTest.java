package io.hatrack.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hatrack.discovery.text.SentimentScore.Polarity;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaderTest {
  private final Vader vader = Vader.standard();

  /**
   * The example sentences and outputs published in the vaderSentiment 3.3.2 README ("Output for the
   * above example code"): neg, neu, pos to 3 decimals and compound to 4, all exact. Only the emoji
   * example is left out (see {@link Vader}).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          VADER is smart, handsome, and funny.                  | 0.0   | 0.254 | 0.746 | 0.8316
          VADER is smart, handsome, and funny!                  | 0.0   | 0.248 | 0.752 | 0.8439
          VADER is very smart, handsome, and funny.             | 0.0   | 0.299 | 0.701 | 0.8545
          VADER is VERY SMART, handsome, and FUNNY.             | 0.0   | 0.246 | 0.754 | 0.9227
          VADER is VERY SMART, handsome, and FUNNY!!!           | 0.0   | 0.233 | 0.767 | 0.9342
          VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!! | 0.0 | 0.294 | 0.706 | 0.9469
          VADER is not smart, handsome, nor funny.              | 0.646 | 0.354 | 0.0   | -0.7424
          The book was good.                                    | 0.0   | 0.508 | 0.492 | 0.4404
          At least it isn't a horrible book.                    | 0.0   | 0.678 | 0.322 | 0.431
          The book was only kind of good.                       | 0.0   | 0.697 | 0.303 | 0.3832
          The plot was good, but the characters are uncompelling and the dialog is not great. | 0.327 | 0.579 | 0.094 | -0.7042
          Today SUX!                                            | 0.779 | 0.221 | 0.0   | -0.5461
          Today only kinda sux! But I'll get by, lol            | 0.127 | 0.556 | 0.317 | 0.5249
          Make sure you :) or :D today!                         | 0.0   | 0.294 | 0.706 | 0.8633
          Not bad at all                                        | 0.0   | 0.513 | 0.487 | 0.431
          """)
  void reproducesTheReadmeExamplesExactly(
      String text, double neg, double neu, double pos, double compound) {
    SentimentScore score = vader.score(text);

    assertThat(score).isEqualTo(new SentimentScore(neg, neu, pos, compound));
  }

  @Test
  void loadsTheWholeLexiconWithLaterDuplicatesWinning() {
    // 7,517 lines, 14 tokens listed twice.
    assertThat(vader.lexiconSize()).isEqualTo(7_503);
    // "lol" is rated 2.9 then 1.8; the README's "..., lol" example (0.5249) needs the later one.
    assertThat(vader.score("lol").compound()).isEqualTo(0.4215);
  }

  @Test
  void negationFlipsAndDampensTheRatedWord() {
    double good = vader.score("The update is good").compound();
    double notGood = vader.score("The update is not good").compound();
    double isntGood = vader.score("The update isn't good").compound();

    assertThat(good).isPositive();
    assertThat(notGood).isNegative().isEqualTo(isntGood);
    // 1.9 × -0.74 = -1.406, normalised.
    assertThat(notGood).isEqualTo(-0.3412);
  }

  @Test
  void neverSoAndNeverThisIntensifyInsteadOfNegating() {
    assertThat(vader.score("Sentiment analysis has never been good.").compound()).isNegative();
    assertThat(vader.score("Sentiment analysis has never been this good!").compound())
        .isGreaterThan(vader.score("Sentiment analysis has been good!").compound());
  }

  @Test
  void withoutDoubtDoesNotNegate() {
    assertThat(vader.score("Without a doubt, excellent idea.").compound()).isGreaterThan(0.5);
    assertThat(vader.score("without excellent ideas").compound()).isNegative();
  }

  @Test
  void leastNegatesExceptInAtLeastAndVeryLeast() {
    double most = vader.score("one of the most compelling variations").compound();
    double least = vader.score("one of the least compelling variations").compound();
    double atLeast = vader.score("at least compelling as a variation").compound();

    assertThat(most).isPositive();
    assertThat(least).isNegative();
    assertThat(atLeast).isPositive();
  }

  @Test
  void specialIdiomsReplaceTheWordsRating() {
    assertThat(vader.score("With VADER, sentiment analysis is the shit!").compound()).isPositive();
    assertThat(vader.score("Most automated sentiment analysis tools are shit.").compound())
        .isNegative();
    assertThat(vader.score("On the other hand, VADER is quite bad ass").compound()).isPositive();
  }

  @Test
  void butShiftsTheWeightToTheClauseAfterIt() {
    SentimentScore score = vader.score("The import is great but the export is terrible");

    assertThat(score.polarity()).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void exclamationMarksAmplifyUpToFour() {
    double one = vader.score("Great!").compound();
    double four = vader.score("Great!!!!").compound();
    double six = vader.score("Great!!!!!!").compound();

    assertThat(four).isGreaterThan(one);
    assertThat(six).isEqualTo(four);
  }

  @Test
  void capsEmphasisCountsOnlyWhenSomeWordsAreNotCaps() {
    assertThat(vader.score("this is GREAT").compound())
        .isGreaterThan(vader.score("this is great").compound());
    assertThat(vader.score("THIS IS GREAT").compound())
        .isEqualTo(vader.score("this is great").compound());
  }

  @Test
  void classifiesByThePublishedThresholds() {
    assertThat(new SentimentScore(0, 1, 0, 0.05).polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(new SentimentScore(0, 1, 0, 0.0499).polarity()).isEqualTo(Polarity.NEUTRAL);
    assertThat(new SentimentScore(0, 1, 0, -0.05).polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(vader.score("").polarity()).isEqualTo(Polarity.NEUTRAL);
    assertThat(vader.score("   ")).isEqualTo(SentimentScore.NONE);
  }

  @Test
  void tokenisesLikeTheReference() {
    assertThat(Vader.words("Hello, world! :) ... I'll"))
        .isEqualTo(List.of("Hello", "world", ":)", "...", "I'll"));
    assertThat(Vader.isUpper("VADER")).isTrue();
    assertThat(Vader.isUpper(":D")).isTrue();
    assertThat(Vader.isUpper(":)")).isFalse();
    assertThat(Vader.isUpper("I'll")).isFalse();
  }

  @Property
  void scoresStayInRangeAndProportionsAddUp(@ForAll @StringLength(max = 200) String text) {
    SentimentScore s = vader.score(text);

    assertThat(s.compound()).isBetween(-1.0, 1.0);
    double sum = s.negative() + s.neutral() + s.positive();
    if (sum > 0) {
      assertThat(sum).isCloseTo(1.0, within(0.0021));
    }
  }

  @Property
  void normalisationIsOddAndBounded(@ForAll double x) {
    double n = Vader.normalize(x);

    assertThat(n).isBetween(-1.0, 1.0);
    if (!Double.isNaN(x) && !Double.isInfinite(x)) {
      assertThat(Vader.normalize(-x)).isEqualTo(-n);
    }
  }
}
