package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireframesApiTest {
  private static final String LOGIN = "{\n  Login | \"ana\"\n  [Cancel] | [OK]\n}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServer server;
  private TestServer.Api ana;
  private User owner;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana Lima");
    ws = server.workspace(owner);
    product = server.product(owner, ws);
    ana = server.api(owner);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String body(String title, String source) {
    ObjectNode node = JSON.createObjectNode();
    if (title != null) {
      node.put("title", title);
    }
    if (source != null) {
      node.put("source", source);
    }
    return node.toString();
  }

  private JsonNode create(String title, String source) {
    Answer created =
        ana.post("/api/v1/products/" + product.slug() + "/wireframes", body(title, source));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void creatingAWireframeAnswersWithItsKeySourceVersionsAndDrawing() {
    Answer created =
        ana.post("/api/v1/products/" + product.id() + "/wireframes", body("Login", LOGIN));

    assertThat(created.status()).isEqualTo(201);
    JsonNode w = created.json();
    assertThat(w.path("key").asText()).startsWith(product.key() + "-");
    assertThat(w.path("kind").asText()).isEqualTo("wireframe");
    assertThat(w.path("source").asText()).isEqualTo(LOGIN);
    assertThat(w.path("version").asLong()).isEqualTo(1);
    assertThat(w.path("source_version").asInt()).isEqualTo(1);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/v1/wireframes/" + w.path("id").asLong());
    Answer svg = ana.get(w.path("svg_url").asText());
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.body()).contains("<svg").contains(">Login<");
  }

  @Test
  void theDrawingIsServedAsAnSvgThatCanRunNothing() {
    JsonNode w = create("Checkout", LOGIN);

    Answer svg = ana.get("/api/v1/wireframes/" + w.path("key").asText() + ".svg");

    assertThat(svg.status()).as(svg.toString()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(svg.header("Content-Security-Policy"))
        .contains("default-src 'none'")
        .contains("script-src 'none'")
        .contains("sandbox");
    assertThat(svg.header("Content-Disposition")).startsWith("inline;").contains(".svg");
    assertThat(svg.body()).doesNotContain("<script");
  }

  @Test
  void aSourceThatDoesNotDrawIsA400WithTheLineInTheDetails() {
    Answer refused =
        ana.post(
            "/api/v1/products/" + product.slug() + "/wireframes",
            body("Broken", "{\n  [OK]\n  Name | \"x\"\n  {\n}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    JsonNode detail = refused.json().path("error").path("details").get(0);
    assertThat(detail.path("field").asText()).isEqualTo("source");
    assertThat(detail.path("reason").asText()).startsWith("line 1: ").contains("never closed");
    Answer include =
        ana.post(
            "/api/v1/products/" + product.slug() + "/wireframes",
            body("Sneaky", "{\n  [OK]\n  !include /etc/passwd\n}"));
    assertThat(include.status()).isEqualTo(400);
    assertThat(include.body()).contains("line 3: !include");
  }

  @Test
  void editingKeepsEveryVersionAndAStaleEditIsAConflict() {
    JsonNode w = create("Login", LOGIN);
    String path = "/api/v1/wireframes/" + w.path("id").asLong();

    Answer edited = ana.patch(path, body(null, LOGIN.replace("ana", "ben")), "\"1\"");
    Answer stale = ana.patch(path, body("Mine", LOGIN), "\"1\"");
    Answer missing = ana.patch(path, body("Mine", null), null);

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().path("source_version").asInt()).isEqualTo(2);
    assertThat(edited.header("ETag")).isEqualTo("\"2\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(missing.status()).isEqualTo(428);
    JsonNode versions = ana.get(path + "/versions").json();
    assertThat(versions.path("total").asInt()).isEqualTo(2);
    assertThat(versions.path("items").get(0).path("number").asInt()).isEqualTo(2);
    assertThat(versions.path("items").get(0).path("created_by_name").asText())
        .isEqualTo("Ana Lima");
    JsonNode first = ana.get(path + "/versions/1").json();
    assertThat(first.path("source").asText()).isEqualTo(LOGIN);
    Answer oldSvg = ana.get(path + "/versions/1.svg");
    assertThat(oldSvg.body()).contains(">ana<").doesNotContain(">ben<");
    assertThat(ana.get(path + "/versions/7").status()).isEqualTo(404);
  }

  @Test
  void anOldVersionIsRestoredAsTheNewestWithIfMatch() {
    JsonNode w = create("Login", LOGIN);
    String path = "/api/v1/wireframes/" + w.path("id").asLong();
    ana.patch(path, body(null, LOGIN.replace("ana", "ben")), "\"1\"");

    Answer restored =
        ana.send(
            ana.request(path + "/versions/1/restore")
                .header("If-Match", "\"2\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().path("source").asText()).isEqualTo(LOGIN);
    assertThat(restored.json().path("source_version").asInt()).isEqualTo(3);
    assertThat(ana.get(path + "/versions/3").json().path("restored_from").asInt()).isEqualTo(1);
  }

  @Test
  void thePreviewDrawsWithoutSavingOrSaysWhichLineIsWrong() {
    long before =
        ana.get("/api/v1/products/" + product.slug() + "/wireframes").json().path("total").asLong();

    Answer ok = ana.post("/api/v1/wireframes/preview", body(null, "{\n [Pay now]\n}"));
    Answer bad = ana.post("/api/v1/wireframes/preview", body(null, "{\n [Pay now]\n}\n}"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(ok.body()).contains("Pay now");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("line 4: this } closes no block");
    assertThat(
            ana.get("/api/v1/products/" + product.slug() + "/wireframes")
                .json()
                .path("total")
                .asLong())
        .isEqualTo(before);
  }

  @Test
  void theListAndTheUniformItemEndpointKnowWireframes() {
    JsonNode w = create("Wallet", LOGIN);

    JsonNode list = ana.get("/api/v1/products/" + product.slug() + "/wireframes?limit=200").json();
    JsonNode item = ana.get("/api/v1/items/" + w.path("key").asText()).json();

    assertThat(list.path("items").findValuesAsText("key")).contains(w.path("key").asText());
    assertThat(list.path("items").get(0).has("source")).isFalse();
    assertThat(item.path("source").asText()).isEqualTo(LOGIN);
    assertThat(item.path("svg_url").asText()).endsWith("/versions/1.svg");
  }

  @Test
  void viewersReadButCannotWriteAndOutsidersSeeNothing() {
    User viewer = server.user("Vic");
    server.app().workspaces().addMember(owner, ws.slug(), viewer.email(), Role.VIEWER);
    User stranger = server.user("Sam");
    JsonNode w = create("Login", LOGIN);
    String path = "/api/v1/wireframes/" + w.path("id").asLong();

    assertThat(server.api(viewer).get(path).status()).isEqualTo(200);
    assertThat(server.api(viewer).get(path + ".svg").status()).isEqualTo(200);
    assertThat(server.api(viewer).patch(path, body("x", null), "\"1\"").status()).isEqualTo(403);
    assertThat(server.api(stranger).get(path).status()).isEqualTo(404);
    assertThat(server.api(stranger).get(path + ".svg").status()).isEqualTo(404);
  }

  @Test
  void deletingNeedsIfMatchAndCanBeUndone() {
    JsonNode w = create("Short-lived", LOGIN);
    String path = "/api/v1/wireframes/" + w.path("id").asLong();

    assertThat(ana.delete(path, null).status()).isEqualTo(428);
    assertThat(ana.delete(path, "\"1\"").status()).isEqualTo(204);
    assertThat(ana.get(path).status()).isEqualTo(404);
    assertThat(ana.post(path + "/restore", "").status()).isEqualTo(200);
    assertThat(ana.get(path).status()).isEqualTo(200);
  }
}
