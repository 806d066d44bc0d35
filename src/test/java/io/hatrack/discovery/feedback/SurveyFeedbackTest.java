package io.hatrack.discovery.feedback;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.surveys.AnswerInput;
import io.hatrack.discovery.surveys.QuestionDraft;
import io.hatrack.discovery.surveys.ResponseInput;
import io.hatrack.discovery.surveys.Survey;
import io.hatrack.discovery.surveys.SurveyDraft;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.search.SearchHit;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Free-text survey answers arrive in the feedback inbox with the response that carries them. */
@OnEveryDatabase
class SurveyFeedbackTest {

  private static Survey survey(TestApp app, Team team) {
    return app.app()
        .discovery()
        .surveys()
        .surveys()
        .create(
            team.owner(),
            team.product().slug(),
            SurveyDraft.of(
                    "Pulse",
                    QuestionDraft.of("nps", ""),
                    QuestionDraft.of("text", "What should we improve?").optional())
                .withStatus("open"));
  }

  private static List<Feedback> inbox(TestApp app, Team team) {
    return app.app()
        .discovery()
        .feedback()
        .service()
        .list(team.owner(), team.product().slug(), FeedbackFilter.ALL, null, 50)
        .slice()
        .items();
  }

  @Test
  void aFreeTextAnswerThroughThePublicLinkBecomesSurveyFeedback(TestApp app) {
    Team team = team(app);
    Survey s = survey(app, team);
    long nps = s.questions().get(0).id();
    long text = s.questions().get(1).id();

    app.app()
        .discovery()
        .surveys()
        .responses()
        .respond(
            team.product().slug(),
            s.publicCode(),
            null,
            "198.51.100." + Fixtures.unique(),
            new ResponseInput(
                List.of(AnswerInput.value(nps, 6), AnswerInput.text(text, "Payouts take too long")),
                null,
                null));
    app.app()
        .discovery()
        .surveys()
        .responses()
        .respond(
            team.product().slug(),
            s.publicCode(),
            null,
            "198.51.100." + Fixtures.unique(),
            new ResponseInput(List.of(AnswerInput.value(nps, 9)), null, null));

    List<Feedback> inbox = inbox(app, team);
    assertThat(inbox).hasSize(1);
    Feedback f = inbox.get(0);
    assertThat(f.text()).isEqualTo("Payouts take too long");
    assertThat(f.source()).isEqualTo(FeedbackSource.SURVEY);
    assertThat(f.status()).isEqualTo(FeedbackStatus.NEW);
    assertThat(f.item().createdBy()).isEqualTo(team.owner().id());
    assertThat(f.externalId()).startsWith("survey-response-");
    SearchService.Request search =
        new SearchService.Request(
            "payouts",
            team.product().slug(),
            "feedback",
            "survey",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(app.app().search().search(team.owner(), search).slice().items())
        .extracting(SearchHit::id)
        .containsExactly(f.id());
  }

  @Test
  void aRefusedResponseLeavesNoFeedbackBehind(TestApp app) {
    Team team = team(app);
    Survey s = survey(app, team);
    long text = s.questions().get(1).id();

    assertThatThrownBy(
            () ->
                app.app()
                    .discovery()
                    .surveys()
                    .responses()
                    .enter(
                        team.owner(),
                        s.key(),
                        new ResponseInput(
                            List.of(
                                AnswerInput.text(text, "No NPS"),
                                AnswerInput.value(s.questions().get(0).id(), 11)),
                            null,
                            null)))
        .isInstanceOf(Invalid.class);

    assertThat(inbox(app, team)).isEmpty();
  }
}
