package io.hatrack.discovery.surveys;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building surveys on SQLite and PostgreSQL: questions, validation, versions, links, deletion. */
@OnEveryDatabase
class SurveyServiceTest {
  static SurveyService surveys(TestApp app) {
    return app.app().discovery().surveys().surveys();
  }

  static SurveyResponseService responses(TestApp app) {
    return app.app().discovery().surveys().responses();
  }

  /** One question of every type. */
  static SurveyDraft everyType(String title) {
    return SurveyDraft.of(
        title,
        QuestionDraft.of("nps", ""),
        QuestionDraft.of("csat", ""),
        QuestionDraft.of("ces", ""),
        QuestionDraft.rating("How would you rate the new payout page?", 5),
        QuestionDraft.choice("single", "Which plan are you on?", "Starter", "Growth", "Enterprise"),
        QuestionDraft.choice("multiple", "Which methods do you take?", "Cards", "SEPA", "Wallets"),
        QuestionDraft.of("text", "What should we improve first?").optional(),
        QuestionDraft.kano("One-click saved cards"));
  }

  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "survey", app.count("survey"),
        "survey_question", app.count("survey_question"));
  }

  @Test
  void anEditorCreatesASurveyWithQuestionsInOrderAndThePublishedWording(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");

    Survey s = surveys(app).create(team.owner(), team.product().slug(), everyType("Q1 pulse"));

    assertThat(s.key()).startsWith("CHK-");
    assertThat(s.item().kind()).isEqualTo("survey");
    assertThat(s.status()).isEqualTo(SurveyStatus.DRAFT);
    assertThat(s.version()).isEqualTo(1);
    assertThat(s.publicCode()).hasSize(12);
    assertThat(s.publicPath()).isEqualTo("/p/" + team.product().slug() + "/s/" + s.publicCode());
    assertThat(s.questions())
        .extracting(q -> q.type().id())
        .containsExactly("nps", "csat", "ces", "rating", "single", "multiple", "text", "kano");
    assertThat(s.questions().get(0).prompt())
        .isEqualTo(
            "How likely is it that you would recommend "
                + team.product().name()
                + " to a friend or colleague?");
    assertThat(s.questions().get(2).prompt())
        .isEqualTo(team.product().name() + " made it easy for me to handle my issue.");
    Question kano = s.questions().get(7);
    assertThat(kano.prompt())
        .isEqualTo("How would you feel if One-click saved cards were available?");
    assertThat(kano.dysfunctionalPrompt())
        .isEqualTo("How would you feel if One-click saved cards were not available?");
    assertThat(s.questions().get(3).high()).isEqualTo(5);
    assertThat(s.questions().get(0).low()).isZero();
    assertThat(s.questions().get(0).high()).isEqualTo(10);
    assertThat(s.questions().get(6).required()).isFalse();
    assertThat(surveys(app).get(viewer, s.key()).survey()).isEqualTo(s);
    assertThat(surveys(app).get(viewer, s.key()).canEdit()).isFalse();
    assertThat(surveys(app).list(viewer, team.product().slug(), 0, 50).items())
        .extracting(x -> x.item().id())
        .containsExactly(s.id());
  }

  @Test
  void aSurveyWithBrokenQuestionsIsRefusedNamingEachAndNothingIsSaved(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);
    SurveyDraft broken =
        SurveyDraft.of(
            " ",
            QuestionDraft.of("stars", "Pick"),
            QuestionDraft.rating("Rate", 11),
            QuestionDraft.choice("single", "Only one", "Yes"),
            QuestionDraft.choice("multiple", "Twice", "A", "a"),
            QuestionDraft.kano(""),
            QuestionDraft.choice("nps", "", "Not for NPS", "No"),
            QuestionDraft.of("text", ""));

    assertThatThrownBy(() -> surveys(app).create(team.owner(), team.product().slug(), broken))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "title",
                        "questions[0].type",
                        "questions[1].scale",
                        "questions[2].options",
                        "questions[3].options",
                        "questions[4].feature",
                        "questions[5].options",
                        "questions[6].prompt"));
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aSurveyOpensOnlyWithQuestions(TestApp app) {
    Team team = team(app);
    assertThatThrownBy(
            () ->
                surveys(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        SurveyDraft.of("Empty").withStatus("open")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("questions")).contains("at least one question"));
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing(TestApp app) {
    Team team = team(app);
    Survey s = surveys(app).create(team.owner(), team.product().slug(), everyType("Pulse"));
    Survey renamed =
        surveys(app)
            .update(team.owner(), s.key(), 1, SurveyService.draftOf(s).withTitle("Renamed"));
    assertThat(renamed.version()).isEqualTo(2);
    assertThat(renamed.questions()).isEqualTo(s.questions());

    assertThatThrownBy(
            () ->
                surveys(app)
                    .update(team.owner(), s.key(), 1, SurveyService.draftOf(s).withTitle("Mine")))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("version 1")
        .hasMessageContaining("version 2");
    assertThat(surveys(app).get(team.owner(), s.key()).survey().title()).isEqualTo("Renamed");
  }

  @Test
  void questionsCanChangeUntilTheFirstResponseAndThenOnlyTheWordsAroundThem(TestApp app) {
    Team team = team(app);
    Survey s =
        surveys(app)
            .create(
                team.owner(),
                team.product().slug(),
                SurveyDraft.of("NPS", QuestionDraft.of("nps", "")).withStatus("open"));
    Survey more =
        surveys(app)
            .update(
                team.owner(),
                s.key(),
                s.version(),
                SurveyService.draftOf(s)
                    .withQuestions(
                        List.of(
                            QuestionDraft.of("nps", ""),
                            QuestionDraft.of("text", "Why?").optional())));
    assertThat(more.questions()).hasSize(2);
    responses(app)
        .respond(
            team.product().slug(),
            more.publicCode(),
            null,
            "192.0.2.9",
            ResponseInput.of(AnswerInput.value(more.questions().get(0).id(), 9)));
    Survey answered = surveys(app).get(team.owner(), s.key()).survey();

    assertThatThrownBy(
            () ->
                surveys(app)
                    .update(
                        team.owner(),
                        s.key(),
                        answered.version(),
                        SurveyService.draftOf(answered)
                            .withQuestions(List.of(QuestionDraft.of("nps", "")))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("questions")).contains("1 response already"));
    assertThatThrownBy(
            () ->
                surveys(app)
                    .update(
                        team.owner(),
                        s.key(),
                        answered.version(),
                        SurveyService.draftOf(answered).anonymously()))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("anonymous")).contains("cannot change"));
    Survey retitled =
        surveys(app)
            .update(
                team.owner(),
                s.key(),
                answered.version(),
                SurveyService.draftOf(answered).withTitle("NPS, spring").withDescription("Hi"));
    assertThat(retitled.questions()).isEqualTo(answered.questions());
    assertThat(retitled.description()).isEqualTo("Hi");
  }

  @Test
  void viewersCannotBuildSurveys(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    assertThatThrownBy(() -> surveys(app).create(viewer, team.product().slug(), everyType("No")))
        .isInstanceOf(Forbidden.class);
    Survey s = surveys(app).create(team.owner(), team.product().slug(), everyType("Yes"));
    assertThatThrownBy(
            () ->
                surveys(app)
                    .createLinks(viewer, s.key(), List.of(new SurveyService.Recipient("", ""))))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void aDeletedSurveyIsGoneFromItsPublicAddressUntilRestored(TestApp app) {
    Team team = team(app);
    Survey s =
        surveys(app)
            .create(team.owner(), team.product().slug(), everyType("Gone").withStatus("open"));
    surveys(app).delete(team.owner(), s.key(), s.version());

    assertThatThrownBy(() -> responses(app).publicView(team.product().slug(), s.publicCode(), null))
        .isInstanceOf(NotFound.class);
    assertThat(surveys(app).list(team.owner(), team.product().slug(), 0, 50).total()).isZero();

    surveys(app).restore(team.owner(), s.key());
    assertThat(responses(app).publicView(team.product().slug(), s.publicCode(), null).state())
        .isEqualTo(SurveyResponseService.State.OPEN);
  }

  @Test
  void personalLinksAreShownOnceAndKeptOnlyAsHashes(TestApp app) {
    Team team = team(app);
    Survey s = surveys(app).create(team.owner(), team.product().slug(), everyType("Links"));
    SurveyService.NewLinks made =
        surveys(app)
            .createLinks(
                team.owner(),
                s.key(),
                List.of(
                    new SurveyService.Recipient("Priya, Brightwave", "priya@brightwave.example"),
                    new SurveyService.Recipient("", "")));

    assertThat(made.tokens()).hasSize(2).doesNotHaveDuplicates();
    assertThat(made.path(0)).startsWith(s.publicPath() + "?t=");
    assertThat(made.links().get(0).email()).isEqualTo("priya@brightwave.example");
    List<String> hashes =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT token_hash FROM survey_token WHERE survey_id = :id")
                        .bind("id", s.id())
                        .mapTo(String.class)
                        .list());
    assertThat(hashes).hasSize(2).doesNotContainAnyElementsOf(made.tokens());
    assertThat(surveys(app).links(team.owner(), s.key())).hasSize(2);

    assertThatThrownBy(
            () ->
                surveys(app)
                    .createLinks(
                        team.owner(),
                        s.key(),
                        List.of(new SurveyService.Recipient("x", "not an address"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("recipients[0].email")).contains("e-mail address"));
  }
}
