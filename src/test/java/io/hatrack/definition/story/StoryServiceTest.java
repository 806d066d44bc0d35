package io.hatrack.definition.story;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.unique;
import static io.hatrack.testing.Fixtures.user;
import static io.hatrack.testing.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.story.StoryQuality.Finding;
import io.hatrack.definition.story.StoryQuality.Verdict;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class StoryServiceTest {
  private static final String CRITERIA =
      """
      Scenario: Save a card at checkout
        Given a signed-in shopper with an empty wallet
        When they pay with a new card and tick "Save this card"
        Then the card appears in their wallet
      """;

  private static StoryService stories(TestApp app) {
    return app.app().definition().stories();
  }

  private static WorkItemService items(TestApp app) {
    return app.app().definition().workItems();
  }

  private static String id(WorkItem item) {
    return Long.toString(item.id());
  }

  private static WorkItem create(TestApp app, User actor, Product product, NewWorkItem in) {
    return items(app).create(actor, product.slug(), in);
  }

  /** A story with all its parts, estimated at {@code points}, under {@code parent} (or none). */
  private static WorkItem story(
      TestApp app, User actor, Product product, String title, Double points, WorkItem parent) {
    return create(
        app,
        actor,
        product,
        new NewWorkItem(
            "story",
            title,
            "Shoppers re-enter their card today.",
            parent == null ? null : id(parent),
            null,
            points,
            null,
            null,
            "returning shopper",
            "to save my card while I pay",
            "I do not type it again",
            CRITERIA,
            List.of()));
  }

  private static WorkItem item(
      TestApp app, User actor, Product product, String type, String title, WorkItem parent) {
    NewWorkItem in = NewWorkItem.of(type, title);
    return create(app, actor, product, parent == null ? in : in.withParent(id(parent)));
  }

  private static Finding finding(StoryService.Quality q, String criterion) {
    return q.findings().stream()
        .filter(f -> f.criterion().equals(criterion))
        .findFirst()
        .orElseThrow();
  }

  private static void limit(TestApp app, Team team, String unit, Double limit) {
    var settings = app.app().definition().workflows().settings(team.owner(), team.product().slug());
    app.app()
        .definition()
        .workflows()
        .updateSettings(team.owner(), team.product().slug(), settings.version(), unit, limit);
  }

  // ---- Quality -----------------------------------------------------------------------------

  @Test
  void aWellWrittenStoryPassesEveryCheckAgainstTheProductsLimit(TestApp app) {
    Team team = team(app);
    limit(app, team, "points", 8.0);
    WorkItem story = story(app, team.owner(), team.product(), "Save a card", 3.0, null);

    StoryService.Quality q = stories(app).quality(team.owner(), story.key());

    assertThat(q.story().id()).isEqualTo(story.id());
    assertThat(q.findings()).allSatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASSED));
    assertThat(finding(q, "small").explanation())
        .isEqualTo("3 story points is within the product's story size limit of 8 story points.");
    assertThat(q.count(Verdict.PASSED)).isEqualTo(q.findings().size());
  }

  @Test
  void aStoryOverTheLimitFailsAndAStoryInSizesUsesTheTShirtLimit(TestApp app) {
    Team team = team(app);
    limit(app, team, "points", 5.0);
    WorkItem big = story(app, team.owner(), team.product(), "Big", 13.0, null);

    assertThat(finding(stories(app).quality(team.owner(), id(big)), "small").verdict())
        .isEqualTo(Verdict.FAILED);

    Team sized = team(app);
    limit(app, sized, "size", null);
    WorkItem xl =
        create(
            app,
            sized.owner(),
            sized.product(),
            new NewWorkItem(
                "story", "Huge", null, null, null, null, "XL", null, "r", "g", "b", CRITERIA,
                List.of()));
    assertThat(finding(stories(app).quality(sized.owner(), id(xl)), "small"))
        .extracting(Finding::verdict, Finding::explanation)
        .containsExactly(
            Verdict.FAILED,
            "Size XL is too big (the limit for t-shirt sizes is L: XL and XXL are too big to"
                + " finish in one sprint). Split it into smaller stories that each deliver"
                + " something of value.");
  }

  @Test
  void dependingOnUnfinishedWorkIsAWarningUntilThatWorkIsDone(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    WorkItem story = story(app, ana, team.product(), "Pay with a saved card", 3.0, null);
    WorkItem vault = item(app, ana, team.product(), "task", "Card vault API", null);
    WorkItem blocked = story(app, ana, team.product(), "Waits for us", 1.0, null);
    var links = app.collaboration().links();
    links.add(ana, id(story), id(vault), "depends-on");
    links.add(ana, id(blocked), id(story), "depends-on");
    links.add(ana, id(story), page(app, ana, team.product()).item().key(), "depends-on");
    links.add(ana, id(story), id(blocked), "relates-to");

    Finding open = finding(stories(app).quality(ana, id(story)), "independent");

    assertThat(open.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(open.explanation())
        .startsWith(
            "It depends on "
                + vault.key()
                + " \u201cCard vault API\u201d (Backlog), which is not"
                + " done yet.");

    WorkItem moving =
        items(app)
            .update(
                ana, id(vault), vault.version(), WorkItemChanges.none().withStatus("In progress"));
    items(app).update(ana, id(vault), moving.version(), WorkItemChanges.none().withStatus("Done"));

    Finding done = finding(stories(app).quality(ana, id(story)), "independent");
    assertThat(done.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(done.explanation())
        .isEqualTo("It depends on " + vault.key() + " \u201cCard vault API\u201d, which is done.");
  }

  @Test
  void onlyStoriesHaveAQualityCheck(TestApp app) {
    Team team = team(app);
    WorkItem feature = item(app, team.owner(), team.product(), "feature", "Saved cards", null);

    assertThatThrownBy(() -> stories(app).quality(team.owner(), id(feature)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("item"))
                    .startsWith(feature.key() + " is a feature; the quality check is for stories"));
  }

  @Test
  void someoneOutsideTheWorkspaceCannotSeeTheCheck(TestApp app) {
    Team team = team(app);
    WorkItem story = story(app, team.owner(), team.product(), "Private", 1.0, null);

    assertThatThrownBy(() -> stories(app).quality(user(app, "eve"), id(story)))
        .isInstanceOf(NotFound.class);
  }

  // ---- Acceptance criteria -----------------------------------------------------------------

  @Test
  void savingCriteriaKeepsTheTextAndMovesTheVersionOn(TestApp app) {
    Team team = team(app);
    WorkItem story = item(app, team.owner(), team.product(), "story", "Save a card", null);

    StoryService.Acceptance saved =
        stories(app).saveAcceptance(team.owner(), id(story), story.version(), "  " + CRITERIA);

    assertThat(saved.item().version()).isEqualTo(story.version() + 1);
    assertThat(saved.item().acceptance()).isEqualTo(CRITERIA.strip());
    assertThat(saved.reading().scenarios())
        .extracting(s -> s.name())
        .containsExactly("Save a card at checkout");
    assertThat(stories(app).acceptance(team.owner(), id(story)).item().acceptance())
        .isEqualTo(CRITERIA.strip());
  }

  @Test
  void criteriaThatCannotBeReadAreRefusedWithTheirLineAndNothingIsSaved(TestApp app) {
    Team team = team(app);
    WorkItem story = item(app, team.owner(), team.product(), "story", "Save a card", null);

    assertThatThrownBy(
            () ->
                stories(app)
                    .saveAcceptance(
                        team.owner(),
                        id(story),
                        story.version(),
                        "Scenario: A\n  When x\n  Given y\n"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field(), f -> f.reason().substring(0, 7))
                    .containsExactly(
                        tuple("acceptance", "line 3:"), tuple("acceptance", "line 1:")));

    WorkItem unchanged = stories(app).acceptance(team.owner(), id(story)).item();
    assertThat(unchanged.version()).isEqualTo(story.version());
    assertThat(unchanged.acceptance()).isEmpty();
  }

  @Test
  void savingOverSomeoneElsesChangeIsAConflict(TestApp app) {
    Team team = team(app);
    WorkItem story = item(app, team.owner(), team.product(), "story", "Save a card", null);
    stories(app).saveAcceptance(team.owner(), id(story), story.version(), CRITERIA);

    assertThatThrownBy(
            () ->
                stories(app)
                    .saveAcceptance(
                        team.owner(), id(story), story.version(), "Scenario: B\n Then c"))
        .isInstanceOf(Conflict.class);
    assertThat(stories(app).acceptance(team.owner(), id(story)).item().acceptance())
        .isEqualTo(CRITERIA.strip());
  }

  @Test
  void viewersReadCriteriaButOnlyEditorsChangeThem(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    User editor = team.member(app, Role.EDITOR, "ed");
    WorkItem story = story(app, team.owner(), team.product(), "Save a card", 1.0, null);

    StoryService.Acceptance read = stories(app).acceptance(viewer, id(story));

    assertThat(read.canEdit()).isFalse();
    assertThat(read.reading().scenarios()).hasSize(1);
    assertThat(stories(app).acceptance(editor, id(story)).canEdit()).isTrue();
    assertThatThrownBy(
            () -> stories(app).saveAcceptance(viewer, id(story), story.version(), CRITERIA))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void scenariosAreSavedInTheCanonicalFormAndBlankTextClearsThem(TestApp app) {
    Team team = team(app);
    WorkItem story = item(app, team.owner(), team.product(), "story", "Save a card", null);

    StoryService.Acceptance saved =
        stories(app)
            .saveScenarios(
                team.owner(),
                id(story),
                story.version(),
                List.of(
                    AcceptanceCriteria.Scenario.of(
                        "Pay", List.of("a shopper"), List.of("they pay"), List.of("it works"))));

    assertThat(saved.item().acceptance())
        .isEqualTo("Scenario: Pay\n  Given a shopper\n  When they pay\n  Then it works");

    StoryService.Acceptance cleared =
        stories(app).saveAcceptance(team.owner(), id(story), saved.item().version(), "  ");
    assertThat(cleared.item().acceptance()).isEmpty();
    assertThat(cleared.reading().scenarios()).isEmpty();
  }

  // ---- Gherkin -----------------------------------------------------------------------------

  @Test
  void aFeatureExportsItsStoriesInRankOrderAndLeavesOtherChildrenOut(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    WorkItem feature = item(app, ana, team.product(), "feature", "One-click saved cards", null);
    WorkItem first = story(app, ana, team.product(), "Save a card at checkout", 3.0, feature);
    WorkItem second = story(app, ana, team.product(), "Pay with a saved card", 2.0, feature);
    item(app, ana, team.product(), "bug", "Wallet shows twice", feature);
    items(app).update(ana, id(second), second.version(), WorkItemChanges.none().withPosition(-5));

    StoryService.Export export = stories(app).gherkin(ana, feature.key());

    assertThat(export.fileName()).isEqualTo(feature.key() + ".feature");
    ReferenceGherkin parsed = ReferenceGherkin.parse(export.text());
    assertThat(parsed.feature().getName()).isEqualTo("One-click saved cards");
    assertThat(parsed.feature().getChildren())
        .extracting(c -> c.getRule().orElseThrow().getName())
        .containsExactly("Pay with a saved card", "Save a card at checkout");
    assertThat(parsed.scenarios())
        .extracting(s -> s.substring(s.indexOf('['), s.indexOf(']') + 1))
        .containsExactly(
            "[@" + feature.key() + ", @" + second.key() + "]",
            "[@" + feature.key() + ", @" + first.key() + "]");
  }

  @Test
  void anEpicExportsTheStoriesOfItsFeaturesWithWhereTheySit(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    WorkItem epic = item(app, ana, team.product(), "epic", "Saved payment methods", null);
    WorkItem direct = story(app, ana, team.product(), "Direct story", 1.0, epic);
    WorkItem feature = item(app, ana, team.product(), "feature", "One-click saved cards", epic);
    story(app, ana, team.product(), "Nested story", 1.0, feature);

    String text = stories(app).gherkin(ana, id(epic)).text();

    assertThat(text)
        .contains("  Rule: Direct story\n")
        .contains(
            "  # Under "
                + feature.key()
                + " \u201cOne-click saved cards\u201d\n  Rule: Nested story\n");
    assertThat(ReferenceGherkin.parse(text).pickles()).hasSize(2);
    assertThat(stories(app).gherkin(ana, id(direct)).text())
        .startsWith(
            "# Acceptance criteria exported from Hatrack.\n@"
                + direct.key()
                + "\nFeature: Direct story\n");
  }

  @Test
  void bugsAndTasksHaveNoExportOfTheirOwn(TestApp app) {
    Team team = team(app);
    WorkItem bug = item(app, team.owner(), team.product(), "bug", "Broken", null);

    assertThatThrownBy(() -> stories(app).gherkin(team.owner(), id(bug)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("item"))
                    .startsWith(bug.key() + " is a bug; export a story"));
  }

  // ---- Lookups -----------------------------------------------------------------------------

  @Test
  void findByTitleFindsALiveStoryOfTheProductOnly(TestApp app) {
    Team team = team(app);
    WorkItem story = item(app, team.owner(), team.product(), "story", "Remove a saved card", null);
    item(app, team.owner(), team.product(), "feature", "Feature title", null);

    assertThat(
            stories(app)
                .findByTitle(team.owner(), team.product().slug(), "story", "Remove a saved card"))
        .map(WorkItem::id)
        .contains(story.id());
    assertThat(
            stories(app).findByTitle(team.owner(), team.product().slug(), "story", "Feature title"))
        .isEmpty();
    assertThat(
            stories(app)
                .findByTitle(team.owner(), team.product().slug(), "story", "remove a saved"))
        .isEmpty();
    items(app).delete(team.owner(), id(story), story.version());
    assertThat(
            stories(app)
                .findByTitle(team.owner(), team.product().slug(), "story", "Remove a saved card"))
        .isEmpty();
  }

  @Test
  void theCommandLineFindsAnItemByKeyOrIdWithItsWorkspacesOwner(TestApp app) {
    User owner = user(app, "olga");
    Workspace ws = workspace(app, owner);
    String key = "S" + unique();
    Product product = product(app, owner, ws, key);
    WorkItem story = item(app, owner, product, "story", "Find me", null);

    StoryStore.Located byKey = stories(app).locateAsAdministrator(story.key(), null);
    StoryStore.Located byId = stories(app).locateAsAdministrator(id(story), ws.slug());

    assertThat(byKey).isEqualTo(new StoryStore.Located(story.id(), ws.slug(), owner.id()));
    assertThat(byId).isEqualTo(byKey);
    assertThatThrownBy(() -> stories(app).locateAsAdministrator(key + "-999", null))
        .isInstanceOf(NotFound.class)
        .hasMessage("work item " + key + "-999 not found");
    assertThatThrownBy(() -> stories(app).locateAsAdministrator(story.key(), "elsewhere"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> stories(app).locateAsAdministrator("hello", null))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("item"))
                    .isEqualTo("must be a key such as CHK-42, or an id"));
  }

  @Test
  void aKeyInSeveralWorkspacesNeedsTheWorkspaceNamed(TestApp app) {
    String key = "Q" + unique();
    User one = user(app, "one");
    User two = user(app, "two");
    Workspace first = workspace(app, one);
    Workspace second = workspace(app, two);
    item(app, one, product(app, one, first, key), "story", "In the first", null);
    WorkItem other = item(app, two, product(app, two, second, key), "story", "In the second", null);

    assertThatThrownBy(() -> stories(app).locateAsAdministrator(key + "-1", null))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("item"))
                    .contains("exists in several workspaces")
                    .contains(first.slug())
                    .contains(second.slug())
                    .endsWith("name one with --workspace"));
    assertThat(stories(app).locateAsAdministrator(key + "-1", second.slug()))
        .isEqualTo(new StoryStore.Located(other.id(), second.slug(), two.id()));
  }
}
