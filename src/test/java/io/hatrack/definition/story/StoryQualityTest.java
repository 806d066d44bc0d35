package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.Size;
import io.hatrack.definition.story.StoryQuality.Dependency;
import io.hatrack.definition.story.StoryQuality.Finding;
import io.hatrack.definition.story.StoryQuality.Input;
import io.hatrack.definition.story.StoryQuality.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the story quality check, one criterion at a time. */
class StoryQualityTest {
  private static final String SCENARIO =
      """
      Scenario: Save a card at checkout
        Given a signed-in shopper with an empty wallet
        When they pay with a new card and tick "Save this card"
        Then the card appears in their wallet
        And it is stored as a token, never as a number
      """;

  /** A story that passes every check: 3 points against a limit of 8. */
  private static Input good() {
    return new Input(
        "Save a card at checkout",
        "returning shopper",
        "to save my card while I pay",
        "I do not have to type my card number again next time",
        "Shoppers who come back re-enter their card today.",
        SCENARIO,
        EstimateUnit.POINTS,
        3.0,
        null,
        8.0,
        List.of());
  }

  private static Input with(
      Input in,
      String title,
      String role,
      String goal,
      String benefit,
      String description,
      String acceptance) {
    return new Input(
        title,
        role,
        goal,
        benefit,
        description,
        acceptance,
        in.unit(),
        in.estimate(),
        in.size(),
        in.storySizeLimit(),
        in.dependsOn());
  }

  private static Input estimated(EstimateUnit unit, Double estimate, Size size, Double limit) {
    Input g = good();
    return new Input(
        g.title(),
        g.role(),
        g.goal(),
        g.benefit(),
        g.description(),
        g.acceptance(),
        unit,
        estimate,
        size,
        limit,
        List.of());
  }

  private static Input dependingOn(Dependency... deps) {
    Input g = good();
    return new Input(
        g.title(),
        g.role(),
        g.goal(),
        g.benefit(),
        g.description(),
        g.acceptance(),
        g.unit(),
        g.estimate(),
        g.size(),
        g.storySizeLimit(),
        List.of(deps));
  }

  private static Finding finding(Input in, String criterion) {
    return StoryQuality.check(in).stream()
        .filter(f -> f.criterion().equals(criterion))
        .findFirst()
        .orElseThrow();
  }

  private static List<Finding> wording(Input in) {
    return StoryQuality.check(in).stream().filter(f -> f.criterion().equals("clear")).toList();
  }

  @Test
  void aGoodStoryPassesEveryCheckInAFixedOrder() {
    List<Finding> findings = StoryQuality.check(good());

    assertThat(findings)
        .extracting(Finding::criterion, Finding::label, Finding::verdict)
        .containsExactly(
            tuple("role", "Who it is for", Verdict.PASSED),
            tuple("goal", "What they want", Verdict.PASSED),
            tuple("independent", "Independent", Verdict.PASSED),
            tuple("negotiable", "Negotiable", Verdict.PASSED),
            tuple("valuable", "Valuable", Verdict.PASSED),
            tuple("estimable", "Estimable", Verdict.PASSED),
            tuple("small", "Small", Verdict.PASSED),
            tuple("testable", "Testable", Verdict.PASSED),
            tuple("clear", "Clear wording", Verdict.PASSED));
    assertThat(findings)
        .extracting(Finding::explanation)
        .containsExactly(
            "As a returning shopper.",
            "I want to save my card while I pay.",
            "It depends on no other item, so it can be built and shipped in any order.",
            "The goal and description say what is needed, not how to build it, which leaves the"
                + " team room to find the best way. (A heuristic: it looks for phrases such as"
                + " \u201cmust use\u201d, SQL and names from code.)",
            "So that I do not have to type my card number again next time.",
            "Estimated at 3 story points.",
            "3 story points is within the product's story size limit of 8 story points.",
            "One acceptance scenario says when the story is done.",
            "No vague words such as \u201cfast\u201d, \u201ceasy\u201d, \u201cetc.\u201d or"
                + " \u201cand/or\u201d found.");
    assertThat(StoryQuality.count(findings, Verdict.PASSED)).isEqualTo(9);
  }

  @Test
  void aStoryWithNothingButATitleFailsWhatIsMissingAndSaysWhatToDo() {
    Input bare =
        new Input("Saved cards", "", null, " ", "", "", EstimateUnit.POINTS, null, null, 8.0, null);

    List<Finding> findings = StoryQuality.check(bare);

    assertThat(findings)
        .extracting(Finding::criterion, Finding::verdict)
        .containsExactly(
            tuple("role", Verdict.FAILED),
            tuple("goal", Verdict.FAILED),
            tuple("independent", Verdict.PASSED),
            tuple("negotiable", Verdict.PASSED),
            tuple("valuable", Verdict.FAILED),
            tuple("estimable", Verdict.FAILED),
            tuple("small", Verdict.WARNING),
            tuple("testable", Verdict.FAILED),
            tuple("clear", Verdict.PASSED));
    assertThat(finding(bare, "role").explanation())
        .isEqualTo(
            "No role yet. Say who wants this, e.g. \u201cAs a returning shopper\u201d, so that the"
                + " team builds it for a real person.");
    assertThat(finding(bare, "goal").explanation()).startsWith("No goal yet. Say what the person");
    assertThat(finding(bare, "valuable").explanation())
        .startsWith("No \u201cso that\u201d yet. Say what the person gains");
    assertThat(finding(bare, "estimable").explanation())
        .isEqualTo(
            "No estimate yet. Estimate the story in story points so that it can be planned; if"
                + " the team cannot, the story needs more detail or a spike first.");
    assertThat(finding(bare, "small").explanation())
        .isEqualTo("Cannot tell without an estimate. Estimate the story first.");
    assertThat(finding(bare, "testable").explanation())
        .isEqualTo(
            "No acceptance criteria yet. Add at least one scenario (Given \u2026, When \u2026, Then"
                + " \u2026) so that everyone knows when the story is done.");
  }

  @Test
  void thePartsReadAsASentenceHoweverTheyWereTyped() {
    Input typed =
        with(
            good(),
            "T",
            "As an admin",
            "I want to remove a card",
            "so that it cannot be charged.",
            "",
            SCENARIO);

    assertThat(finding(typed, "role").explanation()).isEqualTo("As an admin.");
    assertThat(finding(typed, "goal").explanation()).isEqualTo("I want to remove a card.");
    assertThat(finding(typed, "valuable").explanation()).isEqualTo("So that it cannot be charged.");
    assertThat(finding(with(good(), "T", "user", "x", "y", "", SCENARIO), "role").explanation())
        .isEqualTo("As a user.");
    assertThat(finding(with(good(), "T", "owner", "x", "y", "", SCENARIO), "role").explanation())
        .isEqualTo("As an owner.");
  }

  // ---- Independent -------------------------------------------------------------------------

  @Test
  void dependenciesThatAreNotDoneAreNamedWithTheirStateAsAWarning() {
    Input in =
        dependingOn(
            new Dependency("CHK-12", "Card vault API", "In progress", false),
            new Dependency("CHK-3", "Tokenise cards", "Done", true),
            new Dependency("CHK-14", "Wallet page", "Backlog", false));

    Finding f = finding(in, "independent");

    assertThat(f.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(f.explanation())
        .isEqualTo(
            "It depends on CHK-12 \u201cCard vault API\u201d (In progress) and CHK-14 \u201cWallet"
                + " page\u201d (Backlog), which are not done yet. Finish them first, or split the"
                + " story so that a part of it can ship on its own.");
  }

  @Test
  void oneOpenDependencyIsNamedInTheSingular() {
    Finding f =
        finding(dependingOn(new Dependency("CHK-12", "Vault", "Ready", false)), "independent");

    assertThat(f.explanation())
        .isEqualTo(
            "It depends on CHK-12 \u201cVault\u201d (Ready), which is not done yet. Finish it"
                + " first, or split the story so that a part of it can ship on its own.");
  }

  @Test
  void dependenciesThatAreAllDoneLetTheStoryPass() {
    Finding one =
        finding(dependingOn(new Dependency("CHK-3", "Tokenise", "Done", true)), "independent");
    Finding two =
        finding(
            dependingOn(
                new Dependency("CHK-3", "Tokenise", "Done", true),
                new Dependency("CHK-4", "Vault", "Won't do", true)),
            "independent");

    assertThat(one.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(one.explanation())
        .isEqualTo("It depends on CHK-3 \u201cTokenise\u201d, which is done.");
    assertThat(two.explanation())
        .isEqualTo(
            "It depends on CHK-3 \u201cTokenise\u201d and CHK-4 \u201cVault\u201d, which are all"
                + " done.");
  }

  // ---- Negotiable --------------------------------------------------------------------------

  @Test
  void aDescriptionThatPrescribesTheBuildIsFlaggedAsAHeuristicWithWhatWasFound() {
    Input in =
        with(
            good(),
            "T",
            "shopper",
            "to save my card",
            "x",
            "The vault must use Redis. Call CardVaultService and store card_token.",
            SCENARIO);

    Finding f = finding(in, "negotiable");

    assertThat(f.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(f.explanation())
        .isEqualTo(
            "The description may prescribe how to build it (\u201cmust use\u201d,"
                + " \u201cCardVaultService\u201d, \u201ccard_token\u201d). Say what the person needs"
                + " and leave the how to the team, or move technical decisions to a note or the"
                + " decision log. (A heuristic: it looks for phrases such as \u201cmust use\u201d,"
                + " SQL and names from code.)");
  }

  @Test
  void implementationDetailsInTheGoalAndDescriptionAreBothNamed() {
    Input in =
        with(
            good(),
            "T",
            "shopper",
            "the wallet implemented with React",
            "x",
            "SELECT * FROM cards WHERE owner = ?",
            SCENARIO);

    assertThat(finding(in, "negotiable").explanation())
        .startsWith(
            "The goal and the description may prescribe how to build it (\u201cimplemented"
                + " with\u201d, \u201cSELECT * FROM\u201d)");
  }

  // ---- Estimable and Small -----------------------------------------------------------------

  @Test
  void pointsWithinTheLimitAndExactlyAtItAreSmall() {
    assertThat(finding(estimated(EstimateUnit.POINTS, 8.0, null, 8.0), "small"))
        .extracting(Finding::verdict, Finding::explanation)
        .containsExactly(
            Verdict.PASSED,
            "8 story points is within the product's story size limit of 8 story points.");
    assertThat(finding(estimated(EstimateUnit.POINTS, 1.0, null, 8.0), "small").explanation())
        .isEqualTo("1 story point is within the product's story size limit of 8 story points.");
    assertThat(finding(estimated(EstimateUnit.POINTS, 0.5, null, 8.0), "estimable").explanation())
        .isEqualTo("Estimated at 0.5 story points.");
  }

  @Test
  void pointsOverTheLimitFailAndAskForASplit() {
    Finding f = finding(estimated(EstimateUnit.POINTS, 13.0, null, 8.0), "small");

    assertThat(f.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(f.explanation())
        .isEqualTo(
            "13 story points is over the product's story size limit of 8 story points. Split it"
                + " into smaller stories that each deliver something of value.");
  }

  @Test
  void personDaysAreComparedWithTheLimitInDays() {
    assertThat(finding(estimated(EstimateUnit.DAYS, 2.5, null, 5.0), "small").explanation())
        .isEqualTo("2.5 person-days is within the product's story size limit of 5 person-days.");
    assertThat(finding(estimated(EstimateUnit.DAYS, 6.0, null, 5.0), "small").verdict())
        .isEqualTo(Verdict.FAILED);
    assertThat(finding(estimated(EstimateUnit.DAYS, 1.0, null, 5.0), "estimable").explanation())
        .isEqualTo("Estimated at 1 person-day.");
  }

  @Test
  void withoutAProductLimitSizeIsNotCheckedAndSaysHowToSetOne() {
    Finding f = finding(estimated(EstimateUnit.POINTS, 40.0, null, null), "small");

    assertThat(f.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(f.explanation())
        .isEqualTo(
            "Not checked: the product has no story size limit. Set one in the product's"
                + " definition settings (e.g. the most the team finishes in one sprint).");
  }

  @Test
  void tShirtSizesUpToLAreSmallAndXlOrXxlAreTooBigWhateverTheNumericLimit() {
    for (Size size : List.of(Size.XS, Size.S, Size.M, Size.L)) {
      Finding f = finding(estimated(EstimateUnit.SIZE, null, size, 1.0), "small");
      assertThat(f.verdict()).as(size.id()).isEqualTo(Verdict.PASSED);
    }
    assertThat(finding(estimated(EstimateUnit.SIZE, null, Size.M, null), "small").explanation())
        .isEqualTo(
            "Size M fits (the limit for t-shirt sizes is L: XL and XXL are too big to finish in"
                + " one sprint).");
    for (Size size : List.of(Size.XL, Size.XXL)) {
      Finding f = finding(estimated(EstimateUnit.SIZE, null, size, null), "small");
      assertThat(f.verdict()).as(size.id()).isEqualTo(Verdict.FAILED);
    }
    assertThat(finding(estimated(EstimateUnit.SIZE, null, Size.XL, null), "small").explanation())
        .isEqualTo(
            "Size XL is too big (the limit for t-shirt sizes is L: XL and XXL are too big to"
                + " finish in one sprint). Split it into smaller stories that each deliver"
                + " something of value.");
  }

  @Test
  void aProductEstimatingInSizesNeedsASizeNotANumber() {
    Input numberOnly = estimated(EstimateUnit.SIZE, 5.0, null, null);

    assertThat(finding(numberOnly, "estimable").verdict()).isEqualTo(Verdict.FAILED);
    assertThat(finding(numberOnly, "estimable").explanation())
        .startsWith("No estimate yet. Estimate the story with a t-shirt size so that");
    assertThat(finding(estimated(EstimateUnit.SIZE, null, Size.S, null), "estimable").explanation())
        .isEqualTo("Estimated at size S.");
  }

  // ---- Testable ----------------------------------------------------------------------------

  @Test
  void severalScenariosAreCounted() {
    Input in =
        with(good(), "T", "r", "g", "b", "", SCENARIO + "\nScenario: Second\n  Then it works\n");

    assertThat(finding(in, "testable").explanation())
        .isEqualTo("2 acceptance scenarios say when the story is done.");
  }

  @Test
  void criteriaThatCannotBeReadFailWithTheFirstProblem() {
    Input in = with(good(), "T", "r", "g", "b", "", "Scenario: A\n  When x\n");

    Finding f = finding(in, "testable");

    assertThat(f.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(f.explanation())
        .isEqualTo(
            "The acceptance criteria cannot be read (line 1: \u201cA\u201d has no \u201cThen\u201d"
                + " step: say what should happen). Fix them so that everyone can check when the"
                + " story is done.");
  }

  // ---- Clear wording -----------------------------------------------------------------------

  @Test
  void eachVagueWordIsNamedWithWhereItIsAndAMeasurableRewrite() {
    Input in =
        with(
            good(),
            "Fast checkout",
            "shopper",
            "to pay with a saved card in one fast step",
            "checkout is user-friendly",
            "Cards, wallets etc. should load quickly.",
            "Scenario: Many cards\n  Given a shopper with several cards\n  Then the list is shown");

    List<Finding> found = wording(in);

    assertThat(found)
        .extracting(Finding::word, Finding::where)
        .containsExactly(
            tuple("fast", "the title"),
            tuple("fast", "the goal"),
            tuple("user-friendly", "the \u201cso that\u201d"),
            tuple("quickly", "the description"),
            tuple("etc.", "the description"),
            tuple("several", "scenario \u201cMany cards\u201d"),
            tuple("many", "scenario \u201cMany cards\u201d"));
    assertThat(found).allSatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.WARNING));
    assertThat(found.get(1).explanation())
        .isEqualTo(
            "\u201cfast\u201d in the goal is vague: say how fast, with a time and a share of"
                + " cases, e.g. \u201cwithin 2 seconds for 95 % of payments\u201d.");
    assertThat(found.get(4).explanation())
        .isEqualTo(
            "\u201cetc.\u201d in the description is vague: list every case, or link to the full"
                + " list: the rest is left to guesswork.");
  }

  @Test
  void vagueWordsInCriteriaThatCannotBeReadAreStillFound() {
    Input in = with(good(), "T", "r", "g", "b", "", "Scenario: A\n  When the page is fast\n");

    assertThat(wording(in))
        .extracting(Finding::word, Finding::where)
        .containsExactly(tuple("fast", "the acceptance criteria"));
  }
}
