package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A background job over the API and as the progress fragment that pages poll. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsApiTest {
  private TestServer server;
  private User ana;
  private User eddie;
  private Workspace ws;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    eddie = server.user("Eddie Editor");
    ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), eddie.email(), Role.EDITOR);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Job submit(User owner, CountDownLatch release) {
    return server
        .app()
        .jobs()
        .submit(
            new Jobs.Spec(owner, ws.id(), "test", "Import people.csv", "/w/x/done/{id}"),
            progress -> {
              progress.phase("saving", 200);
              progress.advance(50);
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              progress.advance(150);
              return Map.of("created", 200);
            });
  }

  @Test
  void theApiShowsAJobsProgressAndThenItsReportToItsOwnerAndTheAdmins() {
    CountDownLatch release = new CountDownLatch(1);
    Job job = submit(eddie, release);

    JsonNode running = pollUntilPhase(server.api(eddie), job.id(), "saving");
    Answer stranger = server.api(server.user("Sam Stranger")).get("/api/v1/jobs/" + job.id());
    release.countDown();
    server.app().jobs().await(job.id(), Duration.ofSeconds(10));
    Answer done = server.api(eddie).get("/api/v1/jobs/" + job.id());
    Answer byAdmin = server.api(ana).get("/api/v1/jobs/" + job.id());

    assertThat(running.path("status").asText()).isEqualTo("running");
    assertThat(running.path("done").asLong()).isEqualTo(50);
    assertThat(running.path("total").asLong()).isEqualTo(200);
    assertThat(running.path("percent").asInt()).isEqualTo(25);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().path("status").asText()).isEqualTo("succeeded");
    assertThat(done.json().path("result").path("created").asInt()).isEqualTo(200);
    assertThat(done.json().path("finished_at").asText()).isNotEmpty();
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(server.api(eddie).get("/api/v1/jobs/nope").status()).isEqualTo(404);
    assertThat(server.api(ana).get("/api/openapi.json").body()).contains("/api/v1/jobs/{job}");
  }

  @Test
  void theProgressFragmentPollsEverySecondWhileRunningAndThenSendsTheBrowserToTheReport() {
    CountDownLatch release = new CountDownLatch(1);
    Job job = submit(eddie, release);
    Browser browser = new Browser(server.url());
    browser.signIn(eddie.email(), "password123");
    pollUntilPhase(server.api(eddie), job.id(), "saving");

    Browser.Page running = browser.get("/jobs/" + job.id() + "/progress");
    release.countDown();
    server.app().jobs().await(job.id(), Duration.ofSeconds(10));
    Browser.Page finished = browser.htmxGet("/jobs/" + job.id() + "/progress");

    assertThat(running.status()).isEqualTo(200);
    assertThat(running.body())
        .contains("hx-trigger=\"every 1s\"")
        .contains("<progress max=\"200\" value=\"50\"")
        .contains("saving: 50 of 200 (25 %)");
    assertThat(finished.status()).isEqualTo(200);
    assertThat(finished.header("HX-Redirect")).isEqualTo("/w/x/done/" + job.id());
    assertThat(finished.body()).doesNotContain("hx-trigger").contains("See the report");
  }

  private static JsonNode pollUntilPhase(TestServer.Api api, String id, String phase) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      Answer a = api.get("/api/v1/jobs/" + id);
      assertThat(a.status()).as(a.toString()).isEqualTo(200);
      if (a.json().path("phase").asText().equals(phase) && a.json().path("done").asLong() > 0) {
        return a.json();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the job never reached " + phase + ": " + a);
      }
      Thread.onSpinWait();
    }
  }
}
