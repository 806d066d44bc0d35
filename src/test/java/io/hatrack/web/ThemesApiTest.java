package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.text.ThemeModel;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The themes of feedback over the JSON API: a run as a job, then rename, merge, split, tag. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemesApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private Workspace ws;
  private User ana;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** A product with feedback on three topics, grouped into themes over the API. */
  private Product grouped() {
    Product p = server.product(ana, ws);
    List<FeedbackDraft> drafts = new ArrayList<>();
    for (List<String> topic :
        List.of(
            io.hatrack.discovery.feedback.themes.ThemeServiceTestTexts.INVOICES,
            io.hatrack.discovery.feedback.themes.ThemeServiceTestTexts.PAYOUTS,
            io.hatrack.discovery.feedback.themes.ThemeServiceTestTexts.CARDS)) {
      topic.forEach(t -> drafts.add(FeedbackDraft.of(t, "support_ticket")));
    }
    server.app().discovery().feedback().service().createAll(ana, p.slug(), drafts);
    Answer started = api.post("/api/v1/products/" + p.slug() + "/themes/runs", "");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().path("id").asText();
    assertThat(started.header("Location")).isEqualTo("/api/v1/jobs/" + id);
    server.app().jobs().await(id, Duration.ofSeconds(60));
    JsonNode job = api.get("/api/v1/jobs/" + id).json();
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("kind").asText()).isEqualTo("feedback-themes");
    assertThat(job.path("result").path("grouped").asLong()).isEqualTo(24);
    return p;
  }

  private JsonNode themes(Product p) {
    Answer a = api.get("/api/v1/products/" + p.slug() + "/themes");
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json();
  }

  @Test
  void aRunAnswersAJobAndTheListHasTermsCountsQuotesAndTheMethod() {
    Product p = grouped();

    JsonNode list = themes(p);

    assertThat(list.path("method").asText()).isEqualTo(ThemeModel.METHOD);
    assertThat(list.path("untriaged").asLong()).isEqualTo(24);
    assertThat(list.path("themes").size()).isGreaterThanOrEqualTo(2);
    JsonNode first = list.path("themes").get(0);
    assertThat(first.path("terms").size()).isBetween(1, 5);
    assertThat(first.path("members").asLong()).isPositive();
    assertThat(first.path("quotes").size()).isBetween(1, 3);
    assertThat(first.path("quotes").get(0).path("key").asText()).contains("-");
    assertThat(first.path("sentiment").has("positive")).isTrue();
    long id = first.path("id").asLong();
    Answer inTheme = api.get("/api/v1/products/" + p.slug() + "/feedback?theme=" + id);
    assertThat(inTheme.json().path("total").asLong()).isEqualTo(first.path("members").asLong());
  }

  @Test
  void renameMergeSplitAndPutFeedbackInAThemeOverTheApi() {
    Product p = grouped();
    JsonNode list = themes(p).path("themes");
    long a = list.get(0).path("id").asLong();
    long b = list.get(1).path("id").asLong();
    Answer got = api.get("/api/v1/themes/" + a);
    String etag = got.header("ETag");

    Answer renamed = api.patch("/api/v1/themes/" + a, "{\"name\": \"Money matters\"}", etag);
    Answer stale = api.patch("/api/v1/themes/" + a, "{\"name\": \"Again\"}", etag);
    Answer merged = api.post("/api/v1/themes/" + a + "/merge", "{\"theme\": " + b + "}");
    Answer split = api.post("/api/v1/themes/" + a + "/split", "");
    long feedbackId =
        api.get("/api/v1/products/" + p.slug() + "/feedback?theme=" + a)
            .json()
            .path("items")
            .get(0)
            .path("id")
            .asLong();
    long target = split.json().get(1).path("id").asLong();
    Answer placed =
        api.put("/api/v1/feedback/" + feedbackId + "/theme", "{\"theme\": " + target + "}");

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().path("name").asText()).isEqualTo("Money matters");
    assertThat(renamed.json().path("renamed").asBoolean()).isTrue();
    assertThat(stale.status()).isEqualTo(409);
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(api.get("/api/v1/themes/" + b).status()).isEqualTo(404);
    assertThat(split.status()).as(split.toString()).isEqualTo(200);
    assertThat(split.json().size()).isEqualTo(2);
    assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    assertThat(placed.json().path("theme_id").asLong()).isEqualTo(target);
    assertThat(placed.json().path("tagged").asBoolean()).isTrue();
  }

  @Test
  void badInputIsRefusedWithTheFieldAndViewersMayOnlyRead() {
    Product p = grouped();
    long a = themes(p).path("themes").get(0).path("id").asLong();

    Answer self = api.post("/api/v1/themes/" + a + "/merge", "{\"theme\": " + a + "}");
    Answer none = api.post("/api/v1/themes/" + a + "/merge", "{}");
    Answer tooLong =
        api.patch("/api/v1/themes/" + a, "{\"name\": \"" + "x".repeat(200) + "\"}", null);
    Answer unknown = api.get("/api/v1/themes/999999999");
    Answer badTheme = api.put("/api/v1/feedback/999999999/theme", "{\"theme\": null}");
    Answer viewerRun = viewer.post("/api/v1/products/" + p.slug() + "/themes/runs", "");
    Answer viewerRead = viewer.get("/api/v1/products/" + p.slug() + "/themes");

    assertThat(self.status()).isEqualTo(400);
    assertThat(self.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("theme");
    assertThat(none.status()).isEqualTo(400);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("name");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(badTheme.status()).isEqualTo(404);
    assertThat(viewerRun.status()).isEqualTo(403);
    assertThat(viewerRead.status()).isEqualTo(200);
  }
}
