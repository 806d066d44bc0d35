package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesApiTest {
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

  private JsonNode create(String title, String body) {
    Answer created =
        ana.post(
            "/api/v1/products/" + product.slug() + "/pages",
            "{\"title\":\"" + title + "\",\"body\":\"" + body + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void creatingAPageAnswersWithItsKeyVersionEtagAndLocation() {
    Answer created =
        ana.post(
            "/api/v1/products/" + product.id() + "/pages",
            "{\"title\":\"Vision\",\"body\":\"# Where we go\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("key").asText()).startsWith(product.key() + "-");
    assertThat(created.json().path("version").asLong()).isEqualTo(1);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location"))
        .isEqualTo("/api/v1/pages/" + created.json().path("id").asLong());
    assertThat(created.json().path("body_html").asText()).contains("<h1>Where we go</h1>");
  }

  @Test
  void aPageIsFoundByIdAndByKey() {
    JsonNode page = create("Runbook", "steps");

    Answer byId = ana.get("/api/v1/pages/" + page.path("id").asLong());
    Answer byKey = ana.get("/api/v1/pages/" + page.path("key").asText());

    assertThat(byId.status()).isEqualTo(200);
    assertThat(byKey.json().path("id").asLong()).isEqualTo(page.path("id").asLong());
    assertThat(byKey.json().path("title").asText()).isEqualTo("Runbook");
  }

  @Test
  void patchingWithTheCurrentEtagChangesThePageAndMovesTheVersionOn() {
    JsonNode page = create("Draft", "old");
    String path = "/api/v1/pages/" + page.path("id").asLong();

    Answer patched = ana.patch(path, "{\"body\":\"new\"}", "\"1\"");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(ana.get(path).json().path("body").asText()).isEqualTo("new");
    assertThat(ana.get(path).json().path("title").asText()).isEqualTo("Draft");
  }

  @Test
  void aStaleEtagIsAConflictAndChangesNothing() {
    JsonNode page = create("Shared", "first");
    String path = "/api/v1/pages/" + page.path("id").asLong();
    assertThat(ana.patch(path, "{\"body\":\"second\"}", "\"1\"").status()).isEqualTo(200);

    Answer stale = ana.patch(path, "{\"body\":\"lost update\"}", "\"1\"");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(ana.get(path).json().path("body").asText()).isEqualTo("second");
  }

  @Test
  void changesWithoutIfMatchAreRefusedWith428() {
    JsonNode page = create("Guarded", "x");
    String path = "/api/v1/pages/" + page.path("id").asLong();

    assertThat(ana.patch(path, "{\"body\":\"y\"}", null).status()).isEqualTo(428);
    assertThat(ana.delete(path, null).status()).isEqualTo(428);
    assertThat(ana.get(path).json().path("body").asText()).isEqualTo("x");
  }

  @Test
  void aDeletedPageIsGoneUntilRestored() {
    JsonNode page = create("Temporary", "x");
    String path = "/api/v1/pages/" + page.path("id").asLong();

    assertThat(ana.delete(path, "\"1\"").status()).isEqualTo(204);
    assertThat(ana.get(path).status()).isEqualTo(404);

    Answer restored = ana.post(path + "/restore", "");
    assertThat(restored.status()).isEqualTo(200);
    assertThat(ana.get(path).json().path("title").asText()).isEqualTo("Temporary");
  }

  @Test
  void listingWalksEveryPageOnceWithATotal() {
    Product own = server.product(owner, ws);
    for (int i = 0; i < 7; i++) {
      ana.post(
          "/api/v1/products/" + own.slug() + "/pages",
          "{\"title\":\"Page " + i + "\",\"body\":\"\"}");
    }
    Set<Long> seen = new HashSet<>();
    List<Long> order = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page =
          ana.get(
              "/api/v1/products/"
                  + own.slug()
                  + "/pages?limit=3"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().path("total").asLong()).isEqualTo(7);
      page.json()
          .path("items")
          .forEach(
              i -> {
                seen.add(i.path("id").asLong());
                order.add(i.path("id").asLong());
              });
      cursor =
          page.json().path("next_cursor").isNull()
              ? null
              : page.json().path("next_cursor").asText();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(order).hasSize(7);
    assertThat(seen).hasSize(7);
  }

  @Test
  void includeCommentsReturnsThePageWithItsComments() {
    JsonNode page = create("Discussed", "x");
    long id = page.path("id").asLong();
    ana.post("/api/v1/items/" + id + "/comments", "{\"body\":\"First **thought**\"}");
    ana.post("/api/v1/items/" + id + "/comments", "{\"body\":\"Second\"}");

    JsonNode withComments = ana.get("/api/v1/pages/" + id + "?include=comments").json();

    assertThat(withComments.path("comment_count").asLong()).isEqualTo(2);
    assertThat(withComments.path("comments").get(0).path("body_html").asText())
        .contains("<strong>thought</strong>");
    assertThat(withComments.path("comments").get(1).path("body").asText()).isEqualTo("Second");
  }

  @Test
  void aBlankTitleIsRefusedNamingTheFieldAndNothingIsCreated() {
    long before =
        ana.get("/api/v1/products/" + product.slug() + "/pages").json().path("total").asLong();

    Answer refused =
        ana.post(
            "/api/v1/products/" + product.slug() + "/pages", "{\"title\":\"  \",\"body\":\"x\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    assertThat(refused.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("title");
    assertThat(
            ana.get("/api/v1/products/" + product.slug() + "/pages").json().path("total").asLong())
        .isEqualTo(before);
  }
}
