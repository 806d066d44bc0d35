package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryApiTest {
  private static final String CRITERIA =
      "Scenario: Save a card\n  Given a shopper\n  When they pay\n  Then the card is saved";

  private TestServer server;
  private User owner;
  private Product product;
  private TestServer.Api ana;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana Lima");
    Workspace ws = server.workspace(owner);
    product = server.product(owner, ws);
    ana = server.api(owner);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private WorkItem item(String type, String title, String parent) {
    NewWorkItem in = NewWorkItem.of(type, title);
    return server
        .app()
        .definition()
        .workItems()
        .create(owner, product.slug(), parent == null ? in : in.withParent(parent));
  }

  private String path(WorkItem item, String rest) {
    return "/api/v1/items/" + item.key() + rest;
  }

  private Answer put(WorkItem item, String body, String ifMatch, String contentType) {
    HttpRequest.Builder b =
        ana.request(path(item, "/acceptance"))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .setHeader("Content-Type", contentType);
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return ana.send(b);
  }

  @Test
  void qualityAnswersEachFindingWithItsVerdictAndTheCounts() {
    WorkItem story = item("story", "Pay fast", null);

    Answer answer = ana.get(path(story, "/quality"));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("item").asText()).isEqualTo(story.key());
    assertThat(body.path("failed").asInt()).isEqualTo(5);
    assertThat(body.path("warnings").asInt()).isEqualTo(2);
    assertThat(body.path("passed").asInt()).isEqualTo(2);
    JsonNode estimable = body.path("findings").get(5);
    assertThat(estimable.path("criterion").asText()).isEqualTo("estimable");
    assertThat(estimable.path("label").asText()).isEqualTo("Estimable");
    assertThat(estimable.path("verdict").asText()).isEqualTo("failed");
    assertThat(estimable.path("explanation").asText()).startsWith("No estimate yet.");
    JsonNode vague = body.path("findings").get(8);
    assertThat(vague.path("word").asText()).isEqualTo("fast");
    assertThat(vague.path("where").asText()).isEqualTo("the title");
  }

  @Test
  void qualityOfAFeatureIsRefused() {
    WorkItem feature = item("feature", "Cards", null);

    Answer answer = ana.get(path(feature, "/quality"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("item");
  }

  @Test
  void scenariosGoInAsJsonAndComeBackWithTheTextAndANewEtag() {
    WorkItem story = item("story", "Save a card", null);
    Answer read = ana.get(path(story, "/acceptance"));
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().path("scenarios").size()).isZero();

    Answer saved =
        put(
            story,
            """
            {"scenarios": [{"name": "Save a card", "given": ["a shopper"],
              "when": ["they pay"], "then": ["the card is saved", "it is a token"]}]}
            """,
            "\"1\"",
            "application/json");

    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.header("ETag")).isEqualTo("\"2\"");
    assertThat(saved.json().path("text").asText()).isEqualTo(CRITERIA + "\n  And it is a token");
    assertThat(saved.json().path("version").asLong()).isEqualTo(2);
    JsonNode scenario = saved.json().path("scenarios").get(0);
    assertThat(scenario.path("name").asText()).isEqualTo("Save a card");
    assertThat(scenario.path("then").toString())
        .isEqualTo("[\"the card is saved\",\"it is a token\"]");
    assertThat(ana.get(path(story, "/acceptance")).json().path("scenarios"))
        .isEqualTo(saved.json().path("scenarios"));
  }

  @Test
  void textGoesInAsJsonOrAsPlainText() {
    WorkItem story = item("story", "Save a card", null);

    Answer asJson =
        put(
            story,
            "{\"text\": \"" + CRITERIA.replace("\n", "\\n") + "\"}",
            "\"1\"",
            "application/json");
    Answer asText = put(story, "# edited\n" + CRITERIA, "\"2\"", "text/plain; charset=utf-8");

    assertThat(asJson.status()).as(asJson.toString()).isEqualTo(200);
    assertThat(asText.status()).as(asText.toString()).isEqualTo(200);
    assertThat(asText.json().path("text").asText()).isEqualTo("# edited\n" + CRITERIA);
    assertThat(asText.json().path("scenarios").size()).isEqualTo(1);
  }

  @Test
  void unreadableTextIsRefusedLineByLineAndNothingChanges() {
    WorkItem story = item("story", "Save a card", null);

    Answer refused = put(story, "Given a shopper\nScenario:\n  Then x", "\"1\"", "text/plain");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    JsonNode details = refused.json().path("error").path("details");
    assertThat(details.get(0).path("field").asText()).isEqualTo("acceptance");
    assertThat(details.get(0).path("reason").asText())
        .startsWith("line 1: \u201cGiven\u201d comes before any scenario");
    assertThat(details.get(1).path("reason").asText())
        .isEqualTo("line 2: the scenario needs a name after \u201cScenario:\u201d");
    assertThat(ana.get(path(story, "/acceptance")).header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void badJsonScenariosNameTheirPath() {
    WorkItem story = item("story", "Save a card", null);

    Answer refused =
        put(
            story,
            "{\"scenarios\": [{\"name\": \"A\", \"then\": []}]}",
            "\"1\"",
            "application/json");
    Answer both = put(story, "{\"scenarios\": [], \"text\": \"\"}", "\"1\"", "application/json");
    Answer neither = put(story, "{}", "\"1\"", "application/json");
    Answer unknown = put(story, "{\"scenario\": []}", "\"1\"", "application/json");

    assertThat(refused.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("scenarios[0].then");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("body");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void writesNeedIfMatchAndAStaleOneIsAConflict() {
    WorkItem story = item("story", "Save a card", null);

    Answer missing = put(story, CRITERIA, null, "text/plain");
    Answer stale = put(story, CRITERIA, "\"7\"", "text/plain");

    assertThat(missing.status()).isEqualTo(428);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
  }

  @Test
  void gherkinIsAPlainTextAttachmentNamedAfterTheKey() {
    WorkItem feature = item("feature", "One-click saved cards", null);
    WorkItem story = item("story", "Save a card", feature.key());
    put(story, CRITERIA, "\"1\"", "text/plain");

    Answer answer = ana.get(path(feature, "/gherkin"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("text/plain");
    assertThat(answer.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + feature.key() + ".feature\"");
    assertThat(ReferenceGherkin.parse(answer.body()).scenarios())
        .containsExactly(
            "Save a card [@"
                + feature.key()
                + ", @"
                + story.key()
                + "]: a shopper; they pay; the card"
                + " is saved");
  }

  @Test
  void theEndpointsAreInTheOpenApiDocumentUnderStories() {
    JsonNode paths = ana.get("/api/openapi.json").json().path("paths");

    assertThat(paths.path("/api/v1/items/{item}/quality").path("get").path("tags").get(0).asText())
        .isEqualTo("Stories");
    assertThat(paths.path("/api/v1/items/{item}/acceptance").has("put")).isTrue();
    assertThat(paths.path("/api/v1/items/{item}/gherkin").has("get")).isTrue();
  }
}
