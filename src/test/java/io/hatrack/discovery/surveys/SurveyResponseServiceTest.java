package io.hatrack.discovery.surveys;

import static io.hatrack.discovery.surveys.SurveyServiceTest.everyType;
import static io.hatrack.discovery.surveys.SurveyServiceTest.responses;
import static io.hatrack.discovery.surveys.SurveyServiceTest.surveys;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.surveys.SurveyResponseService.State;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answering surveys on SQLite and PostgreSQL: whole responses or nothing, one response per personal
 * link, closed and draft surveys, anonymity, the rate limit, and results from the saved answers.
 */
@OnEveryDatabase
class SurveyResponseServiceTest {
  private static Survey open(TestApp app, Team team, SurveyDraft draft) {
    return surveys(app).create(team.owner(), team.product().slug(), draft.withStatus("open"));
  }

  private static long q(Survey s, int i) {
    return s.questions().get(i).id();
  }

  /** A full, valid response to {@link SurveyServiceTest#everyType}. */
  private static ResponseInput full(Survey s, int nps, String text) {
    return new ResponseInput(
        List.of(
            AnswerInput.value(q(s, 0), nps),
            AnswerInput.value(q(s, 1), 4),
            AnswerInput.value(q(s, 2), 6),
            AnswerInput.value(q(s, 3), 5),
            AnswerInput.choices(q(s, 4), "Growth"),
            AnswerInput.choices(q(s, 5), "SEPA", "Cards"),
            AnswerInput.text(q(s, 6), text),
            AnswerInput.kano(q(s, 7), "like", "dislike")),
        null,
        null);
  }

  private static String client() {
    return "198.51.100." + Fixtures.unique();
  }

  private Map<String, Long> answersSaved(TestApp app) {
    return Map.of(
        "survey_response", app.count("survey_response"),
        "survey_answer", app.count("survey_answer"),
        "survey_token", app.count("survey_token WHERE used_at IS NOT NULL"));
  }

  @Test
  void anAnswerThroughTheOpenLinkIsSavedWholeAndCountsInTheResults(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Pulse"));
    String slug = team.product().slug();

    responses(app)
        .respond(
            slug,
            s.publicCode(),
            null,
            client(),
            full(s, 10, "Faster payouts").from("Mia", "mia@shop.example"));
    responses(app).respond(slug, s.publicCode(), null, client(), full(s, 8, ""));
    responses(app).respond(slug, s.publicCode(), null, client(), full(s, 3, "Invoices"));

    SurveyResults r = responses(app).results(team.owner(), s.key());
    assertThat(r.responses()).isEqualTo(3);
    SurveyResults.QuestionResult nps = r.questions().get(0);
    assertThat(nps.nps().counts()).isEqualTo(new Nps.Counts(1, 1, 1));
    assertThat(nps.nps().score()).isEqualByComparingTo("0");
    assertThat(nps.distribution()).hasSize(11);
    assertThat(nps.distribution().get(10).count()).isEqualTo(1);
    assertThat(r.questions().get(1).csat().percent()).isEqualByComparingTo("100");
    assertThat(r.questions().get(2).ces().mean()).isEqualByComparingTo("6");
    assertThat(r.questions().get(3).mean()).isEqualByComparingTo("5");
    assertThat(r.questions().get(4).distribution())
        .extracting(SurveyResults.Bar::label, SurveyResults.Bar::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Starter", 0L),
            org.assertj.core.groups.Tuple.tuple("Growth", 3L),
            org.assertj.core.groups.Tuple.tuple("Enterprise", 0L));
    assertThat(r.questions().get(5).distribution())
        .extracting(SurveyResults.Bar::count)
        .containsExactly(3L, 3L, 0L);
    assertThat(r.questions().get(6).answered()).isEqualTo(2);
    assertThat(r.questions().get(6).texts())
        .extracting(SurveyResults.TextAnswer::text, SurveyResults.TextAnswer::respondent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Faster payouts", "Mia <mia@shop.example>"),
            org.assertj.core.groups.Tuple.tuple("Invoices", ""));
    Kano.Evaluation kano = r.questions().get(7).kano();
    assertThat(kano.category()).contains(Kano.Category.O);
    assertThat(kano.better()).contains(new java.math.BigDecimal("1.00"));
    assertThat(kano.worse()).contains(new java.math.BigDecimal("-1.00"));
    assertThat(r.questions().get(7).kanoAnswers()[0][4]).isEqualTo(3);
    assertThat(surveys(app).get(team.owner(), s.key()).survey().responses()).isEqualTo(3);
  }

  @Test
  void outOfRangeAnswersAreRefusedNamingEachAndNothingIsSaved(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Ranges"));
    Map<String, Long> before = answersSaved(app);
    ResponseInput bad =
        new ResponseInput(
            List.of(
                AnswerInput.value(q(s, 0), 11),
                AnswerInput.value(q(s, 1), 0),
                AnswerInput.value(q(s, 2), 8),
                AnswerInput.value(q(s, 3), 6),
                AnswerInput.choices(q(s, 4), "Growth", "Starter"),
                AnswerInput.choices(q(s, 5), "Cheques"),
                AnswerInput.kano(q(s, 7), "love it", "dislike")),
            null,
            null);

    assertThatThrownBy(
            () ->
                responses(app).respond(team.product().slug(), s.publicCode(), null, client(), bad))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .containsExactlyInAnyOrder(
                      "answers." + q(s, 0),
                      "answers." + q(s, 1),
                      "answers." + q(s, 2),
                      "answers." + q(s, 3),
                      "answers." + q(s, 4),
                      "answers." + q(s, 5),
                      "answers." + q(s, 7) + ".functional");
              assertThat(e.reasonFor("answers." + q(s, 0)))
                  .isEqualTo("must be from 0 to 10, not 11");
              assertThat(e.reasonFor("answers." + q(s, 2))).isEqualTo("must be from 1 to 7, not 8");
            });
    assertThat(answersSaved(app)).isEqualTo(before);
  }

  @Test
  void aQuestionAnsweredTwiceOrMissingOrForeignIsRefused(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Twice"));
    Map<String, Long> before = answersSaved(app);
    List<AnswerInput> twice = new java.util.ArrayList<>(full(s, 9, "").answers());
    twice.add(AnswerInput.value(q(s, 0), 10));
    twice.add(AnswerInput.value(987_654_321L, 1));
    twice.remove(1);

    assertThatThrownBy(
            () ->
                responses(app)
                    .respond(
                        team.product().slug(),
                        s.publicCode(),
                        null,
                        client(),
                        new ResponseInput(twice, null, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("answers." + q(s, 0))).contains("answered twice");
              assertThat(e.reasonFor("answers." + q(s, 1))).isEqualTo("is required");
              assertThat(e.reasonFor("answers.987654321")).contains("not a question");
            });
    assertThat(answersSaved(app)).isEqualTo(before);
  }

  @Test
  void aPersonalLinkAnswersOnceAndItsSecondUseIsRefusedWithNothingSaved(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Once").byInvitationOnly());
    String token =
        surveys(app)
            .createLinks(
                team.owner(),
                s.key(),
                List.of(new SurveyService.Recipient("Priya", "priya@brightwave.example")))
            .tokens()
            .get(0);
    String slug = team.product().slug();
    assertThat(responses(app).publicView(slug, s.publicCode(), token).state())
        .isEqualTo(State.OPEN);

    responses(app).respond(slug, s.publicCode(), token, client(), full(s, 9, "More wallets"));
    Map<String, Long> before = answersSaved(app);

    assertThatThrownBy(
            () -> responses(app).respond(slug, s.publicCode(), token, client(), full(s, 0, "")))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already been used");
    assertThat(answersSaved(app)).isEqualTo(before);
    assertThat(responses(app).publicView(slug, s.publicCode(), token).state())
        .isEqualTo(State.LINK_USED);
    Response saved = responses(app).responses(team.owner(), s.key(), null, 10).items().get(0);
    assertThat(saved.channel()).isEqualTo("token");
    assertThat(saved.respondent()).isEqualTo("Priya <priya@brightwave.example>");
    assertThat(surveys(app).links(team.owner(), s.key()).get(0).used()).isTrue();
  }

  @Test
  void twoAnswersRacingWithOneLinkSaveOnlyOne(TestApp app) throws InterruptedException {
    Team team = team(app);
    Survey s = open(app, team, everyType("Race"));
    String token =
        surveys(app)
            .createLinks(team.owner(), s.key(), List.of(new SurveyService.Recipient("", "")))
            .tokens()
            .get(0);
    String slug = team.product().slug();
    Runnable answer =
        () -> responses(app).respond(slug, s.publicCode(), token, client(), full(s, 7, ""));

    assertThat(Race.successes(answer, answer)).isEqualTo(1);
    assertThat(surveys(app).get(team.owner(), s.key()).survey().responses()).isEqualTo(1);
  }

  @Test
  void wrongOrRevokedLinksAreNotFoundAndInvitationOnlySurveysRefuseTheOpenLink(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Invited").byInvitationOnly());
    String slug = team.product().slug();
    SurveyService.NewLinks made =
        surveys(app)
            .createLinks(team.owner(), s.key(), List.of(new SurveyService.Recipient("", "")));
    surveys(app).revokeLink(team.owner(), s.key(), made.links().get(0).id());

    assertThatThrownBy(() -> responses(app).publicView(slug, s.publicCode(), "not-a-token"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> responses(app).publicView(slug, s.publicCode(), made.tokens().get(0)))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> responses(app).publicView("another-product", s.publicCode(), null))
        .isInstanceOf(NotFound.class);
    assertThat(responses(app).publicView(slug, s.publicCode(), null).state())
        .isEqualTo(State.INVITATION_ONLY);
    assertThatThrownBy(
            () -> responses(app).respond(slug, s.publicCode(), null, client(), full(s, 9, "")))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("personal link");
  }

  @Test
  void aClosedSurveyTakesNoAnswersAndADraftIsNotPublic(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    Survey draft = surveys(app).create(team.owner(), slug, everyType("Draft"));
    assertThatThrownBy(() -> responses(app).publicView(slug, draft.publicCode(), null))
        .isInstanceOf(NotFound.class);
    Survey s = open(app, team, everyType("Closing"));
    Survey closed = surveys(app).setStatus(team.owner(), s.key(), s.version(), SurveyStatus.CLOSED);
    Map<String, Long> before = answersSaved(app);

    assertThat(responses(app).publicView(slug, s.publicCode(), null).state())
        .isEqualTo(State.CLOSED);
    assertThatThrownBy(
            () -> responses(app).respond(slug, s.publicCode(), null, client(), full(s, 9, "")))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> responses(app).enter(team.owner(), s.key(), full(s, 9, "")))
        .isInstanceOf(Conflict.class);
    assertThat(answersSaved(app)).isEqualTo(before);
    surveys(app).setStatus(team.owner(), s.key(), closed.version(), SurveyStatus.OPEN);
    responses(app).respond(slug, s.publicCode(), null, client(), full(s, 9, ""));
  }

  @Test
  void anAnonymousSurveyKeepsNoIdentityAndOnlyTheDay(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Anonymous").anonymously());
    String slug = team.product().slug();
    assertThatThrownBy(
            () ->
                surveys(app)
                    .createLinks(
                        team.owner(),
                        s.key(),
                        List.of(new SurveyService.Recipient("Priya", "priya@brightwave.example"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("recipients[0].email")).contains("anonymous"));
    String token =
        surveys(app)
            .createLinks(
                team.owner(), s.key(), List.of(new SurveyService.Recipient("Enterprise", null)))
            .tokens()
            .get(0);
    assertThatThrownBy(
            () ->
                responses(app)
                    .respond(slug, s.publicCode(), null, client(), full(s, 9, "").from("Mia", "")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("name")).contains("anonymous"));
    assertThat(responses(app).publicView(slug, s.publicCode(), null).asksWho()).isFalse();

    responses(app).respond(slug, s.publicCode(), token, client(), full(s, 9, "Quiet please"));

    Map<String, Object> row =
        app.database()
            .read(
                h ->
                    h.createQuery(
                            "SELECT token_id, respondent_name, respondent_email, entered_by,"
                                + " submitted_at FROM survey_response WHERE survey_id = :id")
                        .bind("id", s.id())
                        .mapToMap()
                        .one());
    assertThat(row.get("token_id")).isNull();
    assertThat(row.get("respondent_name")).isNull();
    assertThat(row.get("respondent_email")).isNull();
    assertThat(row.get("entered_by")).isNull();
    Instant at = Instant.ofEpochMilli(((Number) row.get("submitted_at")).longValue());
    assertThat(at).isEqualTo(at.truncatedTo(ChronoUnit.DAYS));
    Instant used = surveys(app).links(team.owner(), s.key()).get(0).usedAt();
    assertThat(used).isEqualTo(used.truncatedTo(ChronoUnit.DAYS));
    assertThat(
            responses(app)
                .results(team.owner(), s.key())
                .questions()
                .get(6)
                .texts()
                .get(0)
                .respondent())
        .isEmpty();
  }

  @Test
  void tooManySubmissionsFromOneClientAreRefusedForAWhile(TestApp app) {
    Team team = team(app);
    Survey s = open(app, team, everyType("Flood"));
    String slug = team.product().slug();
    String flood = client();
    for (int i = 0; i < Surveys.SUBMISSIONS; i++) {
      assertThatThrownBy(
              () -> responses(app).respond(slug, s.publicCode(), null, flood, ResponseInput.of()))
          .isInstanceOf(Invalid.class);
    }
    Map<String, Long> before = answersSaved(app);

    assertThatThrownBy(
            () -> responses(app).respond(slug, s.publicCode(), null, flood, full(s, 9, "")))
        .isInstanceOf(RateLimited.class)
        .hasMessageContaining("Try again in 10 minutes");
    assertThat(answersSaved(app)).isEqualTo(before);
    responses(app).respond(slug, s.publicCode(), null, client(), full(s, 9, ""));
    app.clock().advance(Surveys.WINDOW.plusSeconds(1));
    responses(app).respond(slug, s.publicCode(), null, flood, full(s, 9, ""));
    assertThat(surveys(app).get(team.owner(), s.key()).survey().responses()).isEqualTo(2);
  }

  @Test
  void editorsEnterResponsesCollectedElsewhereAndViewersOnlyRead(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    Survey s = surveys(app).create(team.owner(), team.product().slug(), everyType("Calls"));

    Response r =
        responses(app)
            .enter(team.owner(), s.key(), full(s, 6, "Said on the call").from("Jo", null));
    assertThat(r.channel()).isEqualTo("entered");
    assertThat(r.name()).isEqualTo("Jo");
    assertThat(r.answers()).hasSize(8);
    assertThatThrownBy(() -> responses(app).enter(viewer, s.key(), full(s, 6, "")))
        .isInstanceOf(Forbidden.class);
    assertThat(responses(app).results(viewer, s.key()).questions().get(0).nps().score())
        .isEqualByComparingTo("-100");
  }
}
