package io.hatrack.web;

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

/** Scoring models, items' scores and the ranked backlog over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringApiTest {
  private TestServer server;
  private TestServer.Api api;
  private User ana;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    api = server.api(ana);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String models() {
    return "/api/v1/products/" + product.slug() + "/scoring-models";
  }

  private WorkItem feature(String title) {
    return server
        .app()
        .definition()
        .workItems()
        .create(ana, product.slug(), NewWorkItem.of("feature", title));
  }

  private Answer put(WorkItem w, String model, String body, String ifMatch) {
    HttpRequest.Builder b =
        api.request("/api/v1/items/" + w.key() + "/scores/" + model)
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return api.send(b);
  }

  private static final String RICE_400 =
      """
      {"inputs": {"reach": {"value": "500", "source": "evidence", "note": "500 unique customers"},
                  "impact": {"value": "2"}, "confidence": {"value": "80"}, "effort": {"value": "2"}}}
      """;

  @Test
  void modelsAreCreatedReadChangedAndDeletedWithEtags() {
    Answer created =
        api.post(
            models(),
            "{\"name\": \"ICE\", \"kind\": \"ice\", \"config\": {\"convention\": \"mean\"}}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("config").get("convention").asText()).isEqualTo("mean");
    assertThat(created.json().get("inputs").toString()).contains("ease");
    String path = models() + "/" + created.json().get("id").asLong();

    Answer stale = api.patch(path, "{\"name\": \"ICE 2\"}", "\"9\"");
    assertThat(stale.status()).isEqualTo(409);
    Answer changed = api.patch(path, "{\"name\": \"ICE 2\"}", created.header("ETag"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(api.get(path).json().get("name").asText()).isEqualTo("ICE 2");
    assertThat(api.delete(path, changed.header("ETag")).status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
  }

  @Test
  void badModelsAnswer400WithTheField() {
    Answer bad =
        api.post(
            models(),
            "{\"name\": \"F\", \"kind\": \"formula\", \"config\": {\"formula\": \"a +\", \"inputs\": [\"a\"]}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("config.formula");
  }

  @Test
  void scoresArePutWithVersionsAndReadWithFormulaInputsAndWorking() {
    api.post(models(), "{\"name\": \"RICE\", \"kind\": \"rice\"}");
    WorkItem w = feature("One-click saved cards");

    Answer first = put(w, "RICE", RICE_400, null);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("exact").asText()).isEqualTo("400/1");
    assertThat(first.header("ETag")).isEqualTo("\"1\"");
    assertThat(put(w, "RICE", RICE_400, "\"0\"").status()).isEqualTo(409);

    JsonNode scores = api.get("/api/v1/items/" + w.key() + "/scores").json();
    JsonNode rice = scores.get("scores").get(0);
    assertThat(rice.get("value").asDouble()).isEqualTo(400.0);
    assertThat(rice.get("formula").asText()).contains("Reach");
    assertThat(rice.get("working").asText()).isEqualTo("500 × 2 × 80% / 2 = 400");
    assertThat(rice.get("inputs").get("reach").get("source").asText()).isEqualTo("evidence");
    assertThat(rice.get("inputs").get("reach").get("note").asText()).contains("500 unique");

    JsonNode history = api.get("/api/v1/items/" + w.key() + "/scores/RICE/history").json();
    assertThat(history.get("items").size()).isEqualTo(1);

    JsonNode backlog = api.get("/api/v1/products/" + product.slug() + "/backlog?model=RICE").json();
    assertThat(backlog.get("sorted_by").asText()).isEqualTo("RICE");
    assertThat(backlog.get("items").get(0).get("key").asText()).isEqualTo(w.key());
    Answer sensitivity =
        api.get(
            "/api/v1/products/"
                + product.slug()
                + "/backlog/sensitivity?model=RICE&input=confidence");
    assertThat(sensitivity.status()).as(sensitivity.toString()).isEqualTo(200);
    assertThat(sensitivity.json().get("stepped").asBoolean()).isTrue();
  }

  @Test
  void badInputsAnswer400AndUnknownThings404() {
    api.post(models(), "{\"name\": \"R2\", \"kind\": \"rice\"}");
    WorkItem w = feature("3-D Secure retry");

    Answer zero =
        put(
            w,
            "R2",
            "{\"inputs\": {\"reach\": {\"value\": \"5\"}, \"impact\": {\"value\": \"2\"},"
                + " \"confidence\": {\"value\": \"80\"}, \"effort\": {\"value\": \"0\"}}}",
            null);
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.body()).contains("effort");
    Answer missing = put(w, "R2", "{\"inputs\": {\"reach\": {\"value\": \"5\"}}}", null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("confidence");
    assertThat(put(w, "Nope", RICE_400, null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/items/999999999/scores").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/products/" + product.slug() + "/backlog?model=nope").status())
        .isEqualTo(400);
  }
}
