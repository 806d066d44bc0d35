package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.surveys.AnswerInput;
import io.hatrack.discovery.surveys.QuestionDraft;
import io.hatrack.discovery.surveys.ResponseInput;
import io.hatrack.discovery.surveys.Survey;
import io.hatrack.discovery.surveys.SurveyDraft;
import io.hatrack.discovery.surveys.SurveyResponseService;
import io.hatrack.discovery.surveys.SurveyService;
import io.hatrack.discovery.surveys.SurveyStatus;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Surveys in the browser: the list, the builder, the share page, results and the public form. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveysWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private SurveyService surveys() {
    return server.app().discovery().surveys().surveys();
  }

  private SurveyResponseService responses() {
    return server.app().discovery().surveys().responses();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/discovery/surveys";
  }

  private Survey openNps(String title) {
    return surveys()
        .create(
            ana,
            product.slug(),
            SurveyDraft.of(
                    title,
                    QuestionDraft.of("nps", ""),
                    QuestionDraft.choice("multiple", "What do you use?", "Cards", "SEPA"),
                    QuestionDraft.of("text", "Why?").optional(),
                    QuestionDraft.kano("Saved cards"))
                .withStatus("open"));
  }

  @Test
  void theListExplainsSurveysBeforeTheFirstAndIsATabOfTheDiscoveryHat() {
    Product empty = server.product(ana, ws);
    String list = "/w/" + ws.slug() + "/" + empty.slug() + "/discovery/surveys";

    Browser.Page page = browser.get(list);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("No surveys yet")
        .contains("personal links that answer once")
        .contains("Create the first survey")
        .doesNotContainPattern("Discovery\\s*<span class=\"soon\">")
        .containsPattern("<a href=\"" + list + "\" aria-current=\"page\">Surveys</a>");
    String customers = "/w/" + ws.slug() + "/" + empty.slug() + "/discovery/customers";
    assertThat(browser.get(customers).body()).contains("<a href=\"" + list + "\"");
  }

  @Test
  void theBuilderAddsMovesAndRemovesQuestionsWithoutSavingThenCreates() {
    long before = surveys().list(ana, product.slug(), 0, 200).total();
    Browser.Page form = browser.get(base() + "/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"q_0_type\" value=\"nps\"").contains("Kano pair");

    Browser.Page added =
        browser.post(
            base(),
            "title",
            "Spring pulse",
            "open_link",
            "on",
            "question_count",
            "1",
            "q_0_type",
            "nps",
            "q_0_required",
            "on",
            "_action",
            "add:single");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body())
        .contains("value=\"Spring pulse\"")
        .contains("name=\"q_1_type\" value=\"single\"")
        .contains("Choices, one per line");
    Browser.Page moved =
        browser.post(
            base(),
            "title",
            "Spring pulse",
            "question_count",
            "2",
            "q_0_type",
            "nps",
            "q_1_type",
            "single",
            "q_1_prompt",
            "Your plan?",
            "_action",
            "up:1");
    assertThat(moved.body().indexOf("name=\"q_0_type\" value=\"single\"")).isPositive();
    Browser.Page removed =
        browser.post(
            base(),
            "title",
            "Spring pulse",
            "question_count",
            "2",
            "q_0_type",
            "single",
            "q_1_type",
            "nps",
            "_action",
            "remove:0");
    assertThat(removed.body())
        .contains("name=\"q_0_type\" value=\"nps\"")
        .doesNotContain("q_1_type");
    assertThat(surveys().list(ana, product.slug(), 0, 200).total()).isEqualTo(before);

    Browser.Page created =
        browser.post(
            base(),
            "title",
            "Spring pulse",
            "open_link",
            "on",
            "question_count",
            "2",
            "q_0_type",
            "nps",
            "q_0_required",
            "on",
            "q_1_type",
            "single",
            "q_1_prompt",
            "Your plan?",
            "q_1_options",
            "Starter\nGrowth",
            "_action",
            "save");
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    Browser.Page shown = browser.open(created.location());
    assertThat(shown.body())
        .contains("Spring pulse")
        .contains("This survey is a draft")
        .contains("No answers yet")
        .contains("Open survey");
  }

  @Test
  void aBuilderWithBrokenQuestionsAnswers422WithTheMessagesBesideThem() {
    browser.get(base() + "/new");
    Browser.Page refused =
        browser.post(
            base(),
            "title",
            "",
            "question_count",
            "3",
            "q_0_type",
            "rating",
            "q_0_prompt",
            "Rate it",
            "q_0_scale",
            "42",
            "q_1_type",
            "single",
            "q_1_prompt",
            "Pick",
            "q_1_options",
            "Only one",
            "q_2_type",
            "kano",
            "_action",
            "save");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Please fix these 4")
        .contains("Title must not be blank")
        .contains("Scale must be from 3 to 10")
        .contains("Choices needs at least two choices")
        .contains("Feature must not be blank")
        .contains("value=\"Rate it\"")
        .contains("question-row invalid");
  }

  @Test
  void theResultsPageShowsNpsWithItsMarginKanoAndTheWrittenAnswers() {
    Survey s = openNps("Results");
    long nps = s.questions().get(0).id();
    long uses = s.questions().get(1).id();
    long why = s.questions().get(2).id();
    long kano = s.questions().get(3).id();
    int[] scores = {10, 9, 9, 8, 3};
    for (int i = 0; i < scores.length; i++) {
      responses()
          .respond(
              product.slug(),
              s.publicCode(),
              null,
              "203.0.113." + i,
              new ResponseInput(
                  List.of(
                      AnswerInput.value(nps, scores[i]),
                      AnswerInput.choices(uses, "Cards"),
                      AnswerInput.text(why, i == 0 ? "Payouts <b>faster</b>" : ""),
                      AnswerInput.kano(kano, "like", "neutral")),
                  null,
                  null));
    }

    Browser.Page page = browser.get(base() + "/" + s.id());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("+40.0")
        .contains("± 70.1 points at 95 % confidence")
        .contains("Promoters (9–10): <strong>3</strong> · 60.0 %")
        .contains("Detractors (0–6): <strong>1</strong> · 20.0 %")
        .contains("Kano evaluation per feature")
        .contains("A · attractive")
        .contains("Payouts &lt;b&gt;faster&lt;/b&gt;")
        .contains("class=\"bar-fill\" width=\"100.0\"")
        .contains("id=\"panel-links\"");
  }

  @Test
  void theSharePageMakesPersonalLinksAndShowsThemOnce() {
    Survey s = openNps("Share");
    browser.get(base() + "/" + s.id() + "/share");

    Browser.Page made =
        browser.post(
            base() + "/" + s.id() + "/links",
            "recipients",
            "Priya Shah <priya@brightwave.example>\nMid-market batch");

    assertThat(made.status()).isEqualTo(200);
    assertThat(made.body())
        .contains("Your 2 new personal links")
        .contains(s.publicPath() + "?t=")
        .contains("priya@brightwave.example")
        .contains("Not answered yet");
    Browser.Page again = browser.get(base() + "/" + s.id() + "/share");
    assertThat(again.body()).doesNotContain("?t=").contains("Priya Shah");
    Browser.Page bad = browser.post(base() + "/" + s.id() + "/links", "recipients", "");
    assertThat(bad.status()).isEqualTo(422);
  }

  @Test
  void aClosedSurveysPublicPageSaysSoAndAnswers409() {
    Survey s = openNps("Closed");
    surveys().setStatus(ana, s.key(), s.version(), SurveyStatus.CLOSED);
    Browser stranger = new Browser(server.url());

    Browser.Page page = stranger.get(s.publicPath());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("This survey is closed").doesNotContain("Send my answers");
    Browser.Page refused = stranger.post(s.publicPath(), "q" + s.questions().get(0).id(), "9");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("is closed and takes no more answers");
  }

  @Test
  void aStrangerAnswersThePublicFormAfterFixingWhatWasRefused() {
    Survey s = openNps("Public");
    String nps = "q" + s.questions().get(0).id();
    String uses = "q" + s.questions().get(1).id();
    String kano = "q" + s.questions().get(3).id();
    Browser stranger = new Browser(server.url());

    Browser.Page form = stranger.get(s.publicPath());
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.header("X-Robots-Tag")).contains("noindex");
    assertThat(form.header("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(form.body())
        .contains("How likely is it that you would recommend")
        .contains("name=\"" + nps + "\" value=\"10\"")
        .contains("I can live with it")
        .contains("Your e-mail address")
        .doesNotContain("class=\"sidebar\"");
    Browser.Page noCsrf = stranger.postRaw(s.publicPath(), Map.of(nps, "9"));
    assertThat(noCsrf.status()).isEqualTo(403);

    Browser.Page refused =
        stranger.postEach(s.publicPath(), nps, "11", uses, "Cards", "email", "not-an-address");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Your answers were not saved yet")
        .contains("This answer must be from 0 to 10, not 11.")
        .contains("Please answer this question.")
        .contains("E-mail address must be an e-mail address")
        .contains("value=\"Cards\" checked");
    assertThat(surveys().get(ana, s.key()).survey().responses()).isZero();

    Browser.Page sent =
        stranger.postEach(
            s.publicPath(),
            nps,
            "9",
            uses,
            "Cards",
            uses,
            "SEPA",
            kano + "_f",
            "like",
            kano + "_d",
            "dislike",
            "name",
            "Mia");
    assertThat(sent.status()).as(sent.body()).isEqualTo(303);
    assertThat(sent.location()).isEqualTo(s.publicPath() + "/thanks");
    assertThat(stranger.get(sent.location()).body()).contains("Thank you!");
    var results = responses().results(ana, s.key());
    assertThat(results.responses()).isEqualTo(1);
    assertThat(results.questions().get(1).distribution().get(1).count()).isEqualTo(1);
    assertThat(responses().responses(ana, s.key(), null, 5).items().get(0).name()).isEqualTo("Mia");
  }

  @Test
  void aPersonalLinkAnswersOnceThroughThePublicForm() {
    Survey s = openNps("Once");
    String token =
        surveys()
            .createLinks(ana, s.key(), List.of(new SurveyService.Recipient("Priya", null)))
            .tokens()
            .get(0);
    String nps = "q" + s.questions().get(0).id();
    String kano = "q" + s.questions().get(3).id();
    String uses = "q" + s.questions().get(1).id();
    Browser stranger = new Browser(server.url());
    String path = s.publicPath() + "?t=" + token;

    assertThat(stranger.get(path).body()).doesNotContain("Your e-mail address");
    Browser.Page sent =
        stranger.postEach(
            path, nps, "7", uses, "SEPA", kano + "_f", "expect", kano + "_d", "dislike");
    assertThat(sent.status()).isEqualTo(303);

    Browser.Page again = stranger.get(path);
    assertThat(again.body()).contains("You have already answered");
    Browser.Page twice =
        stranger.postEach(
            path, nps, "1", uses, "SEPA", kano + "_f", "expect", kano + "_d", "dislike");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body()).contains("already been used");
    assertThat(surveys().get(ana, s.key()).survey().responses()).isEqualTo(1);
  }
}
