package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Imports and exports of work items over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportsApiTest {
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

  private static byte[] sample(String name) {
    try (InputStream in = ImportsApiTest.class.getResourceAsStream("/imports/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode finished(Answer started) {
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().path("id").asText();
    assertThat(started.header("Location")).isEqualTo("/api/v1/jobs/" + id);
    server.app().jobs().await(id, Duration.ofSeconds(60));
    Answer job = api.get("/api/v1/jobs/" + id);
    assertThat(job.status()).isEqualTo(200);
    return job.json();
  }

  private Answer multipart(Product p, String format, boolean dry, String name, byte[] content) {
    String boundary = "----imp" + System.nanoTime();
    String fields =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n"
            + format
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n"
            + dry
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: text/csv\r\n\r\n";
    byte[] head = fields.getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return api.send(
        api.request("/api/v1/products/" + p.slug() + "/imports")
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void aGithubFileInTheBodyBecomesAJobWhoseReportCountsSkippedPullRequests() {
    Product p = server.product(ana, ws);

    JsonNode job =
        finished(
            api.post(
                "/api/v1/products/" + p.slug() + "/imports?format=github",
                new String(sample("github-issues.json"), StandardCharsets.UTF_8)));
    JsonNode again =
        finished(
            api.post(
                "/api/v1/products/" + p.slug() + "/imports?format=github&dry_run=true",
                new String(sample("github-issues.json"), StandardCharsets.UTF_8)));

    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    JsonNode report = job.path("result");
    assertThat(report.path("created").asLong()).isEqualTo(3);
    assertThat(report.path("skipped").path("pull requests are not imported").asLong()).isEqualTo(2);
    assertThat(report.path("saved").asBoolean()).as(report.toString()).isTrue();
    assertThat(again.path("result").path("unchanged").asLong()).isEqualTo(3);
    assertThat(again.path("result").path("dry_run").asBoolean()).isTrue();
  }

  @Test
  void aMultipartJiraDryRunSavesNothingAndAFileWithProblemsFailsTheJobWithItsReport() {
    Product p = server.product(ana, ws);

    JsonNode dry = finished(multipart(p, "jira", true, "jira.csv", sample("jira-all-fields.csv")));
    JsonNode bad =
        finished(
            multipart(
                p,
                "jira",
                false,
                "bad.csv",
                "Summary,Issue key\nOK,X-1\n,X-2\n".getBytes(StandardCharsets.UTF_8)));
    Answer items = api.get("/api/v1/products/" + p.slug() + "/export?format=json");

    assertThat(dry.path("result").path("created").asLong()).isEqualTo(6);
    assertThat(dry.path("result").path("saved").asBoolean()).isFalse();
    assertThat(bad.path("status").asText()).isEqualTo("failed");
    assertThat(bad.path("error").asText()).contains("line 3 (X-2): has no title");
    assertThat(bad.path("result").path("problems").get(0).path("text").asText())
        .isEqualTo("line 3 (X-2): has no title");
    assertThat(items.status()).isEqualTo(200);
    assertThat(items.json().size()).isZero();
  }

  @Test
  void wrongInputAnswers400AndAViewerMayNotImport() {
    Product p = server.product(ana, ws);

    Answer format = api.post("/api/v1/products/" + p.slug() + "/imports?format=asana", "x");
    Answer map = api.post("/api/v1/products/" + p.slug() + "/imports?format=csv&map=nonsense", "x");
    Answer type = api.get("/api/v1/products/" + p.slug() + "/export?type=saga");
    Answer forbidden =
        viewer.post("/api/v1/products/" + p.slug() + "/imports?format=csv", "title\nA\n");

    assertThat(format.status()).isEqualTo(400);
    assertThat(format.body()).contains("format").contains("jira, github, trello or csv");
    assertThat(map.status()).isEqualTo(400);
    assertThat(map.body()).contains("is not FROM=TO");
    assertThat(type.status()).isEqualTo(400);
    assertThat(forbidden.status()).isEqualTo(403);
  }

  @Test
  void theExportWritesEveryTypeOrOneAsCsvAndJson() {
    Product p = server.product(ana, ws);
    finished(
        api.post(
            "/api/v1/products/" + p.slug() + "/imports?format=csv&map=Parent%20Ref%3Dparent",
            new String(sample("generic.csv"), StandardCharsets.UTF_8)));

    Answer csv = api.get("/api/v1/products/" + p.slug() + "/export");
    Answer stories = api.get("/api/v1/products/" + p.slug() + "/export?format=json&type=story");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains(p.slug() + "-items.csv");
    assertThat(csv.body().lines().count()).isEqualTo(5);
    assertThat(csv.body()).contains(",epic,Invoice export,Ready,todo,,");
    assertThat(stories.json().size()).isEqualTo(2);
    assertThat(stories.json().get(0).path("parent").asText()).isEqualTo(p.key() + "-1");
    assertThat(stories.json().get(0).path("tags").toString()).contains("invoices");
  }
}
