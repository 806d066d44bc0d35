package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VagueWordsTest {
  private static List<String> words(String text) {
    return VagueWords.in(text).stream().map(VagueWords.Term::word).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The page must be fast | fast",
        "FAST | fast",
        "a quick way to pay | quick",
        "a user-friendly wallet | user-friendly",
        "a user friendly wallet | user friendly",
        "it is easy to remove | easy",
        "a simple form | simple",
        "an intuitive flow | intuitive",
        "Visa, Mastercard etc. | etc.",
        "Visa, Mastercard, etc | etc.",
        "cards and so on | and so on",
        "email and/or SMS | and/or",
        "some cards | some",
        "several retries | several",
        "many shoppers | many",
        "a few seconds | few",
        "show an appropriate error | appropriate",
        "retry as needed | as needed",
        "retry if  necessary | if necessary",
        "a flexible limit | flexible",
        "a robust vault | robust",
        "a seamless checkout | seamless",
        "an optimal order | optimal",
        "minimal effort | minimal",
        "the wallet supports Amex | support",
        "we support Amex | support",
        "to support 3-D Secure | support",
        "limits are TBD | TBD",
        "usually within a day | usually",
        "a better wallet | better",
        "stored securely | secure",
        "a secure wallet | secure",
        "a scalable vault | scalable",
      })
  void findsTheVagueWord(String text, String word) {
    assertThat(words(text)).containsExactly(word);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "someone pays",
        "the fastest route is not a promise",
        "breakfast is served",
        "a quickstart guide",
        "etcetera is spelled out",
        "a support agent helps",
        "the support team answers",
        "contact support for help",
        "our customer support replies in 4 hours",
        "support tickets are linked",
        "the card is stored as a token, never as a number",
        "3-D Secure challenges fail on Safari",
        "a 3D Secure retry",
        "within 2 seconds for 95 % of payments",
        "",
      })
  void leavesPreciseTextAlone(String text) {
    assertThat(words(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"simpler is not flagged, simple is"})
  void partOfALongerWordIsNoMatch(String text) {
    assertThat(words(text)).containsExactly("simple");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast and easy, etc.", "easy, fast etc. fast again"})
  void eachWordIsReportedOnceInTheOrderOfTheList(String text) {
    assertThat(words(text)).containsExactly("fast", "easy", "etc.");
  }

  @Test
  void everyTermHasAdviceThatReadsAsAnInstruction() {
    assertThat(VagueWords.terms()).hasSizeGreaterThan(60);
    assertThat(VagueWords.terms())
        .allSatisfy(
            t -> {
              assertThat(t.advice()).isNotBlank().doesNotEndWith(".");
              assertThat(t.pattern().matcher(t.word()).find()).as(t.word()).isTrue();
            });
  }
}
