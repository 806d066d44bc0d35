package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "returning shopper | As a returning shopper",
        "a returning shopper | As a returning shopper",
        "As a returning shopper | As a returning shopper",
        "as an admin | As an admin",
        "admin | As an admin",
        "owner of the store | As an owner of the store",
        "user | As a user",
        "European merchant | As a European merchant",
        "the buyer | As the buyer",
        "  finance lead  | As a finance lead",
      })
  void theRoleReadsWithTheRightArticle(String role, String expected) {
    assertThat(StoryText.asA(role)).isEqualTo(expected);
  }

  @Test
  void theGoalAndBenefitDropALeadInThatWasTypedAlready() {
    assertThat(StoryText.iWant("I want to save my card")).isEqualTo("I want to save my card");
    assertThat(StoryText.iWant("to save my card")).isEqualTo("I want to save my card");
    assertThat(StoryText.iWant("I'd like to save my card")).isEqualTo("I want to save my card");
    assertThat(StoryText.soThat("So that I pay faster")).isEqualTo("So that I pay faster");
    assertThat(StoryText.soThat("I pay faster")).isEqualTo("So that I pay faster");
  }

  @Test
  void blankPartsAreLeftOut() {
    assertThat(StoryText.asA(" ")).isEmpty();
    assertThat(StoryText.iWant(null)).isEmpty();
    assertThat(StoryText.lines("shopper", "", "I pay faster"))
        .containsExactly("As a shopper", "So that I pay faster");
    assertThat(StoryText.sentence(null, null, null)).isEmpty();
  }

  @Test
  void theSentenceJoinsThePartsWithCommasAndEndsWithAFullStop() {
    assertThat(
            StoryText.sentence("returning shopper", "to save my card", "I need not type it again"))
        .isEqualTo(
            "As a returning shopper, I want to save my card, so that I need not type it again.");
    assertThat(StoryText.sentence("shopper", "to pay.", null))
        .isEqualTo("As a shopper, I want to pay.");
  }

  @Test
  void linesOfAPartStayOnOneLine() {
    assertThat(StoryText.lines("shopper\non a phone", null, null))
        .containsExactly("As a shopper on a phone");
  }
}
