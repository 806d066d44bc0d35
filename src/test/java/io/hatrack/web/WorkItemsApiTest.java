package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkItemsApiTest {
  private TestServer server;
  private TestServer.Api ana;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    User owner = server.user("Ana Lima");
    Workspace ws = server.workspace(owner);
    product = server.product(owner, ws);
    ana = server.api(owner);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String items() {
    return "/api/v1/products/" + product.slug() + "/items";
  }

  private JsonNode create(String json) {
    Answer created = ana.post(items(), json);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void creatingAnItemAnswersWithItsKeyStatusEtagAndLocation() {
    Answer created = ana.post(items(), "{\"type\":\"feature\",\"title\":\"Saved cards\"}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode item = created.json();
    assertThat(item.path("key").asText()).startsWith(product.key() + "-");
    assertThat(item.path("type").asText()).isEqualTo("feature");
    assertThat(item.path("status").asText()).isEqualTo("Backlog");
    assertThat(item.path("next_statuses")).extracting(JsonNode::asText).contains("Ready");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/v1/items/" + item.path("key").asText());
  }

  @Test
  void theUniformItemEndpointAnswersWithTheWholeWorkItemByKey() {
    JsonNode item = create("{\"type\":\"story\",\"title\":\"Pay with a saved card\"}");

    Answer read = ana.get("/api/v1/items/" + item.path("key").asText());

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("id").asLong()).isEqualTo(item.path("id").asLong());
    assertThat(read.json().path("status").asText()).isEqualTo("Backlog");
    assertThat(read.json().path("story").isObject()).isTrue();
  }

  @Test
  void aStatusTheWorkflowDoesNotAllowIsRefusedAndNothingChanges() {
    JsonNode item = create("{\"type\":\"task\",\"title\":\"Wire the vault\"}");
    String key = item.path("key").asText();

    Answer refused = ana.patch("/api/v1/items/" + key, "{\"status\":\"Done\"}", "\"1\"");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.toString()).contains("status");
    assertThat(ana.get("/api/v1/items/" + key).json().path("status").asText()).isEqualTo("Backlog");
  }

  @Test
  void aStaleIfMatchIsAConflictAndTheFirstWriteStands() {
    JsonNode item = create("{\"type\":\"task\",\"title\":\"First\"}");
    String key = item.path("key").asText();
    assertThat(ana.patch("/api/v1/items/" + key, "{\"title\":\"Second\"}", "\"1\"").status())
        .isEqualTo(200);

    Answer stale = ana.patch("/api/v1/items/" + key, "{\"title\":\"Third\"}", "\"1\"");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(ana.get("/api/v1/items/" + key).json().path("title").asText()).isEqualTo("Second");
  }

  @Test
  void anUnknownFieldInAPatchIsNamedInTheError() {
    JsonNode item = create("{\"type\":\"task\",\"title\":\"Fields\"}");

    Answer refused =
        ana.patch("/api/v1/items/" + item.path("key").asText(), "{\"colour\":\"blue\"}", "\"1\"");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("colour");
  }

  @Test
  void movingAnItemUnderItsOwnChildIsRefusedAsACycle() {
    JsonNode epic = create("{\"type\":\"epic\",\"title\":\"Wallet\"}");
    JsonNode feature =
        create(
            "{\"type\":\"feature\",\"title\":\"Cards\",\"parent\":\""
                + epic.path("key").asText()
                + "\"}");

    Answer refused =
        ana.patch(
            "/api/v1/items/" + epic.path("key").asText(),
            "{\"parent\":\"" + feature.path("key").asText() + "\"}",
            "\"1\"");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.toString()).contains("parent");
  }

  @Test
  void childrenAreListedUnderTheirParentAndMoveUpWhenItIsDeleted() {
    JsonNode epic = create("{\"type\":\"epic\",\"title\":\"Payouts\"}");
    JsonNode feature =
        create(
            "{\"type\":\"feature\",\"title\":\"Faster payouts\",\"parent\":\""
                + epic.path("key").asText()
                + "\"}");
    JsonNode story =
        create(
            "{\"type\":\"story\",\"title\":\"Next-day payout\",\"parent\":\""
                + feature.path("key").asText()
                + "\"}");

    Answer children = ana.get("/api/v1/items/" + feature.path("key").asText() + "/children");
    assertThat(children.json().path("items"))
        .extracting(n -> n.path("key").asText())
        .containsExactly(story.path("key").asText());

    assertThat(ana.delete("/api/v1/items/" + feature.path("key").asText(), "\"1\"").status())
        .isEqualTo(204);
    JsonNode moved = ana.get("/api/v1/items/" + story.path("key").asText()).json();
    assertThat(moved.path("parent").path("key").asText()).isEqualTo(epic.path("key").asText());
  }

  @Test
  void theListFiltersByTypeAndQueryAndPagesWithATotal() {
    String word = "zebra" + TestServer.unique();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      keys.add(
          create("{\"type\":\"bug\",\"title\":\"" + word + " " + i + "\"}").path("key").asText());
    }
    create("{\"type\":\"task\",\"title\":\"" + word + " task\"}");

    Answer first = ana.get(items() + "?type=bug&q=" + word + "&limit=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("total").asLong()).isEqualTo(3);
    assertThat(first.json().path("items")).hasSize(2);
    String cursor = first.json().path("next_cursor").asText();
    Answer second = ana.get(items() + "?type=bug&q=" + word + "&limit=2&cursor=" + cursor);

    List<String> seen = new ArrayList<>();
    first.json().path("items").forEach(n -> seen.add(n.path("key").asText()));
    second.json().path("items").forEach(n -> seen.add(n.path("key").asText()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(second.json().path("next_cursor").isNull()).isTrue();
  }

  @Test
  void theWorkflowCanBeReadAndItsSettingsChangedWithIfMatch() {
    Answer workflow = ana.get("/api/v1/products/" + product.slug() + "/workflow");
    assertThat(workflow.json().path("states"))
        .extracting(n -> n.path("name").asText())
        .startsWith("Backlog", "Ready", "In progress");

    String settings = "/api/v1/products/" + product.slug() + "/definition-settings";
    String etag = ana.get(settings).header("ETag");
    Answer changed = ana.patch(settings, "{\"estimate_unit\":\"days\"}", etag);

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().path("estimate_unit").asText()).isEqualTo("days");
    assertThat(ana.patch(settings, "{\"estimate_unit\":\"points\"}", etag).status()).isEqualTo(409);
    assertThat(ana.patch(settings, "{\"estimate_unit\":\"days\"}", changed.header("ETag")).status())
        .isEqualTo(200);
  }

  @Test
  void customFieldValuesAreWrittenWithTheItemAndAWrongTypeChangesNothing() {
    Answer field =
        ana.post(
            "/api/v1/products/" + product.slug() + "/fields",
            "{\"name\":\"Customer value\",\"type\":\"number\"}");
    assertThat(field.status()).as(field.toString()).isEqualTo(201);
    String key = field.json().path("key").asText();
    JsonNode item = create("{\"type\":\"feature\",\"title\":\"Valued\"}");
    String path = "/api/v1/items/" + item.path("key").asText();

    Answer set =
        ana.patch(path, "{\"title\":\"Valued more\",\"fields\":{\"" + key + "\":7}}", "\"1\"");
    Answer refused =
        ana.patch(
            path,
            "{\"title\":\"Never saved\",\"fields\":{\"" + key + "\":\"lots\"}}",
            set.header("ETag"));

    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().path("fields").path(key).asDouble()).isEqualTo(7.0);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.toString()).contains("fields." + key);
    JsonNode now = ana.get(path).json();
    assertThat(now.path("title").asText()).isEqualTo("Valued more");
    assertThat(now.path("fields").path(key).asDouble()).isEqualTo(7.0);
  }

  @Test
  void tagsGivenAtCreationAreSavedWithTheItemAndABadTagSavesNothing() {
    String title = "Tagged " + TestServer.unique();
    JsonNode item =
        create(
            "{\"type\":\"story\",\"title\":\"" + title + "\",\"tags\":[\"Mobile\",\"q1-launch\"]}");
    Answer refused =
        ana.post(
            items(), "{\"type\":\"story\",\"title\":\"" + title + " 2\",\"tags\":[\"no/slash\"]}");

    assertThat(item.path("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("mobile", "q1-launch");
    Answer read = ana.get("/api/v1/items/" + item.path("key").asText());
    assertThat(read.json().path("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("mobile", "q1-launch");
    assertThat(
            ana.get(items() + "?q=tag:mobile%20" + title.replace(" ", "%20"))
                .json()
                .path("total")
                .asLong())
        .isEqualTo(1);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.toString()).contains("tags[0]");
    assertThat(ana.get(items() + "?q=" + title.replace(" ", "%20")).json().path("total").asLong())
        .isEqualTo(1);
  }
}
