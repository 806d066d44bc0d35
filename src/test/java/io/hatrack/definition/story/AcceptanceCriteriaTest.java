package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.definition.story.AcceptanceCriteria.Keyword;
import io.hatrack.definition.story.AcceptanceCriteria.Problem;
import io.hatrack.definition.story.AcceptanceCriteria.Scenario;
import io.hatrack.definition.story.AcceptanceCriteria.Step;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AcceptanceCriteriaTest {
  private static final String SAVE_A_CARD =
      """
      Scenario: Save a card at checkout
        Given a signed-in shopper with an empty wallet
        When they pay with a new card and tick "Save this card"
        Then the card appears in their wallet
        And it is stored as a token, never as a number
      """;

  private static List<String> problems(String text) {
    return AcceptanceCriteria.read(text).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void theExampleOfTheIssueReadsAsOneScenarioWithItsFourSteps() {
    List<Scenario> scenarios = AcceptanceCriteria.parse(SAVE_A_CARD);

    assertThat(scenarios).hasSize(1);
    Scenario s = scenarios.get(0);
    assertThat(s.name()).isEqualTo("Save a card at checkout");
    assertThat(s.steps())
        .extracting(Step::keyword, Step::text)
        .containsExactly(
            tuple(Keyword.GIVEN, "a signed-in shopper with an empty wallet"),
            tuple(Keyword.WHEN, "they pay with a new card and tick \"Save this card\""),
            tuple(Keyword.THEN, "the card appears in their wallet"),
            tuple(Keyword.AND, "it is stored as a token, never as a number"));
    assertThat(s.given()).containsExactly("a signed-in shopper with an empty wallet");
    assertThat(s.when()).containsExactly("they pay with a new card and tick \"Save this card\"");
    assertThat(s.then())
        .containsExactly(
            "the card appears in their wallet", "it is stored as a token, never as a number");
  }

  @Test
  void andAndButJoinTheSectionOfTheStepBeforeThem() {
    Scenario s =
        AcceptanceCriteria.parse(
                """
                Scenario: Expired card
                  Given a shopper
                  And a saved card that expired
                  But a second card that is valid
                  When they open the payment step
                  And they look at the wallet
                  Then the expired card is marked
                  But the valid card can be chosen
                """)
            .get(0);

    assertThat(s.given())
        .containsExactly("a shopper", "a saved card that expired", "a second card that is valid");
    assertThat(s.when()).containsExactly("they open the payment step", "they look at the wallet");
    assertThat(s.then())
        .containsExactly("the expired card is marked", "the valid card can be chosen");
  }

  @Test
  void keywordsInAnyCaseIndentationBlankLinesAndCommentsAreAccepted() {
    List<Scenario> scenarios =
        AcceptanceCriteria.parse(
            "# written by Ana\n\n"
                + "SCENARIO:   First one  \n"
                + "given a shopper\n"
                + "\t\twhen they pay\n"
                + "   # a comment between steps\n"
                + "THEN it works\n"
                + "\n\n"
                + "Example: Second one\n"
                + "  Then something happens\n");

    assertThat(scenarios).extracting(Scenario::name).containsExactly("First one", "Second one");
    assertThat(scenarios.get(0).steps())
        .extracting(Step::keyword)
        .containsExactly(Keyword.GIVEN, Keyword.WHEN, Keyword.THEN);
    assertThat(scenarios.get(1).then()).containsExactly("something happens");
  }

  @Test
  void blankOrMissingTextHasNoScenariosAndNoProblems() {
    assertThat(AcceptanceCriteria.parse(null)).isEmpty();
    assertThat(AcceptanceCriteria.parse("")).isEmpty();
    assertThat(AcceptanceCriteria.parse("  \n\n # only a comment\n")).isEmpty();
  }

  @Test
  void windowsLineEndingsCountLinesTheSameWay() {
    assertThat(problems("Scenario: A\r\n  Given x\r\n  When y\r\n  Given z\r\n  Then w\r\n"))
        .singleElement()
        .asString()
        .startsWith("line 4: ");
  }

  @Test
  void aStepBeforeAnyScenarioIsRefusedWithItsLine() {
    assertThat(problems("\nGiven a shopper\nScenario: Late\n  Then fine\n"))
        .containsExactly(
            "line 2: \u201cGiven\u201d comes before any scenario; start with"
                + " \u201cScenario: <name>\u201d");
  }

  @Test
  void aScenarioWithoutThenIsRefusedAtItsHeading() {
    assertThat(problems("Scenario: Fine\n  Then ok\n\nScenario: No outcome\n  Given x\n  When y\n"))
        .containsExactly(
            "line 4: \u201cNo outcome\u201d has no \u201cThen\u201d step: say what should happen");
  }

  @Test
  void aScenarioWithoutStepsIsRefused() {
    assertThat(problems("Scenario: Empty\nScenario: Full\n  Then ok"))
        .containsExactly("line 1: \u201cEmpty\u201d has no steps; add Given, When and Then steps");
  }

  @Test
  void givenAfterWhenIsRefusedAsOutOfOrder() {
    assertThat(problems("Scenario: Muddled\n  When they pay\n  Given a shopper\n  Then ok"))
        .containsExactly(
            "line 3: \u201cGiven\u201d comes after \u201cWhen\u201d in \u201cMuddled\u201d; put the"
                + " context (Given) before the action (When) and the outcome (Then)");
  }

  @Test
  void givenAfterThenIsRefusedToo() {
    assertThat(problems("Scenario: Muddled\n  Then ok\n  Given a shopper"))
        .singleElement()
        .asString()
        .startsWith("line 3: \u201cGiven\u201d comes after \u201cThen\u201d");
  }

  @Test
  void aSecondActionAfterTheOutcomeAsksForASecondScenario() {
    assertThat(problems("Scenario: Two acts\n  When a\n  Then b\n  When c\n  Then d"))
        .containsExactly(
            "line 4: \u201cWhen\u201d comes after \u201cThen\u201d in \u201cTwo acts\u201d; write a"
                + " second scenario for the next action");
  }

  @Test
  void aScenarioMayLeaveOutGivenOrWhen() {
    assertThat(AcceptanceCriteria.parse("Scenario: Outcome only\n  When x\n  Then y")).hasSize(1);
    assertThat(AcceptanceCriteria.parse("Scenario: No action\n  Given x\n  Then y")).hasSize(1);
  }

  @Test
  void anEmptyScenarioNameIsRefused() {
    assertThat(problems("Scenario:\n  Given x\n  Then y"))
        .containsExactly("line 1: the scenario needs a name after \u201cScenario:\u201d");
    assertThat(problems("Scenario:    \n  Then y")).hasSize(1);
  }

  @Test
  void andAsTheFirstStepIsRefused() {
    assertThat(problems("Scenario: Dangling\n  And something\n  Then ok"))
        .containsExactly(
            "line 2: \u201cAnd\u201d must follow a Given, When or Then step in \u201cDangling\u201d");
  }

  @Test
  void aKeywordWithoutTextIsRefused() {
    assertThat(problems("Scenario: Terse\n  Given\n  Then ok"))
        .containsExactly("line 2: \u201cGiven\u201d needs text after it");
  }

  @Test
  void aLineThatIsNeitherStepNorScenarioIsNamed() {
    assertThat(problems("Scenario: Chatty\n  The shopper pays\n  Then ok"))
        .containsExactly(
            "line 2: \u201cThe shopper pays\u201d is neither a step (Given, When, Then, And, But)"
                + " nor a \u201cScenario:\u201d line");
  }

  @Test
  void wordsThatOnlyStartLikeAKeywordAreNoSteps() {
    assertThat(problems("Scenario: Words\n  Android users pay\n  Then ok"))
        .singleElement()
        .asString()
        .contains("\u201cAndroid users pay\u201d is neither a step");
  }

  @Test
  void gherkinThatIsNotSupportedHereIsExplained() {
    assertThat(problems("Feature: Cards\nScenario: A\n  Then b"))
        .singleElement()
        .asString()
        .isEqualTo(
            "line 1: \u201cFeature:\u201d is not used here: write only scenarios (the export adds"
                + " the feature)");
    assertThat(problems("Scenario: A\n  Given cards:\n  | visa |\n  Then b"))
        .containsExactly("line 3: tables are not supported; write each row as its own And step");
    assertThat(problems("Scenario Outline: A <x>\n  Then b"))
        .first()
        .asString()
        .startsWith("line 1: scenario outlines with Examples are not supported");
    assertThat(problems("@smoke\nScenario: A\n  Then b"))
        .first()
        .asString()
        .startsWith("line 1: tags are not supported here");
    assertThat(problems("Scenario: A\n  Given\n  \"\"\"\n  Then b"))
        .contains("line 3: doc strings are not supported; put the text in the step itself");
  }

  @Test
  void twoScenariosWithTheSameNameAreRefused() {
    assertThat(problems("Scenario: Same\n  Then a\nScenario: same\n  Then b"))
        .containsExactly("line 3: another scenario is already called \u201csame\u201d");
  }

  @Test
  void overlongNamesAndStepsAreRefused() {
    String longText = "x".repeat(AcceptanceCriteria.MAX_LINE + 1);
    assertThat(problems("Scenario: " + longText + "\n  Then ok"))
        .containsExactly("line 1: the scenario name is longer than 500 characters");
    assertThat(problems("Scenario: A\n  Then " + longText))
        .containsExactly("line 2: the step is longer than 500 characters");
  }

  @Test
  void everyProblemIsReportedAtOnceUpToTen() {
    assertThat(problems("Given a\nScenario: B\n  When c\n  Given d\nScenario:\n  Then e"))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("line 1", "line 4", "line 2", "line 5");
    assertThat(problems("nonsense\n".repeat(25))).hasSize(AcceptanceCriteria.MAX_PROBLEMS);
  }

  @Test
  void validateThrowsInvalidOnTheAcceptanceFieldWithTheLineInEachReason() {
    assertThatThrownBy(() -> AcceptanceCriteria.validate("Scenario: A\n  Given x\n  When y\n"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError(
                            "acceptance",
                            "line 1: \u201cA\u201d has no \u201cThen\u201d step: say what should"
                                + " happen")));
    AcceptanceCriteria.validate(SAVE_A_CARD);
    AcceptanceCriteria.validate("");
  }

  @Test
  void formatWritesTheCanonicalFormWithBlankLinesBetweenScenarios() {
    String text =
        AcceptanceCriteria.format(
            AcceptanceCriteria.parse(
                "scenario:  One\ngiven a\n  and b\nthen c\n\n\n# note\nScenario: Two\nThen d"));

    assertThat(text)
        .isEqualTo(
            """
            Scenario: One
              Given a
              And b
              Then c

            Scenario: Two
              Then d
            """);
    assertThat(AcceptanceCriteria.format(List.of())).isEmpty();
  }

  @Test
  void scenarioOfSectionsStartsEachSectionWithItsKeywordAndContinuesWithAnd() {
    Scenario s = Scenario.of("S", List.of("a", "b"), List.of("c"), List.of("d", "e"));

    assertThat(s.steps())
        .extracting(Step::toString)
        .containsExactly("Given a", "And b", "When c", "Then d", "And e");
    assertThat(Scenario.of("T", null, null, List.of("x")).steps())
        .extracting(Step::toString)
        .containsExactly("Then x");
  }

  @Property(tries = 300)
  void formattedScenariosReadBackUnchanged(@ForAll("scenarios") List<Scenario> scenarios) {
    String text = AcceptanceCriteria.format(scenarios);

    assertThat(AcceptanceCriteria.parse(text)).isEqualTo(scenarios);
    assertThat(AcceptanceCriteria.format(AcceptanceCriteria.parse(text))).isEqualTo(text);
  }

  @Provide
  Arbitrary<List<Scenario>> scenarios() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789\"'.,:;!?-#@|*()é€")
            .ofMinLength(1)
            .ofMaxLength(40)
            .map(String::strip)
            .filter(s -> !s.isEmpty());
    Arbitrary<List<String>> section = text.list().ofMaxSize(3);
    Arbitrary<Scenario> scenario =
        Combinators.combine(text, section, section, text.list().ofMinSize(1).ofMaxSize(3))
            .as(Scenario::of);
    return scenario
        .list()
        .ofMaxSize(4)
        .map(
            list -> {
              List<Scenario> unique = new ArrayList<>();
              List<String> names = new ArrayList<>();
              for (Scenario s : list) {
                if (!names.contains(s.name().toLowerCase(java.util.Locale.ROOT))) {
                  names.add(s.name().toLowerCase(java.util.Locale.ROOT));
                  unique.add(s);
                }
              }
              return unique;
            });
  }
}
