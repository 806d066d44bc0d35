package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The decision log over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionsApiTest {
  private TestServer server;
  private TestServer.Api api;
  private User ana;
  private User ben;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    ben = server.user("Ben Okafor");
    ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), ben.email(), Role.EDITOR);
    product = server.product(ana, ws);
    api = server.api(ana);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String decisions() {
    return "/api/v1/products/" + product.slug() + "/decisions";
  }

  private JsonNode create(String body) {
    Answer created = api.post(decisions(), body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static String proposed(String title) {
    return "{\"title\":\"" + title + "\"}";
  }

  @Test
  void recordingADecisionAnswersWithItsOptionsDecidersEtagAndLocation() {
    Answer created =
        api.post(
            decisions(),
            """
            {"title": "Store card tokens with the processor",
             "context": "PCI **scope**",
             "status": "decided",
             "decided_on": "2026-01-15",
             "deciders": ["@%s", "%s"],
             "options": [
               {"name": "Own vault", "pros": ["Portable"], "cons": ["PCI Level 1"]},
               {"name": "Processor tokens", "description": "SAQ *A*", "chosen": true}
             ],
             "outcome": "Processor tokens.",
             "consequences": "Tied to one processor."}
            """
                .formatted(ana.handle(), ben.handle()));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode d = created.json();
    assertThat(d.path("key").asText()).startsWith(product.key() + "-");
    assertThat(d.path("kind").asText()).isEqualTo("decision");
    assertThat(d.path("status").asText()).isEqualTo("decided");
    assertThat(d.path("decided_on").asText()).isEqualTo("2026-01-15");
    assertThat(d.path("context_html").asText()).contains("<strong>scope</strong>");
    assertThat(d.path("options").get(0).path("name").asText()).isEqualTo("Own vault");
    assertThat(d.path("options").get(0).path("pros").get(0).asText()).isEqualTo("Portable");
    assertThat(d.path("options").get(0).path("chosen").asBoolean()).isFalse();
    assertThat(d.path("options").get(1).path("chosen").asBoolean()).isTrue();
    assertThat(d.path("options").get(1).path("description_html").asText()).contains("<em>A</em>");
    List<String> handles = new ArrayList<>();
    d.path("deciders").forEach(p -> handles.add(p.path("handle").asText()));
    assertThat(handles).containsExactlyInAnyOrder(ana.handle(), ben.handle());
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/v1/decisions/" + d.path("id").asLong());
  }

  @Test
  void aDecisionIsFoundByIdByKeyAndThroughTheUniformItemEndpoint() {
    JsonNode d = create(proposed("Findable"));

    Answer byId = api.get("/api/v1/decisions/" + d.path("id").asLong());
    Answer byKey = api.get("/api/v1/decisions/" + d.path("key").asText());
    Answer asItem = api.get("/api/v1/items/" + d.path("key").asText());

    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.header("ETag")).isEqualTo("\"1\"");
    assertThat(byKey.json().path("id").asLong()).isEqualTo(d.path("id").asLong());
    assertThat(asItem.json().path("status").asText()).isEqualTo("proposed");
    assertThat(asItem.json().path("kind").asText()).isEqualTo("decision");
  }

  @Test
  void aDecidedDecisionWithoutDateOrDecidersIsRefusedNamingBothFields() {
    long before = api.get(decisions()).json().path("total").asLong();

    Answer refused =
        api.post(
            decisions(),
            "{\"title\":\"Half done\",\"status\":\"decided\",\"options\":[{\"name\":\" \"}]}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    List<String> fields = new ArrayList<>();
    refused.json().path("error").path("details").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("decided_on", "deciders", "options[0].name");
    assertThat(api.get(decisions()).json().path("total").asLong()).isEqualTo(before);
  }

  @Test
  void wrongTypesAndUnknownFieldsAreRefusedByName() {
    Answer typo = api.post(decisions(), "{\"title\":\"T\",\"decided\":\"2026-01-01\"}");
    Answer notAList = api.post(decisions(), "{\"title\":\"T\",\"deciders\":\"ana\"}");
    JsonNode d = create(proposed("Patched badly"));
    String path = "/api/v1/decisions/" + d.path("id").asLong();
    Answer badOption =
        api.patch(path, "{\"options\":[{\"name\":\"A\",\"chosen\":\"yes\"}]}", "\"1\"");
    Answer unknown = api.patch(path, "{\"owner\":\"ana\"}", "\"1\"");

    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("decided");
    assertThat(notAList.status()).isEqualTo(400);
    assertThat(badOption.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("options[0].chosen");
    assertThat(unknown.json().path("error").path("details").get(0).path("reason").asText())
        .isEqualTo("is not a field of a decision");
  }

  @Test
  void patchingWithTheCurrentEtagChangesOnlyTheGivenFields() {
    JsonNode d =
        create(
            "{\"title\":\"Retry 3-D Secure\",\"context\":\"Timeouts\","
                + "\"options\":[{\"name\":\"Fail\"},{\"name\":\"Retry once\"}]}");
    String path = "/api/v1/decisions/" + d.path("id").asLong();

    Answer patched =
        api.patch(
            path,
            "{\"status\":\"decided\",\"decided_on\":\"2026-02-02\",\"deciders\":[\""
                + ben.handle()
                + "\"],\"options\":[{\"name\":\"Fail\"},{\"name\":\"Retry once\",\"chosen\":true}]}",
            "\"1\"");

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    JsonNode now = api.get(path).json();
    assertThat(now.path("context").asText()).isEqualTo("Timeouts");
    assertThat(now.path("status").asText()).isEqualTo("decided");
    assertThat(now.path("options").get(1).path("chosen").asBoolean()).isTrue();
    assertThat(now.path("deciders").get(0).path("handle").asText()).isEqualTo(ben.handle());
  }

  @Test
  void aStaleEtagIsAConflictAndChangesNothing() {
    JsonNode d = create(proposed("Shared"));
    String path = "/api/v1/decisions/" + d.path("id").asLong();
    assertThat(api.patch(path, "{\"title\":\"First\"}", "\"1\"").status()).isEqualTo(200);

    Answer stale = api.patch(path, "{\"title\":\"Lost update\"}", "\"1\"");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(api.get(path).json().path("title").asText()).isEqualTo("First");
    assertThat(api.patch(path, "{\"title\":\"x\"}", null).status()).isEqualTo(428);
  }

  @Test
  void supersedingOnCreationMarksTheOldDecisionAndBothShowIt() {
    JsonNode old =
        create(
            "{\"title\":\"Fail at once\",\"status\":\"decided\",\"decided_on\":\"2025-01-01\","
                + "\"deciders\":[\""
                + ana.handle()
                + "\"]}");

    JsonNode newer =
        create("{\"title\":\"Retry once\",\"supersedes\":\"" + old.path("key").asText() + "\"}");

    JsonNode oldNow = api.get("/api/v1/decisions/" + old.path("key").asText()).json();
    assertThat(oldNow.path("status").asText()).isEqualTo("superseded");
    assertThat(oldNow.path("superseded_by").path("key").asText())
        .isEqualTo(newer.path("key").asText());
    assertThat(newer.path("supersedes").get(0).path("key").asText())
        .isEqualTo(old.path("key").asText());
  }

  @Test
  void theLogFiltersByStatusAndPagesWithACursor() {
    Product own = server.product(ana, ws);
    String log = "/api/v1/products/" + own.slug() + "/decisions";
    for (int i = 1; i <= 3; i++) {
      api.post(
          log,
          "{\"title\":\"Decided "
              + i
              + "\",\"status\":\"decided\",\"decided_on\":\"2025-0"
              + i
              + "-01\",\"deciders\":[\""
              + ana.handle()
              + "\"]}");
    }
    api.post(log, proposed("Open"));

    JsonNode first = api.get(log + "?limit=2").json();
    JsonNode second = api.get(log + "?limit=2&cursor=" + first.path("next_cursor").asText()).json();
    JsonNode decided = api.get(log + "?status=decided").json();

    assertThat(first.path("total").asLong()).isEqualTo(4);
    assertThat(first.path("items").get(0).path("title").asText()).isEqualTo("Open");
    assertThat(first.path("items").get(1).path("title").asText()).isEqualTo("Decided 3");
    assertThat(second.path("items").get(0).path("title").asText()).isEqualTo("Decided 2");
    assertThat(second.path("next_cursor").isNull()).isTrue();
    assertThat(decided.path("total").asLong()).isEqualTo(3);
    assertThat(decided.path("items").get(0).path("deciders").get(0).path("handle").asText())
        .isEqualTo(ana.handle());
    assertThat(api.get(log + "?status=soon").status()).isEqualTo(400);
  }

  @Test
  void linkedWorkItemsAppearOnTheDecision() {
    var feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));
    JsonNode d = create(proposed("Tokens"));
    Answer linked =
        api.post(
            "/api/v1/items/" + d.path("key").asText() + "/links",
            "{\"target\":\"" + feature.key() + "\",\"type\":\"relates-to\"}");
    assertThat(linked.status()).as(linked.toString()).isIn(200, 201);

    JsonNode read = api.get("/api/v1/decisions/" + d.path("id").asLong()).json();

    assertThat(read.path("links").get(0).path("key").asText()).isEqualTo(feature.key());
    assertThat(read.path("links").get(0).path("label").asText()).isEqualTo("relates to");
  }

  @Test
  void aDeletedDecisionIsGoneUntilRestored() {
    JsonNode d = create(proposed("Temporary"));
    String path = "/api/v1/decisions/" + d.path("id").asLong();

    assertThat(api.delete(path, null).status()).isEqualTo(428);
    assertThat(api.delete(path, "\"1\"").status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);

    Answer restored = api.post(path + "/restore", "");

    assertThat(restored.status()).isEqualTo(200);
    assertThat(api.get(path).json().path("title").asText()).isEqualTo("Temporary");
  }
}
