package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** ROI models over the JSON API: CRUD with versions, results, simulation, compare, value field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoiModelsApiTest {
  private TestServer server;
  private TestServer.Api api;
  private User ana;
  private Workspace ws;
  private Product product;
  private WorkItem feature;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    api = server.api(ana);
    feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String models() {
    return "/api/v1/products/" + product.slug() + "/roi-models";
  }

  private static String body(String name, String item) {
    return """
        {"name": "%s", "item": %s, "periodicity": "yearly", "horizon": 3, "discount_rate": 10,
         "lines": [
           {"kind": "one_off_cost", "label": "Build", "from": 0, "likely": 2000},
           {"kind": "cost_saved", "from": 1, "to": 2, "spread": "pert",
            "low": 300, "likely": 500, "high": 900},
           {"kind": "new_revenue", "from": 3, "to": 3, "likely": 5000}]}
        """
        .formatted(name, item == null ? "null" : "\"" + item + "\"");
  }

  private JsonNode create(String name, String item) {
    Answer created = api.post(models(), body(name, item));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void creatingAModelAnswersWithItsResultsEtagAndLocation() {
    Answer created = api.post(models(), body("Project A", feature.key()));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode m = created.json();
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).endsWith("/roi-models/" + m.path("id").asLong());
    assertThat(m.path("item").path("key").asText()).isEqualTo(feature.key());
    assertThat(m.path("discount_rate").asDouble()).isEqualTo(10.0);
    JsonNode r = m.path("results");
    assertThat(r.path("npv").asDouble()).isCloseTo(2_624.34, within(0.01));
    assertThat(r.path("irr").path("status").asText()).isEqualTo("unique");
    assertThat(r.path("payback_periods").asDouble()).isCloseTo(2.2, within(1e-9));
    assertThat(r.path("roi_percent").asDouble()).isCloseTo(200.0, within(1e-9));
    assertThat(r.path("cash_flows")).hasSize(4);
    assertThat(r.path("cash_flows").get(0).path("net").asDouble()).isEqualTo(-2_000.0);
    assertThat(m.path("simulation").isNull()).isTrue();
    Answer one = api.get(models() + "/" + m.path("id").asLong());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("name").asText()).isEqualTo("Project A");
    JsonNode list = api.get(models()).json();
    assertThat(list.path("total").asLong()).isEqualTo(list.path("items").size()).isPositive();
  }

  @Test
  void badInputIsA400NamingTheFieldAndAnUnknownModelA404() {
    Answer refused =
        api.post(
            models(),
            """
            {"name": "Bad", "periodicity": "yearly", "horizon": -2, "discount_rate": 10,
             "lines": [{"kind": "new_revenue", "from": 1, "to": 2, "spread": "triangular",
                        "low": 9, "likely": 5, "high": 7}]}
            """);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.toString()).contains("horizon").contains("lines[0].low");
    assertThat(api.get(models() + "/999999").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/products/nope/roi-models").status()).isEqualTo(404);
  }

  @Test
  void aStaleIfMatchIsA409AndAMissingOneA428() {
    JsonNode m = create("Versions", null);
    String one = models() + "/" + m.path("id").asLong();

    Answer changed =
        api.send(
            api.request(one)
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(body("Versions 2", null))));
    Answer stale =
        api.send(
            api.request(one)
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(body("Versions 3", null))));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"2\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(api.put(one, body("No version", null)).status()).isEqualTo(428);
    assertThat(api.delete(one, "\"1\"").status()).isEqualTo(409);
    assertThat(api.delete(one, "\"2\"").status()).isEqualTo(204);
    assertThat(api.get(one).status()).isEqualTo(404);
  }

  @Test
  void simulatingWithASeedIsReproducibleAndGivesPercentilesAndAHistogram() {
    JsonNode m = create("Simulated", null);
    String simulate = models() + "/" + m.path("id").asLong() + "/simulate";

    Answer first = api.post(simulate, "{\"draws\": 5000, \"seed\": 9}");
    Answer second = api.post(simulate, "{\"draws\": 5000, \"seed\": 9}");
    Answer defaults = api.post(simulate, "");

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonNode s = first.json().path("simulation");
    assertThat(s.path("draws").asInt()).isEqualTo(5000);
    assertThat(s.path("p50").asDouble())
        .isEqualTo(second.json().path("simulation").path("p50").asDouble());
    assertThat(s.path("p10").asDouble()).isLessThan(s.path("p90").asDouble());
    assertThat(s.path("probability_npv_positive").asDouble()).isBetween(0.0, 1.0);
    assertThat(s.path("histogram")).hasSize(30);
    assertThat(defaults.json().path("simulation").path("draws").asInt()).isEqualTo(10_000);
    assertThat(api.post(simulate, "{\"draws\": 0}").status()).isEqualTo(400);
  }

  @Test
  void comparingAndUsingTheNpvAsTheItemsValue() {
    JsonNode a = create("Option A", feature.key());
    JsonNode b = create("Option B", null);

    Answer compared =
        api.get(models() + "/compare?ids=" + b.path("id").asLong() + "," + a.path("id").asLong());
    Answer used = api.post(models() + "/" + a.path("id").asLong() + "/use-as-value", "");
    Answer withoutItem = api.post(models() + "/" + b.path("id").asLong() + "/use-as-value", "");

    assertThat(compared.status()).isEqualTo(200);
    assertThat(compared.json().path("models").get(0).path("name").asText()).isEqualTo("Option B");
    assertThat(api.get(models() + "/compare?ids=x").status()).isEqualTo(400);
    assertThat(used.status()).as(used.toString()).isEqualTo(200);
    assertThat(used.json().path("item").asText()).isEqualTo(feature.key());
    assertThat(used.json().path("field").asText()).isEqualTo("value");
    assertThat(used.json().path("basis").asText()).isEqualTo("npv");
    assertThat(withoutItem.status()).isEqualTo(400);
    Answer item = api.get("/api/v1/items/" + feature.key());
    assertThat(item.toString()).contains("2624");
  }
}
