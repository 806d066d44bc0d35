package io.hatrack.definition.decisions;

import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DecisionServiceTest {

  private static DecisionService decisions(TestApp app) {
    return app.app().definition().decisions();
  }

  /** The tables recording a decision writes to, with their row counts. */
  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "decision", app.count("decision"),
        "decision_option", app.count("decision_option"),
        "decision_decider", app.count("decision_decider"),
        "activity", app.count("activity"),
        "notification", app.count("notification"));
  }

  private static DecisionOption option(String name, boolean chosen) {
    return new DecisionOption(name, "About " + name, List.of("good"), List.of("bad"), chosen);
  }

  /** A proposed decision with two options, none chosen. */
  private static Decision proposed(TestApp app, Team team, String title) {
    return decisions(app)
        .create(
            team.owner(),
            team.product().slug(),
            DecisionDraft.of(title).withOptions(option("A", false), option("B", false)));
  }

  @Test
  void anEditorRecordsADecisionWithItsOptionsInOrderAndItsDeciders(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User viewer = team.member(app, Role.VIEWER, "vic");

    Decision d =
        decisions(app)
            .create(
                ben,
                team.product().slug(),
                DecisionDraft.of("  Store card tokens with the processor  ")
                    .withContext("PCI scope matters.")
                    .withOptions(
                        new DecisionOption(
                            "Own vault",
                            "Run it ourselves",
                            List.of("Portable", " "),
                            List.of("PCI Level 1"),
                            false),
                        new DecisionOption(
                            "Processor tokens", "", List.of("SAQ A"), List.of("Lock-in"), true),
                        option("Network tokens", false))
                    .withOutcome("Processor tokens.")
                    .withConsequences("Tied to one processor.")
                    .decided("2026-01-15", ben.handle(), "@" + team.owner().handle()));

    assertThat(d.title()).isEqualTo("Store card tokens with the processor");
    assertThat(d.key()).startsWith("CHK-");
    assertThat(d.item().kind()).isEqualTo(DecisionService.KIND);
    assertThat(d.status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(d.decidedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.options())
        .extracting(DecisionOption::name)
        .containsExactly("Own vault", "Processor tokens", "Network tokens");
    assertThat(d.options().get(0).pros()).containsExactly("Portable");
    assertThat(d.chosen()).map(DecisionOption::name).contains("Processor tokens");
    assertThat(d.deciders())
        .extracting(Decider::id)
        .containsExactlyInAnyOrder(ben.id(), team.owner().id());
    DecisionService.View read = decisions(app).get(viewer, d.key());
    assertThat(read.decision()).isEqualTo(d);
    assertThat(read.access().role()).isEqualTo(Role.VIEWER);
  }

  @Test
  void aDecidedDecisionNeedsADateAndADeciderAndNothingIsWrittenWithout(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        DecisionDraft.of("Undated").withStatus("decided")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError(
                            "decided_on", "is needed: a decided decision says when it was decided"),
                        new FieldError(
                            "deciders",
                            "needs at least one person: a decided decision names who decided")));

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aDateMustBeAnIsoDateAndAProposedDecisionHasNoneYet(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();

    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(),
                        slug,
                        DecisionDraft.of("Bad date").decided("15/01/2026", team.owner().handle())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("decided_on"))
                    .isEqualTo("must be a date such as 2026-03-01"));
    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(), slug, DecisionDraft.of("Early").withDecidedOn("2026-01-15")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("decided_on"))
                    .isEqualTo("must be empty while the decision is proposed"));
    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(team.owner(), slug, DecisionDraft.of("Odd").withStatus("maybe")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("status"))
                    .isEqualTo("must be one of proposed, decided, superseded"));
  }

  @Test
  void everyOptionNeedsANameAndAtMostOneIsChosen(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        DecisionDraft.of("Too many chosen")
                            .withOptions(
                                option("A", true),
                                new DecisionOption("  ", "no name", List.of(), List.of(), false),
                                option("C", true))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError("options[1].name", "must not be blank"),
                        new FieldError(
                            "options",
                            "may have at most one chosen option (2 are marked chosen)")));
    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        DecisionDraft.of("Two-line pro")
                            .withOptions(
                                new DecisionOption(
                                    "A", "", List.of("one\ntwo"), List.of(), false))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("options[0].pros")).isEqualTo("are one line each"));

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void decidersMustBeMembersOfTheWorkspace(TestApp app) {
    Team team = team(app);
    User outsider = user(app, "mallory");
    Team other = team(app);

    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        DecisionDraft.of("Who decides?")
                            .decided(
                                "2026-02-01",
                                team.owner().handle(),
                                outsider.handle(),
                                other.owner().handle())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("deciders"))
                    .isEqualTo(
                        "must be members of the workspace; @"
                            + outsider.handle()
                            + ", @"
                            + other.owner().handle()
                            + " are not"));
    assertThat(decisions(app).list(team.owner(), team.product().slug(), null, null, 10).items())
        .isEmpty();
  }

  @Test
  void namedDecidersAreToldOnceAndTheAuthorIsNot(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User cam = team.member(app, Role.COMMENTER, "cam");
    Decision d =
        decisions(app)
            .create(
                team.owner(),
                team.product().slug(),
                DecisionDraft.of("Told").withDeciders(team.owner().handle(), ben.handle()));

    decisions(app)
        .update(
            team.owner(),
            d.key(),
            d.version(),
            DecisionChanges.none()
                .withDeciders(List.of(team.owner().handle(), ben.handle(), cam.handle())));

    assertThat(app.collaboration().notifications().list(ben, false, 0, 10))
        .extracting(n -> n.summary())
        .containsExactly("Olivia named you a decider of " + d.key() + " \u201cTold\u201d");
    assertThat(app.collaboration().notifications().list(cam, false, 0, 10))
        .extracting(n -> n.summary())
        .containsExactly("Olivia named you a decider of " + d.key() + " \u201cTold\u201d");
    assertThat(app.collaboration().notifications().list(team.owner(), false, 0, 10)).isEmpty();
  }

  @Test
  void viewersCannotRecordOrChangeDecisions(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    Decision d = proposed(app, team, "Guarded");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () -> decisions(app).create(viewer, team.product().slug(), DecisionDraft.of("Mine")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                decisions(app).update(viewer, d.key(), 1, DecisionChanges.none().withTitle("Mine")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> decisions(app).delete(viewer, d.key(), 1))
        .isInstanceOf(Forbidden.class);

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void nonMembersCannotSeeADecision(TestApp app) {
    Team team = team(app);
    Decision d = proposed(app, team, "Private");
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> decisions(app).get(outsider, d.key())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> decisions(app).list(outsider, team.product().slug(), null, null, 10))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void anotherKindOfItemIsNotADecision(TestApp app) {
    Team team = team(app);
    var page = Fixtures.page(app, team.owner(), team.product());

    assertThatThrownBy(() -> decisions(app).get(team.owner(), page.item().key()))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("decision");
  }

  @Test
  void anUpdateChangesTheGivenFieldsReplacesTheListsAndMovesTheVersionOn(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Decision d = proposed(app, team, "Retry 3-D Secure");

    Decision decided =
        decisions(app)
            .update(
                team.owner(),
                d.key(),
                1,
                DecisionChanges.none()
                    .withStatus("decided")
                    .withDecidedOn("2026-02-03")
                    .withDeciders(List.of(ben.handle()))
                    .withOptions(List.of(option("B", true), option("C", false))));

    assertThat(decided.version()).isEqualTo(2);
    assertThat(decided.title()).isEqualTo("Retry 3-D Secure");
    assertThat(decided.status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(decided.decidedOn()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(decided.options()).extracting(DecisionOption::name).containsExactly("B", "C");
    assertThat(decided.deciders()).extracting(Decider::id).containsExactly(ben.id());
    assertThat(app.count("decision_option")).isGreaterThanOrEqualTo(2);

    Decision reopened =
        decisions(app)
            .update(team.owner(), d.key(), 2, DecisionChanges.none().withStatus("proposed"));

    assertThat(reopened.status()).isEqualTo(DecisionStatus.PROPOSED);
    assertThat(reopened.decidedOn()).as("going back to proposed clears the date").isNull();
    assertThat(reopened.options()).hasSize(2);
    assertThat(
            app.collaboration().activity().forItem(team.owner(), d.key(), 0, 10).stream()
                .map(a -> a.summary())
                .toList())
        .contains(
            "changed the decision " + d.key() + " \u201cRetry 3-D Secure\u201d to decided",
            "recorded the decision " + d.key() + " \u201cRetry 3-D Secure\u201d");
  }

  @Test
  void anUpdateAtAStaleVersionIsAConflictAndChangesNothing(TestApp app) {
    Team team = team(app);
    Decision d = proposed(app, team, "Contested");
    decisions(app).update(team.owner(), d.key(), 1, DecisionChanges.none().withTitle("First"));
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(
                        team.owner(),
                        d.key(),
                        1,
                        DecisionChanges.none()
                            .withTitle("Lost update")
                            .withOptions(List.of(option("Z", true)))))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(team.owner(), d.key(), 1, DecisionChanges.none().withTitle(" ")))
        .as("a stale writer hears of the conflict before any rule")
        .isInstanceOf(Conflict.class);

    Decision now = decisions(app).get(team.owner(), d.key()).decision();
    assertThat(now.title()).isEqualTo("First");
    assertThat(now.options()).extracting(DecisionOption::name).containsExactly("A", "B");
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aDecisionIsSupersededByAnotherDecisionOfTheSameProductOnly(TestApp app) {
    Team team = team(app);
    Decision old =
        decisions(app)
            .create(
                team.owner(),
                team.product().slug(),
                DecisionDraft.of("Old").decided("2025-06-01", team.owner().handle()));
    Decision newer = proposed(app, team, "Newer");
    var story =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", "Not one"));
    var elsewhere =
        app.products()
            .create(
                team.owner(),
                team.workspace().slug(),
                new io.hatrack.kernel.work.ProductService.ProductInput(
                    "Elsewhere", "elsewhere-" + Fixtures.unique(), "ELS", ""));
    Decision foreign =
        decisions(app).create(team.owner(), elsewhere.slug(), DecisionDraft.of("Foreign"));

    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(
                        team.owner(),
                        old.key(),
                        1,
                        DecisionChanges.none().withStatus("superseded")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("superseded_by"))
                    .isEqualTo(
                        "is needed: a superseded decision names the decision that replaces it"));
    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(
                        team.owner(),
                        old.key(),
                        1,
                        DecisionChanges.none().supersededBy(story.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("superseded_by"))
                    .isEqualTo(story.key() + " is not a decision of " + team.product().name()));
    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(
                        team.owner(),
                        old.key(),
                        1,
                        DecisionChanges.none().supersededBy(foreign.key())))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(
                        team.owner(), old.key(), 1, DecisionChanges.none().supersededBy(old.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("superseded_by"))
                    .isEqualTo("cannot be the decision itself"));

    Decision superseded =
        decisions(app)
            .update(team.owner(), old.key(), 1, DecisionChanges.none().supersededBy(newer.key()));

    assertThat(superseded.status()).isEqualTo(DecisionStatus.SUPERSEDED);
    assertThat(superseded.supersededBy().key()).isEqualTo(newer.key());
    assertThat(superseded.decidedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(decisions(app).get(team.owner(), newer.key()).decision().supersedes())
        .extracting(DecisionRef::key)
        .containsExactly(old.key());
    assertThatThrownBy(
            () ->
                decisions(app)
                    .update(
                        team.owner(),
                        newer.key(),
                        1,
                        DecisionChanges.none().supersededBy(old.key())))
        .as("a cycle of supersession")
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("superseded_by"))
                    .isEqualTo(
                        old.key()
                            + " is itself superseded, through its successors, by this decision"));

    Decision back =
        decisions(app)
            .update(team.owner(), old.key(), 2, DecisionChanges.none().withStatus("decided"));
    assertThat(back.supersededBy()).as("leaving superseded clears the successor").isNull();
  }

  @Test
  void recordingADecisionThatSupersedesAnotherMarksTheOldOneInTheSameTransaction(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Decision old =
        decisions(app)
            .create(
                team.owner(),
                team.product().slug(),
                DecisionDraft.of("Fail at once").decided("2025-03-01", team.owner().handle()));
    app.collaboration().notifications().watch(ben, old.key());

    Decision newer =
        decisions(app)
            .create(
                team.owner(),
                team.product().slug(),
                DecisionDraft.of("Retry once").superseding(old.key()));

    Decision oldNow = decisions(app).get(team.owner(), old.key()).decision();
    assertThat(oldNow.status()).isEqualTo(DecisionStatus.SUPERSEDED);
    assertThat(oldNow.supersededBy().id()).isEqualTo(newer.id());
    assertThat(oldNow.version()).isEqualTo(2);
    assertThat(newer.supersedes()).extracting(DecisionRef::id).containsExactly(old.id());
    assertThat(app.collaboration().notifications().list(ben, false, 0, 10))
        .extracting(n -> n.summary())
        .containsExactly(
            "Olivia superseded "
                + old.key()
                + " \u201cFail at once\u201d with "
                + newer.key()
                + " \u201cRetry once\u201d");

    Map<String, Long> before = footprint(app);
    assertThatThrownBy(
            () ->
                decisions(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        DecisionDraft.of("Third").superseding(old.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("supersedes"))
                    .isEqualTo(old.key() + " is already superseded by " + newer.key()));
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aFailureLateInTheTransactionLeavesNoHalfWrittenDecision(TestApp app) {
    Team team = team(app);
    Decision old = proposed(app, team, "Survivor");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                app.database()
                    .tx(
                        h -> {
                          ProductAccess product =
                              app.products().access(h, team.owner(), team.product().slug());
                          decisions(app)
                              .create(
                                  h,
                                  team.owner(),
                                  product,
                                  DecisionDraft.of("Doomed")
                                      .withOptions(option("X", true), option("Y", false))
                                      .decided("2026-01-01", team.owner().handle())
                                      .superseding(old.key()));
                          throw new IllegalStateException("the disk is full");
                        }))
        .hasMessage("the disk is full");

    assertThat(footprint(app)).isEqualTo(before);
    Decision still = decisions(app).get(team.owner(), old.key()).decision();
    assertThat(still.status()).isEqualTo(DecisionStatus.PROPOSED);
    assertThat(still.version()).isEqualTo(1);
  }

  @Test
  void theLogListsOpenDecisionsFirstThenTheNewestDecidedAndFiltersByStatus(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    String owner = team.owner().handle();
    Decision early =
        decisions(app)
            .create(team.owner(), slug, DecisionDraft.of("Early").decided("2025-01-10", owner));
    Decision open = decisions(app).create(team.owner(), slug, DecisionDraft.of("Open"));
    Decision late =
        decisions(app)
            .create(team.owner(), slug, DecisionDraft.of("Late").decided("2025-09-01", owner));
    Decision middle =
        decisions(app)
            .create(team.owner(), slug, DecisionDraft.of("Middle").decided("2025-05-05", owner));
    Decision alsoLate =
        decisions(app)
            .create(team.owner(), slug, DecisionDraft.of("Also late").decided("2025-09-01", owner));
    Decision gone = decisions(app).create(team.owner(), slug, DecisionDraft.of("Gone"));
    decisions(app).delete(team.owner(), gone.key(), 1);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Slice<DecisionSummary> page = decisions(app).list(team.owner(), slug, null, cursor, 2);
      assertThat(page.total()).isEqualTo(5);
      page.items().forEach(s -> seen.add(s.item().title()));
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(seen).containsExactly("Open", "Also late", "Late", "Middle", "Early");
    Slice<DecisionSummary> decided = decisions(app).list(team.owner(), slug, "decided", null, 10);
    assertThat(decided.total()).isEqualTo(4);
    assertThat(decided.items())
        .extracting(s -> s.item().id())
        .containsExactly(alsoLate.id(), late.id(), middle.id(), early.id());
    assertThat(decided.items().get(0).deciders())
        .extracting(Decider::handle)
        .containsExactly(owner);
    assertThat(decisions(app).list(team.owner(), slug, "proposed", null, 10).items())
        .extracting(s -> s.item().id())
        .containsExactly(open.id());
    assertThatThrownBy(() -> decisions(app).list(team.owner(), slug, "later", null, 10))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> decisions(app).list(team.owner(), slug, null, "bm9wZQ", 10))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("cursor"))
                    .isEqualTo("is not a cursor that this listing gave out"));
  }

  @Test
  void aDeletedDecisionIsNotFoundUntilItIsRestored(TestApp app) {
    Team team = team(app);
    Decision d = proposed(app, team, "Temporary");

    assertThatThrownBy(() -> decisions(app).delete(team.owner(), d.key(), 7))
        .isInstanceOf(Conflict.class);
    decisions(app).delete(team.owner(), d.key(), 1);

    assertThatThrownBy(() -> decisions(app).get(team.owner(), d.key()))
        .isInstanceOf(NotFound.class);
    assertThat(decisions(app).list(team.owner(), team.product().slug(), null, null, 10).total())
        .isZero();

    Decision restored = decisions(app).restore(team.owner(), d.key());

    assertThat(restored.options()).extracting(DecisionOption::name).containsExactly("A", "B");
    assertThat(decisions(app).list(team.owner(), team.product().slug(), null, null, 10).total())
        .isEqualTo(1);
  }
}
