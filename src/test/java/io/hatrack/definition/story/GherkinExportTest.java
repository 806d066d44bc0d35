package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.Tag;
import io.hatrack.definition.story.GherkinExport.Source;
import io.hatrack.definition.story.GherkinExport.Story;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GherkinExportTest {
  private static final Story SAVE =
      new Story(
          "CHK-43",
          "Save a card at checkout",
          "returning shopper",
          "to save my card while I pay",
          "I do not have to type it again",
          """
          Scenario: Save a card at checkout
            Given a signed-in shopper with an empty wallet
            When they pay with a new card and tick "Save this card"
            Then the card appears in their wallet
            And it is stored as a token, never as a number
          """,
          null);

  private static final Story REMOVE =
      new Story(
          "CHK-45",
          "Remove a saved card",
          "shopper",
          "to remove a card",
          null,
          "Scenario: Remove\n  Given two cards\n  When they remove one\n  Then one is left",
          null);

  @Test
  void aFeatureBecomesOneRulePerStoryWithTheStoryPartsAndTaggedScenarios() {
    String text =
        GherkinExport.feature(
            new Source("CHK-42", "One-click saved cards", "Shoppers pay with a saved card."),
            List.of(SAVE, REMOVE));

    assertThat(text)
        .isEqualTo(
            """
            # Acceptance criteria exported from Hatrack.
            @CHK-42
            Feature: One-click saved cards
              Shoppers pay with a saved card.

              Rule: Save a card at checkout
                As a returning shopper
                I want to save my card while I pay
                So that I do not have to type it again

                @CHK-43
                Scenario: Save a card at checkout
                  Given a signed-in shopper with an empty wallet
                  When they pay with a new card and tick "Save this card"
                  Then the card appears in their wallet
                  And it is stored as a token, never as a number

              Rule: Remove a saved card
                As a shopper
                I want to remove a card

                @CHK-45
                Scenario: Remove
                  Given two cards
                  When they remove one
                  Then one is left
            """);
    ReferenceGherkin parsed = ReferenceGherkin.parse(text);
    assertThat(parsed.feature().getName()).isEqualTo("One-click saved cards");
    assertThat(parsed.feature().getTags()).extracting(Tag::getName).containsExactly("@CHK-42");
    assertThat(parsed.feature().getDescription().strip())
        .isEqualTo("Shoppers pay with a saved card.");
    List<Rule> rules =
        parsed.feature().getChildren().stream().flatMap(c -> c.getRule().stream()).toList();
    assertThat(rules)
        .extracting(Rule::getName)
        .containsExactly("Save a card at checkout", "Remove a saved card");
    assertThat(rules.get(0).getDescription().lines().map(String::strip).toList())
        .containsExactly(
            "As a returning shopper",
            "I want to save my card while I pay",
            "So that I do not have to type it again");
    assertThat(parsed.scenarios())
        .containsExactly(
            "Save a card at checkout [@CHK-42, @CHK-43]: a signed-in shopper with an empty"
                + " wallet; they pay with a new card and tick \"Save this card\"; the card appears"
                + " in their wallet; it is stored as a token, never as a number",
            "Remove [@CHK-42, @CHK-45]: two cards; they remove one; one is left");
  }

  @Test
  void aSingleStoryIsAFeatureOfItsOwnWithItsSentenceAsDescription() {
    String text = GherkinExport.story(SAVE);

    assertThat(text)
        .isEqualTo(
            """
            # Acceptance criteria exported from Hatrack.
            @CHK-43
            Feature: Save a card at checkout
              As a returning shopper
              I want to save my card while I pay
              So that I do not have to type it again

              Scenario: Save a card at checkout
                Given a signed-in shopper with an empty wallet
                When they pay with a new card and tick "Save this card"
                Then the card appears in their wallet
                And it is stored as a token, never as a number
            """);
    ReferenceGherkin parsed = ReferenceGherkin.parse(text);
    assertThat(parsed.feature().getChildren())
        .singleElement()
        .satisfies(c -> assertThat(c.getScenario()).isPresent());
    assertThat(parsed.scenarios())
        .singleElement()
        .asString()
        .startsWith("Save a card at checkout [@CHK-43]");
  }

  @Test
  void storiesFromDeeperDownSayWhereTheySitInAComment() {
    Story under =
        new Story(
            "CHK-50",
            "Retry the challenge",
            null,
            null,
            null,
            "Scenario: Retry\n  Then it works",
            "CHK-48 \u201c3-D Secure retry\u201d");

    String text =
        GherkinExport.feature(new Source("CHK-40", "Checkout drop-off", ""), List.of(under));

    assertThat(text)
        .contains("  # Under CHK-48 \u201c3-D Secure retry\u201d\n  Rule: Retry the challenge\n");
    assertThat(ReferenceGherkin.parse(text).scenarios())
        .containsExactly("Retry [@CHK-40, @CHK-50]: it works");
  }

  @Test
  void storiesWithoutCriteriaOrWithUnreadableCriteriaStayValidWithAComment() {
    Story none = new Story("CHK-2", "No criteria", "r", "g", "b", "", null);
    Story broken = new Story("CHK-3", "Broken", null, null, null, "Scenario: A\n  When x", null);

    String text =
        GherkinExport.feature(new Source("CHK-1", "Feature", null), List.of(none, broken));

    assertThat(text)
        .contains("    # No acceptance criteria for CHK-2 yet.\n")
        .contains(
            "    # The acceptance criteria of CHK-3 could not be read: line 1: \u201cA\u201d has no"
                + " \u201cThen\u201d step: say what should happen\n");
    ReferenceGherkin parsed = ReferenceGherkin.parse(text);
    assertThat(parsed.feature().getChildren()).extracting(FeatureChild::getRule).hasSize(2);
    assertThat(parsed.pickles()).isEmpty();
  }

  @Test
  void aFeatureWithoutStoriesSaysSo() {
    String text = GherkinExport.feature(new Source("CHK-9", "Empty", null), List.of());

    assertThat(text).endsWith("Feature: Empty\n\n  # No stories under CHK-9 yet.\n");
    ReferenceGherkin.parse(text);
  }

  @Test
  void markdownInTheDescriptionCannotBreakTheFile() {
    String description =
        """
        # Why

        Shoppers re-type their card.
        ## What
        - one click
        | table | row |
        @someone said so
        Scenario: not a scenario
        Rule: not a rule
        Background: not a background
        Given prose that starts like a step
        ```
        code
        ```
        \"\"\"
        #
        """;

    String text = GherkinExport.feature(new Source("CHK-1", "Cards", description), List.of(SAVE));

    ReferenceGherkin parsed = ReferenceGherkin.parse(text);
    assertThat(parsed.feature().getDescription().lines().map(String::strip).toList())
        .containsExactly(
            "Why",
            "",
            "Shoppers re-type their card.",
            "What",
            "- one click",
            "| table | row |",
            "- @someone said so",
            "- Scenario: not a scenario",
            "- Rule: not a rule",
            "- Background: not a background",
            "Given prose that starts like a step",
            "```",
            "code",
            "```",
            "\"\"\"");
    assertThat(parsed.pickles()).hasSize(1);
  }

  @Test
  void titlesOnSeveralLinesAreJoined() {
    String text =
        GherkinExport.feature(
            new Source("CHK-1", "Two\nlines", null),
            List.of(new Story("CHK-2", "A\r\nstory", null, null, null, "", null)));

    assertThat(text).contains("Feature: Two lines\n").contains("  Rule: A story\n");
    ReferenceGherkin.parse(text);
  }

  @Test
  void theFileIsNamedAfterTheKey() {
    assertThat(GherkinExport.fileName("CHK-42")).isEqualTo("CHK-42.feature");
  }

  @Property(tries = 200)
  void anyDescriptionAndStoryPartsGiveValidGherkin(
      @ForAll("texts") String description,
      @ForAll("texts") String role,
      @ForAll("texts") String title) {
    String safeTitle = title.isBlank() ? "t" : title;
    String text =
        GherkinExport.feature(
            new Source("CHK-1", safeTitle, description),
            List.of(
                new Story("CHK-2", safeTitle, role, description, role, SAVE.acceptance(), null)));

    ReferenceGherkin parsed = ReferenceGherkin.parse(text);

    assertThat(parsed.pickles()).hasSize(1);
    ReferenceGherkin.parse(
        GherkinExport.story(new Story("CHK-2", safeTitle, role, description, role, "", null)));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab #@|:*\"`-\t").ofMaxLength(12),
            Arbitraries.of(
                "Feature: x",
                "Scenario: y",
                "Rule: z",
                "Background:",
                "Examples:",
                "Scenario Outline: o",
                "Given a",
                "Then b",
                "@tag",
                "# heading",
                "| a | b |",
                "\"\"\"",
                "```",
                "* star",
                "",
                "   "));
    return line.list().ofMaxSize(6).map(lines -> String.join("\n", lines));
  }
}
