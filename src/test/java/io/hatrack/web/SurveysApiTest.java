package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Surveys over the JSON API: building, versions, responses, results, personal links. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveysApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    User ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    Workspace ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    product = server.product(ana, ws);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String surveys() {
    return "/api/v1/products/" + product.slug() + "/surveys";
  }

  private static final String PULSE =
      """
      {"title": "Checkout pulse", "status": "open",
       "questions": [
         {"type": "nps"},
         {"type": "csat"},
         {"type": "ces"},
         {"type": "single", "prompt": "Your plan?", "options": ["Starter", "Growth"]},
         {"type": "text", "prompt": "Anything else?", "required": false},
         {"type": "kano", "feature": "Saved cards"}
       ]}
      """;

  private JsonNode create(String body) {
    Answer created = api.post(surveys(), body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static long q(JsonNode survey, int i) {
    return survey.path("questions").get(i).path("id").asLong();
  }

  private String answer(JsonNode s, int nps, int csat, String kanoF, String kanoD) {
    return """
        {"answers": [
          {"question": %d, "value": %d},
          {"question": %d, "value": %d},
          {"question": %d, "value": 6},
          {"question": %d, "choice": "Growth"},
          {"question": %d, "functional": "%s", "dysfunctional": "%s"}
        ]}
        """
        .formatted(q(s, 0), nps, q(s, 1), csat, q(s, 2), q(s, 3), q(s, 5), kanoF, kanoD);
  }

  @Test
  void creatingASurveyAnswersWithItsQuestionsEtagAndLocation() {
    Answer created = api.post(surveys(), PULSE);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode s = created.json();
    assertThat(s.path("kind").asText()).isEqualTo("survey");
    assertThat(s.path("status").asText()).isEqualTo("open");
    assertThat(s.path("open_link").asBoolean()).isTrue();
    assertThat(s.path("public_url").asText()).startsWith("/p/" + product.slug() + "/s/");
    assertThat(s.path("questions").get(0).path("low").asInt()).isZero();
    assertThat(s.path("questions").get(0).path("high").asInt()).isEqualTo(10);
    assertThat(s.path("questions").get(2).path("prompt").asText())
        .endsWith("made it easy for me to handle my issue.");
    assertThat(s.path("questions").get(5).path("dysfunctional_prompt").asText())
        .isEqualTo("How would you feel if Saved cards were not available?");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo(surveys() + "/" + s.path("id").asLong());
    assertThat(api.get(surveys() + "/" + s.path("key").asText()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/items/" + s.path("key").asText()).json().path("kind").asText())
        .isEqualTo("survey");
    assertThat(viewer.get(surveys()).json().path("total").asLong()).isPositive();
  }

  @Test
  void invalidSurveysAreRefusedWith400NamingEachField() {
    Answer refused =
        api.post(
            surveys(),
            """
            {"title": "", "questions": [{"type": "stars"}, {"type": "rating", "scale": 42},
              {"type": "single", "options": ["Only"]}], "colour": "red"}
            """);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    assertThat(refused.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("colour");

    Answer fields =
        api.post(
            surveys(),
            """
            {"title": "", "questions": [{"type": "stars"}, {"type": "rating", "scale": 42},
              {"type": "single", "options": ["Only"]}]}
            """);
    assertThat(fields.status()).isEqualTo(400);
    assertThat(fields.json().path("error").path("details").toString())
        .contains("\"field\":\"title\"")
        .contains("questions[0].type")
        .contains("questions[1].scale")
        .contains("questions[2].options");
    assertThat(viewer.post(surveys(), PULSE).status()).isEqualTo(403);
  }

  @Test
  void aStaleEtagIsAConflictAndChangesNothing() {
    JsonNode s = create(PULSE);
    String path = surveys() + "/" + s.path("id").asLong();
    Answer renamed = api.patch(path, "{\"title\":\"First\"}", "\"1\"");
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.header("ETag")).isEqualTo("\"2\"");
    assertThat(renamed.json().path("questions").size()).isEqualTo(6);

    Answer stale = api.patch(path, "{\"title\":\"Lost update\"}", "\"1\"");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(api.get(path).json().path("title").asText()).isEqualTo("First");
    assertThat(api.patch(path, "{\"title\":\"x\"}", null).status()).isEqualTo(428);
    assertThat(api.delete(path, "\"1\"").status()).isEqualTo(409);
    assertThat(api.delete(path, "\"2\"").status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(api.post(path + "/restore", "").status()).isEqualTo(200);
  }

  @Test
  void enteredResponsesCountInTheResultsJson() {
    JsonNode s = create(PULSE);
    String path = surveys() + "/" + s.path("id").asLong();
    for (int nps : new int[] {10, 9, 9, 8, 3}) {
      Answer entered = api.post(path + "/responses", answer(s, nps, 4, "like", "dislike"));
      assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    }

    Answer results = viewer.get(path + "/results");

    assertThat(results.status()).isEqualTo(200);
    JsonNode r = results.json();
    assertThat(r.path("responses").asLong()).isEqualTo(5);
    JsonNode nps = r.path("questions").get(0).path("nps");
    assertThat(nps.path("promoters").asLong()).isEqualTo(3);
    assertThat(nps.path("passives").asLong()).isEqualTo(1);
    assertThat(nps.path("detractors").asLong()).isEqualTo(1);
    assertThat(nps.path("score").asDouble()).isEqualTo(40.0);
    // p = 0.6, d = 0.2: 1.96 * sqrt((0.8 - 0.16) / 5) * 100 = 70.12...
    assertThat(nps.path("margin_of_error").asDouble()).isEqualTo(70.1);
    assertThat(nps.path("confidence").asText()).isEqualTo("95%");
    assertThat(r.path("questions").get(1).path("csat").path("percent").asDouble()).isEqualTo(100.0);
    assertThat(r.path("questions").get(2).path("ces").path("variant").asText())
        .startsWith("CES 2.0");
    assertThat(r.path("questions").get(2).path("ces").path("mean").asDouble()).isEqualTo(6.0);
    assertThat(r.path("questions").get(3).path("distribution").get(1).path("count").asLong())
        .isEqualTo(5);
    JsonNode kano = r.path("questions").get(5).path("kano");
    assertThat(kano.path("category").asText()).isEqualTo("O");
    assertThat(kano.path("category_label").asText()).isEqualTo("one-dimensional");
    assertThat(kano.path("better").asDouble()).isEqualTo(1.0);
    assertThat(kano.path("worse").asDouble()).isEqualTo(-1.0);
    assertThat(kano.path("counts").path("O").asLong()).isEqualTo(5);
    JsonNode listed = viewer.get(path + "/responses?limit=2").json();
    assertThat(listed.path("total").asLong()).isEqualTo(5);
    assertThat(listed.path("items").size()).isEqualTo(2);
    assertThat(listed.path("items").get(0).path("answers").get(3).path("choices").get(0).asText())
        .isEqualTo("Growth");
    assertThat(listed.path("items").get(0).path("answers").get(4).path("functional").asText())
        .isEqualTo("like");
    assertThat(listed.path("next_cursor").asText()).isNotEmpty();
  }

  @Test
  void outOfRangeOrRepeatedAnswersAre400AndSaveNothing() {
    JsonNode s = create(PULSE);
    String path = surveys() + "/" + s.path("id").asLong();

    Answer range = api.post(path + "/responses", answer(s, 11, 0, "adore", "dislike"));
    assertThat(range.status()).isEqualTo(400);
    assertThat(range.json().path("error").path("details").toString())
        .contains("answers." + q(s, 0))
        .contains("must be from 0 to 10, not 11")
        .contains("must be from 1 to 5, not 0")
        .contains("answers." + q(s, 5) + ".functional");
    String twice =
        "{\"answers\": [{\"question\": %d, \"value\": 9}, {\"question\": %d, \"value\": 7}]}"
            .formatted(q(s, 0), q(s, 0));
    Answer repeated = api.post(path + "/responses", twice);
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.json().path("error").path("message").asText()).contains("answered twice");
    assertThat(api.get(path + "/results").json().path("responses").asLong()).isZero();
    assertThat(viewer.post(path + "/responses", answer(s, 9, 4, "like", "like")).status())
        .isEqualTo(403);
  }

  @Test
  void personalLinksAreMadeOnceListedAndRevoked() {
    JsonNode s = create(PULSE);
    String path = surveys() + "/" + s.path("id").asLong();

    Answer made =
        api.post(
            path + "/links",
            "{\"recipients\": [{\"label\": \"Priya\", \"email\": \"priya@brightwave.example\"}],"
                + " \"count\": 2}");

    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    JsonNode links = made.json().path("links");
    assertThat(links.size()).isEqualTo(3);
    assertThat(links.get(0).path("url").asText())
        .isEqualTo(s.path("public_url").asText() + "?t=" + links.get(0).path("token").asText());
    JsonNode listed = api.get(path + "/links").json();
    assertThat(listed.path("total").asLong()).isEqualTo(3);
    assertThat(listed.toString()).doesNotContain(links.get(0).path("token").asText());
    long id = links.get(0).path("link").path("id").asLong();
    Answer revoked = api.post(path + "/links/" + id + "/revoke", "");
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().path("revoked_at").isNull()).isFalse();
    assertThat(viewer.get(path + "/links").status()).isEqualTo(403);
  }

  @Test
  void aSurveyOfAnotherProductIsNotFoundUnderThisOne() {
    JsonNode s = create(PULSE);
    assertThat(
            api.get("/api/v1/products/" + product.slug() + "x/surveys/" + s.path("id").asLong())
                .status())
        .isEqualTo(404);
  }
}
