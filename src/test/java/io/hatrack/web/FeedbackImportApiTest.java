package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The feedback import over the JSON API: a file in, a job out, its report as the result. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackImportApiTest {
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
    server
        .app()
        .discovery()
        .customers()
        .create(
            ana,
            ws.slug(),
            new CustomerDraft("Brightwave Retail", "CRM-1", "", "", "", "", "", null, null));
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String imports(Product p, String query) {
    return "/api/v1/products/" + p.slug() + "/feedback/imports" + query;
  }

  private long feedbackOf(Product p) {
    return server
        .app()
        .database()
        .read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM feedback WHERE product_id = :p")
                    .bind("p", p.id())
                    .mapTo(Long.class)
                    .one());
  }

  private JsonNode finished(Answer started) {
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().path("id").asText();
    assertThat(started.header("Location")).isEqualTo("/api/v1/jobs/" + id);
    server.app().jobs().await(id, Duration.ofSeconds(30));
    Answer job = api.get("/api/v1/jobs/" + id);
    assertThat(job.status()).isEqualTo(200);
    return job.json();
  }

  private static final String CSV =
      "id,comment,company,labels\nA-1,Saved cards please,CRM-1,cards;checkout\nA-2,Faster payouts,Brightwave retail,\n";

  @Test
  void aFileBecomesAJobWhoseReportCountsAndAReimportIsUnchanged() {
    Product p = server.product(ana, ws);

    JsonNode first = finished(api.post(imports(p, "?format=csv"), CSV));
    JsonNode second = finished(api.post(imports(p, ""), CSV));

    assertThat(first.path("status").asText()).isEqualTo("succeeded");
    assertThat(first.path("kind").asText()).isEqualTo("feedback-import");
    JsonNode report = first.path("result");
    assertThat(report.path("created").asLong()).isEqualTo(2);
    assertThat(report.path("saved").asBoolean()).isTrue();
    assertThat(report.path("mapping").path("comment").asText()).isEqualTo("text");
    assertThat(report.path("mapping").path("company").asText()).isEqualTo("customer");
    assertThat(second.path("result").path("unchanged").asLong()).isEqualTo(2);
    assertThat(feedbackOf(p)).isEqualTo(2);
  }

  @Test
  void aDryRunOfJsonWithAMappingCountsAndSavesNothing() {
    Product p = server.product(ana, ws);
    String json = "{\"feedback\": [{\"said\": \"One\"}, {\"said\": \"Two\", \"who\": \"CRM-1\"}]}";

    JsonNode job =
        finished(
            api.post(imports(p, "?format=json&dry_run=true&map=said:text,who:customer"), json));

    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("result").path("created").asLong()).isEqualTo(2);
    assertThat(job.path("result").path("dry_run").asBoolean()).isTrue();
    assertThat(job.path("result").path("saved").asBoolean()).isFalse();
    assertThat(feedbackOf(p)).isZero();
  }

  @Test
  void aFileWithProblemsFailsTheJobWithEveryProblemByLineAndColumnAndSavesNothing() {
    Product p = server.product(ana, ws);
    String bad =
        "text,company,date\nFine,CRM-1,2025-01-01\nWho,Nobody Inc,2025-01-01\nWhen,,31/12/2024\n";

    JsonNode job = finished(api.post(imports(p, ""), bad));

    assertThat(job.path("status").asText()).isEqualTo("failed");
    assertThat(job.path("error").asText()).startsWith("upload.csv cannot be imported: 2 problems");
    List<String> where = new ArrayList<>();
    job.path("result")
        .path("problems")
        .forEach(x -> where.add(x.path("line").asLong() + " " + x.path("column").asText()));
    assertThat(where).containsExactly("3 company", "4 date");
    assertThat(job.path("result").path("problems").get(0).path("text").asText())
        .startsWith("line 3, column company: no customer of the workspace");
    assertThat(feedbackOf(p)).isZero();
  }

  @Test
  void wrongParametersAViewerAndAnOversizedFileAreRefused() {
    Product p = server.product(ana, ws);

    Answer format = api.post(imports(p, "?format=xml"), CSV);
    Answer dates = api.post(imports(p, "?date_format=yyyy"), CSV);
    Answer byViewer = viewer.post(imports(p, ""), CSV);
    Answer empty = api.post(imports(p, ""), "");
    Answer huge =
        api.send(
            api.request(imports(p, ""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024 * 1024 + 1])));

    assertThat(format.status()).isEqualTo(400);
    assertThat(format.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("format");
    assertThat(dates.status()).isEqualTo(400);
    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body()).contains("67,108,864 bytes");
    assertThat(feedbackOf(p)).isZero();
    assertThat(api.get("/api/openapi.json").body())
        .contains("/api/v1/products/{product}/feedback/imports");
  }
}
