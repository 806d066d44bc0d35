package io.hatrack.discovery.feedback.duplicates;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DuplicateServiceTest {
  static final String SAVED_CARDS =
      "Please let us save cards so that customers can pay with one click at checkout";
  static final String SAVED_CARDS_AGAIN =
      "Please let us save cards so that customers can pay with one click at checkout next time";
  static final String PAYOUTS = "Payouts arrive three days late and our cash flow suffers badly";

  private static FeedbackService feedback(TestApp app) {
    return app.app().discovery().feedback().service();
  }

  private static DuplicateService duplicates(TestApp app) {
    return app.app().discovery().duplicates().service();
  }

  private static Feedback add(TestApp app, Team team, String text, String source) {
    return feedback(app)
        .create(team.owner(), team.product().slug(), FeedbackDraft.of(text, source));
  }

  private static Customer customer(TestApp app, Team team, String name) {
    return app.app()
        .discovery()
        .customers()
        .create(
            team.owner(),
            team.workspace().slug(),
            new CustomerDraft(name, null, "SMB", "", "", "", "", null, null));
  }

  private static List<PossibleDuplicate> suggested(TestApp app, Team team) {
    return duplicates(app).suggestions(team.owner(), team.product().slug(), null, 50).items();
  }

  private static long bandsOf(TestApp app, long id) {
    return app.database()
        .read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM feedback_band WHERE feedback_id = :id")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void feedbackThatArrivesIsComparedAndItsNearDuplicateIsSuggested(TestApp app) {
    Team team = team(app);
    Feedback first = add(app, team, SAVED_CARDS, "support_ticket");
    Feedback unrelated = add(app, team, PAYOUTS, "email");

    Feedback second = add(app, team, SAVED_CARDS_AGAIN, "sales_call");

    List<PossibleDuplicate> pairs = suggested(app, team);
    assertThat(pairs).hasSize(1);
    PossibleDuplicate p = pairs.get(0);
    assertThat(p.older().id()).isEqualTo(first.id());
    assertThat(p.newer().id()).isEqualTo(second.id());
    assertThat(p.similarity()).isBetween(DuplicateService.MIN_SIMILARITY, 1.0);
    assertThat(p.newer().text()).isEqualTo(SAVED_CARDS_AGAIN);
    assertThat(duplicates(app).of(team.owner(), unrelated.key())).isEmpty();
    assertThat(duplicates(app).of(team.owner(), first.key()))
        .extracting(d -> d.other(first.id()).key())
        .containsExactly(second.key());
    assertThat(duplicates(app).count(team.owner(), team.product().slug())).isEqualTo(1);
    assertThat(bandsOf(app, first.id())).isEqualTo(16);
  }

  @Test
  void feedbackOfAnotherProductIsNeverSuggested(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    add(app, other, SAVED_CARDS, "email");

    add(app, team, SAVED_CARDS_AGAIN, "email");

    assertThat(suggested(app, team)).isEmpty();
    assertThat(suggested(app, other)).isEmpty();
  }

  @Test
  void checkingATextFindsItsDuplicateWithoutSavingAnything(TestApp app) {
    Team team = team(app);
    Feedback first = add(app, team, SAVED_CARDS, "email");
    long before = app.count("feedback_minhash");

    List<DuplicateService.Match> matches =
        duplicates(app).check(team.owner(), team.product().slug(), SAVED_CARDS_AGAIN);

    assertThat(matches).extracting(DuplicateService.Match::id).containsExactly(first.id());
    assertThat(duplicates(app).check(team.owner(), team.product().slug(), PAYOUTS)).isEmpty();
    assertThat(app.count("feedback_minhash")).isEqualTo(before);
  }

  @Test
  void aDismissedPairIsRememberedAndNotSuggestedAgainEvenByAScanOrAnEdit(TestApp app) {
    Team team = team(app);
    Feedback first = add(app, team, SAVED_CARDS, "email");
    Feedback second = add(app, team, SAVED_CARDS_AGAIN, "email");

    duplicates(app).dismiss(team.owner(), second.key(), first.key());

    assertThat(suggested(app, team)).isEmpty();
    duplicates(app).scan(team.product().id(), JobProgress.NONE);
    Feedback edited = feedback(app).get(team.owner(), second.key()).feedback();
    FeedbackDraft d = FeedbackService.draftOf(edited);
    feedback(app)
        .update(
            team.owner(),
            edited.key(),
            edited.version(),
            new FeedbackDraft(
                SAVED_CARDS_AGAIN + " please",
                null,
                d.source(),
                d.customerId(),
                d.contactId(),
                d.happenedAt(),
                d.importance(),
                d.externalId(),
                d.status(),
                null));
    assertThat(suggested(app, team)).isEmpty();
    assertThat(duplicates(app).of(team.owner(), first.key())).isEmpty();
  }

  @Test
  void onlyEditorsDecideOnDuplicates(TestApp app) {
    Team team = team(app);
    User viewer =
        Fixtures.member(
            app, team.workspace(), team.owner(), Role.VIEWER, "Vic" + Fixtures.unique());
    Feedback first = add(app, team, SAVED_CARDS, "email");
    Feedback second = add(app, team, SAVED_CARDS_AGAIN, "email");

    assertThat(duplicates(app).of(viewer, first.key())).hasSize(1);
    assertThatThrownBy(() -> duplicates(app).dismiss(viewer, first.key(), second.key()))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> duplicates(app).merge(viewer, first.key(), second.key()))
        .isInstanceOf(Forbidden.class);
    assertThat(suggested(app, team)).hasSize(1);
  }

  @Test
  void mergingASuggestionClearsItAndKeepsTheSourceAndCustomerOfTheDuplicate(TestApp app) {
    Team team = team(app);
    Customer acme = customer(app, team, "Acme " + Fixtures.unique());
    Customer globex = customer(app, team, "Globex " + Fixtures.unique());
    Feedback first =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of(SAVED_CARDS, "support_ticket").withCustomer(acme.id(), null));
    Feedback second =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of(SAVED_CARDS_AGAIN, "sales_call").withCustomer(globex.id(), null));

    Feedback kept = duplicates(app).merge(team.owner(), first.key(), second.key());

    assertThat(kept.id()).isEqualTo(first.id());
    assertThat(suggested(app, team)).isEmpty();
    FeedbackService.View view = feedback(app).get(team.owner(), first.key());
    assertThat(view.duplicates()).extracting(Feedback::id).containsExactly(second.id());
    assertThat(view.duplicates().get(0).source().id()).isEqualTo("sales_call");
    assertThat(view.duplicates().get(0).customerName()).isEqualTo(globex.name());
    assertThat(view.feedback().customerName()).isEqualTo(acme.name());
    assertThat(bandsOf(app, second.id())).as("a merged duplicate is not compared").isZero();
    add(app, team, SAVED_CARDS_AGAIN + " again", "email");
    assertThat(suggested(app, team))
        .allSatisfy(p -> assertThat(p.older().id()).isNotEqualTo(second.id()));
  }

  @Test
  void deletingFeedbackRemovesItsBandsAndSuggestionsAndRestoringBringsThemBack(TestApp app) {
    Team team = team(app);
    Feedback first = add(app, team, SAVED_CARDS, "email");
    Feedback second = add(app, team, SAVED_CARDS_AGAIN, "email");

    feedback(app).delete(team.owner(), second.key(), second.version());

    assertThat(bandsOf(app, second.id())).isZero();
    assertThat(suggested(app, team)).isEmpty();
    feedback(app).restore(team.owner(), second.key());
    assertThat(bandsOf(app, second.id())).isEqualTo(16);
    assertThat(suggested(app, team))
        .extracting(p -> p.older().id() + "-" + p.newer().id())
        .containsExactly(first.id() + "-" + second.id());
  }

  @Test
  void anImportBatchIsComparedWithTheInboxAndWithinItself(TestApp app) {
    Team team = team(app);
    Feedback inInbox = add(app, team, SAVED_CARDS, "email");

    List<Long> ids =
        app.database()
            .tx(
                h ->
                    feedback(app)
                        .createAll(
                            h,
                            team.owner(),
                            app.products().access(h, team.owner(), team.product().slug()),
                            List.of(
                                FeedbackDraft.of(SAVED_CARDS_AGAIN, "support_ticket"),
                                FeedbackDraft.of(PAYOUTS, "support_ticket"),
                                FeedbackDraft.of(PAYOUTS + " this month", "support_ticket")),
                            "a test"));

    assertThat(suggested(app, team))
        .extracting(p -> p.older().id() + "-" + p.newer().id())
        .containsExactlyInAnyOrder(inInbox.id() + "-" + ids.get(0), ids.get(1) + "-" + ids.get(2));
  }

  @Test
  void anImportSavedInChunksFindsPairsAcrossItsChunks(TestApp app) {
    Team team = team(app);

    List<Long> ids =
        app.database()
            .tx(
                h -> {
                  var product = app.products().access(h, team.owner(), team.product().slug());
                  List<Long> first =
                      feedback(app)
                          .createAll(
                              h,
                              team.owner(),
                              product,
                              List.of(FeedbackDraft.of(SAVED_CARDS, "email")),
                              "chunk 1");
                  List<Long> second =
                      feedback(app)
                          .createAll(
                              h,
                              team.owner(),
                              product,
                              List.of(
                                  FeedbackDraft.of(PAYOUTS, "email"),
                                  FeedbackDraft.of(SAVED_CARDS_AGAIN, "email")),
                              "chunk 2");
                  return List.of(first.get(0), second.get(0), second.get(1));
                });

    assertThat(suggested(app, team))
        .extracting(p -> p.older().id() + "-" + p.newer().id())
        .containsExactly(ids.get(0) + "-" + ids.get(2));
  }

  @Test
  void aScanIndexesOlderFeedbackAndFindsTheGroupsOfNearDuplicates(TestApp app) {
    Team team = team(app);
    Feedback a = add(app, team, SAVED_CARDS, "email");
    Feedback b = add(app, team, SAVED_CARDS_AGAIN, "email");
    Feedback c = add(app, team, SAVED_CARDS + " too", "email");
    Feedback x = add(app, team, PAYOUTS, "email");
    Feedback y = add(app, team, PAYOUTS + " every week", "email");
    add(app, team, "The dashboard is slow when we filter a quarter", "email");
    // As if the feedback had come before the duplicate check existed.
    app.database()
        .txVoid(
            h -> {
              h.execute(
                  "DELETE FROM feedback_duplicate_pair WHERE product_id = ?", team.product().id());
              h.execute("DELETE FROM feedback_band WHERE product_id = ?", team.product().id());
              h.execute("DELETE FROM feedback_minhash WHERE product_id = ?", team.product().id());
            });
    assertThat(suggested(app, team)).isEmpty();

    DuplicateService.ScanReport report =
        duplicates(app).scan(team.product().id(), JobProgress.NONE);

    assertThat(report.indexed()).isEqualTo(6);
    assertThat(report.compared()).isEqualTo(6);
    assertThat(report.groups()).isEqualTo(2);
    List<DuplicateGroup> groups = duplicates(app).groups(team.owner(), team.product().slug(), 100);
    assertThat(groups)
        .extracting(g -> g.members().stream().map(DuplicateSide::id).toList())
        .containsExactlyInAnyOrder(List.of(a.id(), b.id(), c.id()), List.of(x.id(), y.id()));
    assertThat(groups).allSatisfy(g -> assertThat(g.keep().id()).isIn(a.id(), x.id()));
    assertThat(duplicates(app).scan(team.product().id(), JobProgress.NONE).indexed()).isZero();
  }

  @Test
  void aScanRunsAsAJobOfTheProduct(TestApp app) {
    Team team = team(app);
    add(app, team, SAVED_CARDS, "email");
    add(app, team, SAVED_CARDS_AGAIN, "email");

    var job = duplicates(app).scan(team.owner(), team.product().slug(), null);
    var done = app.app().jobs().await(job.id(), java.time.Duration.ofSeconds(30));

    assertThat(done.status().id()).isEqualTo("succeeded");
    assertThat(((DuplicateService.ScanReport) done.result()).groups()).isEqualTo(1);
  }
}
