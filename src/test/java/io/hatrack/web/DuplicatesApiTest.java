package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Near-duplicate feedback over the JSON API: suggestions, a check, a scan, dismiss and merge. */
@OnEveryDatabase
class DuplicatesApiTest {
  private static final String CARDS =
      "Please let us save cards so that customers can pay with one click at checkout";

  private record Setup(TestServer server, TestServer.Api api, TestServer.Api viewer, Product p) {
    String base() {
      return "/api/v1/products/" + p.slug() + "/feedback";
    }

    long add(String text) {
      Answer created = api.post(base(), "{\"text\":\"" + text + "\",\"source\":\"email\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      return created.json().path("id").asLong();
    }
  }

  private static Setup setup(TestApp app) {
    TestServer server = TestServer.serving(app);
    User ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    Workspace ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    Product product = server.product(ana, ws);
    return new Setup(server, server.api(ana), server.api(vic), product);
  }

  @Test
  void feedbackAddedOverTheApiIsSuggestedAsADuplicateAndCanBeMergedByItsSuggestedKeep(TestApp app) {
    Setup s = setup(app);
    long first = s.add(CARDS);
    long second = s.add(CARDS + " next time");
    s.add("Payouts arrive three days late and our cash flow suffers");

    Answer list = s.api.get(s.base() + "/duplicates?limit=1");
    Answer mine = s.api.get("/api/v1/feedback/" + second + "/duplicates");
    Answer check = s.api.post(s.base() + "/duplicates/check", "{\"text\":\"" + CARDS + " soon\"}");

    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json().path("total").asLong()).isEqualTo(1);
    JsonNode pair = list.json().path("items").get(0);
    assertThat(pair.path("older").path("id").asLong()).isEqualTo(first);
    assertThat(pair.path("newer").path("id").asLong()).isEqualTo(second);
    assertThat(pair.path("newer").path("source").asText()).isEqualTo("email");
    assertThat(pair.path("similarity").asDouble()).isBetween(0.5, 1.0);
    assertThat(pair.path("suggested_keep").asLong()).isEqualTo(first);
    assertThat(mine.json().path("items")).hasSize(1);
    assertThat(check.json().path("items")).hasSize(2);

    Answer merged =
        s.api.post("/api/v1/feedback/" + first + "/merge", "{\"ids\":[\"" + second + "\"]}");

    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(s.api.get(s.base() + "/duplicates").json().path("total").asLong()).isZero();
  }

  @Test
  void aDismissedPairIsGoneAndOnlyEditorsMayDismiss(TestApp app) {
    Setup s = setup(app);
    long first = s.add(CARDS);
    long second = s.add(CARDS + " next time");
    String dismiss = "/api/v1/feedback/" + second + "/duplicates/" + first + "/dismiss";

    Answer refused = s.viewer.post(dismiss, "");
    Answer self = s.api.post("/api/v1/feedback/" + first + "/duplicates/" + first + "/dismiss", "");
    Answer done = s.api.post(dismiss, "");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("other");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(s.api.get(s.base() + "/duplicates").json().path("items")).isEmpty();
  }

  @Test
  void aScanAnswersWithAJobWhoseReportCountsTheGroups(TestApp app) {
    Setup s = setup(app);
    s.add(CARDS);
    s.add(CARDS + " next time");

    Answer started = s.api.post(s.base() + "/duplicates/scan", "");
    Answer refused = s.viewer.post(s.base() + "/duplicates/scan", "");

    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().path("id").asText();
    s.server.app().jobs().await(id, Duration.ofSeconds(30));
    JsonNode job = s.api.get("/api/v1/jobs/" + id).json();
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("result").path("groups").asLong()).isEqualTo(1);
    assertThat(job.path("result").path("compared").asLong()).isEqualTo(2);
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void theOpenApiDocumentDescribesTheDuplicateEndpoints(TestApp app) {
    Setup s = setup(app);
    JsonNode paths = s.api.get("/api/openapi.json").json().path("paths");

    assertThat(paths.has("/api/v1/products/{product}/feedback/duplicates")).isTrue();
    assertThat(paths.has("/api/v1/products/{product}/feedback/duplicates/scan")).isTrue();
    assertThat(paths.has("/api/v1/products/{product}/feedback/duplicates/check")).isTrue();
    assertThat(paths.has("/api/v1/feedback/{feedback}/duplicates")).isTrue();
    assertThat(paths.has("/api/v1/feedback/{feedback}/duplicates/{other}/dismiss")).isTrue();
  }
}
