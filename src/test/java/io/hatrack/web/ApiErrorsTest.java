package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.Role;
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

/** The API's answers to bad input and missing rights: each with a status, a code and a reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {
  private TestServer server;
  private User owner;
  private Workspace ws;
  private Product product;
  private TestServer.Api ana;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana");
    ws = server.workspace(owner);
    product = server.product(owner, ws);
    ana = server.api(owner);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String pages() {
    return "/api/v1/products/" + product.slug() + "/pages";
  }

  private long pageCount() {
    return ana.get(pages()).json().path("total").asLong();
  }

  @Test
  void noTokenIs401WithABearerChallenge() {
    Answer answer = server.apiWithToken(null).get("/api/v1/me");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.errorCode()).isEqualTo("unauthorized");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aRevokedTokenNoLongerWorks() {
    var created = server.app().tokens().create(owner, "short-lived");
    TestServer.Api api = server.apiWithToken(created.secret());
    assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

    server.app().tokens().revoke(owner, created.token().id());

    assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void unknownIdsAre404() {
    assertThat(ana.get("/api/v1/pages/987654321").status()).isEqualTo(404);
    assertThat(ana.get("/api/v1/products/no-such-product").errorCode()).isEqualTo("not_found");
    assertThat(ana.get("/api/v1/no/such/endpoint").status()).isEqualTo(404);
  }

  @Test
  void anotherWorkspacesThingsAre404NotForbidden() {
    User stranger = server.user("Stranger");
    TestServer.Api api = server.api(stranger);

    assertThat(api.get("/api/v1/workspaces/" + ws.slug()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/products/" + product.slug()).status()).isEqualTo(404);
    assertThat(api.post(pages(), "{\"title\":\"x\",\"body\":\"\"}").status()).isEqualTo(404);
  }

  @Test
  void aViewerMayReadButNotWrite() {
    User viewer = server.user("Viewer");
    server
        .app()
        .database()
        .txVoid(
            h ->
                server
                    .app()
                    .workspaces()
                    .addMemberAsAdministrator(h, ws.id(), viewer, Role.VIEWER));
    TestServer.Api api = server.api(viewer);
    long before = pageCount();

    Answer write = api.post(pages(), "{\"title\":\"Not allowed\",\"body\":\"\"}");

    assertThat(api.get(pages()).status()).isEqualTo(200);
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.errorCode()).isEqualTo("forbidden");
    assertThat(pageCount()).isEqualTo(before);
  }

  @Test
  void malformedJsonIs400() {
    Answer answer = ana.post(pages(), "{\"title\": \"x\",");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("malformed_json");
    assertThat(answer.json().path("error").path("message").asText()).contains("line 1");
  }

  @Test
  void anUnknownFieldIsNamed() {
    Answer answer = ana.post(pages(), "{\"titel\":\"typo\",\"body\":\"\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("titel");
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() {
    Answer answer = ana.post(pages(), "{\"title\":42,\"body\":\"\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("title");
    assertThat(answer.json().path("error").path("details").get(0).path("reason").asText())
        .contains("string");
  }

  @Test
  void aBodyOverTheLimitIs413AndNothingIsWritten() {
    long before = pageCount();
    String huge = "{\"title\":\"big\",\"body\":\"" + "a".repeat(1_200_000) + "\"}";

    Answer answer = ana.post(pages(), huge);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.errorCode()).isEqualTo("payload_too_large");
    assertThat(pageCount()).isEqualTo(before);
  }

  @Test
  void aBodyTooLongForAPageIs400NamingTheBody() {
    String longBody = "{\"title\":\"long\",\"body\":\"" + "b".repeat(200_001) + "\"}";

    Answer answer = ana.post(pages(), longBody);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("body");
  }

  @Test
  void aMalformedIfMatchIsNamed() {
    long id = ana.post(pages(), "{\"title\":\"t\",\"body\":\"\"}").json().path("id").asLong();

    Answer answer = ana.patch("/api/v1/pages/" + id, "{\"title\":\"u\"}", "\"soon\"");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("If-Match");
  }

  @Test
  void aBadLimitIsNamed() {
    Answer answer = ana.get(pages() + "?limit=5000");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("limit");
  }

  @Test
  void aForgedCursorIsNamed() {
    Answer answer = ana.get(pages() + "?cursor=not-a-cursor");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("cursor");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    Answer answer = ana.get("/api/v1/me");

    assertThat(answer.header("Content-Security-Policy"))
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
  }

  @Test
  void healthAnswersUpWhileTheDatabaseAnswers() {
    Answer health =
        server.apiWithToken(null).send(server.apiWithToken(null).request("/health").GET());

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("database").asText()).isEqualTo("up");
  }

  @Test
  void metricsAreInPrometheusFormatWithRequestTimers() {
    ana.get("/api/v1/me");
    TestServer.Api anonymous = server.apiWithToken(null);

    Answer metrics = anonymous.send(anonymous.request("/metrics").GET());

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count")
        .contains("route=\"/api/v1/me\"");
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void deletingWithoutEditorRightsIsForbiddenAndKeepsThePage() {
    long id = ana.post(pages(), "{\"title\":\"keep\",\"body\":\"\"}").json().path("id").asLong();
    User commenter = server.user("Commenter");
    server
        .app()
        .database()
        .txVoid(
            h ->
                server
                    .app()
                    .workspaces()
                    .addMemberAsAdministrator(h, ws.id(), commenter, Role.COMMENTER));

    Answer answer =
        server
            .api(commenter)
            .send(
                server
                    .api(commenter)
                    .request("/api/v1/pages/" + id)
                    .header("If-Match", "\"1\"")
                    .DELETE());

    assertThat(answer.status()).isEqualTo(403);
    assertThat(ana.get("/api/v1/pages/" + id).status()).isEqualTo(200);
  }

  @Test
  void aPatchOnAnotherMethodIsNotFound() {
    Answer answer =
        ana.send(
            ana.request("/api/v1/me").method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(answer.status()).isEqualTo(404);
  }
}
