package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/v1/search} and rebuilding a product's index over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private TestServer.Api stranger;
  private Product product;
  private WorkItem item;

  @BeforeAll
  void start() {
    server = TestServer.start();
    User ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    Workspace ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    product = server.product(ana, ws);
    item =
        server
            .app()
            .definition()
            .workItems()
            .create(
                ana,
                product.slug(),
                new NewWorkItem(
                    "feature",
                    "One-click saved cards",
                    "Returning shoppers pay with a <script>saved</script> card.",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of()));
    api = server.api(ana);
    viewer = server.api(vic);
    stranger = server.api(server.user("Sam Stranger"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> fields(Answer refused) {
    List<String> fields = new ArrayList<>();
    refused.json().path("error").path("details").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  @Test
  void aSearchAnswersRankedHitsWithHighlightsAndTheirAddress() {
    Answer found = viewer.get("/api/v1/search?q=" + q("saved card*") + "&product=" + product.key());

    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    assertThat(found.json().path("total").asLong()).isEqualTo(1);
    JsonNode hit = found.json().path("items").get(0);
    assertThat(hit.path("id").asLong()).isEqualTo(item.id());
    assertThat(hit.path("kind").asText()).isEqualTo("work_item");
    assertThat(hit.path("key").asText()).isEqualTo(item.key());
    assertThat(hit.path("title").asText()).isEqualTo("One-click saved cards");
    assertThat(hit.path("title_html").asText()).contains("<mark>saved</mark>");
    assertThat(hit.path("snippet").asText())
        .contains("&lt;script&gt;<mark>saved</mark>&lt;/script&gt;")
        .doesNotContain("<script>");
    assertThat(hit.path("score").asDouble()).isPositive();
    assertThat(hit.path("url").asText()).isEqualTo("/i/" + item.key());
    assertThat(hit.path("status").asText()).isNotBlank();
  }

  @Test
  void badFiltersAnswer400WithEachFieldAndReason() {
    Answer refused =
        api.get(
            "/api/v1/search?q=&from=soon&sentiment=glad&limit=0&cursor=x&product="
                + product.slug());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fields(refused)).contains("q", "from", "sentiment", "limit", "cursor");
    refused
        .json()
        .path("error")
        .path("details")
        .forEach(d -> assertThat(d.path("reason").asText()).isNotBlank());
  }

  @Test
  void someoneOutsideTheWorkspaceFindsNothingAndCannotNameItsProduct() {
    assertThat(stranger.get("/api/v1/search?q=saved").json().path("total").asLong()).isZero();
    Answer refused = stranger.get("/api/v1/search?q=saved&product=" + product.slug());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("product");
  }

  @Test
  void adminsRebuildTheIndexAndViewersMayNot() {
    Answer forbidden = viewer.post("/api/v1/products/" + product.slug() + "/search/reindex", "");
    Answer rebuilt = api.post("/api/v1/products/" + product.slug() + "/search/reindex", "");

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
    assertThat(rebuilt.json().path("documents").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/search?q=saved").json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void theOpenApiDocumentDescribesTheSearch() {
    JsonNode paths = api.get("/api/openapi.json").json().path("paths");

    assertThat(paths.has("/api/v1/search")).isTrue();
    assertThat(paths.path("/api/v1/search").path("get").path("parameters").toString())
        .contains("sentiment")
        .contains("segment");
    assertThat(paths.has("/api/v1/products/{product}/search/reindex")).isTrue();
  }
}
