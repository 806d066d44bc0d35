package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Escalations, timelines, SLA policies and escalation metrics over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationsApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private User ana;
  private Workspace ws;

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
        .create(ana, ws.slug(), CustomerDraft.of("Brightwave Retail").in("Enterprise", "", ""));
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String escalations(Product p) {
    return "/api/v1/products/" + p.slug() + "/escalations";
  }

  private Answer postWithIfMatch(String path, String body, String ifMatch) {
    HttpRequest.Builder b = api.request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return api.send(b);
  }

  private JsonNode open(Product p, String title, String severity) {
    Answer created =
        api.post(
            escalations(p),
            "{\"customer\": \"Brightwave Retail\", \"title\": \""
                + title
                + "\", \"severity\": \""
                + severity
                + "\", \"owner\": \""
                + ana.handle()
                + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void anEscalationIsOpenedAnsweredMovedAndEveryAnswerCarriesItsSlaState() {
    Product p = server.product(ana, ws);
    JsonNode x = open(p, "Safari shoppers fail 3-D Secure", "S1");
    String url = escalations(p) + "/" + x.path("key").asText();

    Answer note = api.post(url + "/timeline", "{\"kind\": \"note\", \"text\": \"Reproduced\"}");
    Answer update =
        api.post(url + "/timeline", "{\"kind\": \"customer_update\", \"text\": \"On it\"}");
    Answer got = api.get(url);
    String etag = got.header("ETag");
    Answer moved = postWithIfMatch(url + "/status", "{\"status\": \"waiting_on_customer\"}", etag);
    Answer stale = postWithIfMatch(url + "/status", "{\"status\": \"resolved\"}", etag);
    Answer noIfMatch = postWithIfMatch(url + "/status", "{\"status\": \"resolved\"}", null);
    Answer patched = api.patch(url, "{\"severity\": \"S2\"}", moved.header("ETag"));
    Answer timeline = api.get(url + "/timeline");
    Answer list = api.get(escalations(p) + "?status=open&severity=S2");
    Answer none = api.get(escalations(p) + "?status=closed");

    assertThat(x.path("sla").path("status").asText()).isEqualTo("on_track");
    assertThat(x.path("sla").path("first_response").path("target_minutes").asLong()).isEqualTo(30);
    assertThat(x.path("sla").path("first_response").path("due_at").asText()).isNotEmpty();
    assertThat(x.path("customer").path("segment").asText()).isEqualTo("Enterprise");
    assertThat(note.status()).as(note.toString()).isEqualTo(201);
    assertThat(update.status()).isEqualTo(201);
    assertThat(
            got.json()
                .path("escalation")
                .path("sla")
                .path("first_response")
                .path("status")
                .asText())
        .isEqualTo("met");
    assertThat(got.json().path("escalation").path("first_response_at").asText()).isNotEmpty();
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("sla").path("paused").asBoolean()).isTrue();
    assertThat(moved.json().path("sla").path("resolution").path("due_at").isNull()).isTrue();
    assertThat(stale.status()).isEqualTo(409);
    assertThat(noIfMatch.status()).isEqualTo(428);
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("severity").asText()).isEqualTo("S2");
    assertThat(patched.json().path("sla").path("resolution").path("target_minutes").asLong())
        .isEqualTo(24 * 60);
    assertThat(timeline.json().path("items"))
        .extracting(n -> n.path("kind").asText())
        .containsExactly("opened", "note", "customer_update", "status", "severity");
    assertThat(timeline.json().path("items").get(1).path("actor").path("name").asText())
        .isEqualTo("Ana Lima");
    assertThat(list.json().path("items")).hasSize(1);
    assertThat(none.json().path("items")).isEmpty();
  }

  @Test
  void badEscalationInputAnswers400WithTheFieldAndWritesNothing() {
    Product p = server.product(ana, ws);
    JsonNode x = open(p, "Known", "S3");
    String url = escalations(p) + "/" + x.path("key").asText();

    Answer unknownCustomer =
        api.post(
            escalations(p), "{\"customer\": \"Nobody\", \"title\": \"T\", \"severity\": \"S1\"}");
    Answer s5 =
        api.post(
            escalations(p),
            "{\"customer\": \"Brightwave Retail\", \"title\": \"T\", \"severity\": \"S5\"}");
    Answer blankNote = api.post(url + "/timeline", "{\"kind\": \"note\", \"text\": \"\"}");
    Answer badStatus = postWithIfMatch(url + "/status", "{\"status\": \"done\"}", "\"1\"");
    Answer forbidden =
        viewer.post(
            escalations(p),
            "{\"customer\": \"Brightwave Retail\", \"title\": \"T\", \"severity\": \"S1\"}");
    Answer missing = api.get(escalations(p) + "/" + p.key() + "-9999");
    Answer storyLink;
    var story =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, p.slug(), NewWorkItem.of("story", "Not a bug"));
    storyLink = api.post(url + "/links", "{\"target\": \"" + story.key() + "\"}");
    Answer list = api.get(escalations(p));

    assertThat(unknownCustomer.status()).isEqualTo(400);
    assertThat(field(unknownCustomer)).isEqualTo("customer");
    assertThat(s5.status()).isEqualTo(400);
    assertThat(field(s5)).isEqualTo("severity");
    assertThat(blankNote.status()).isEqualTo(400);
    assertThat(field(blankNote)).isEqualTo("text");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(field(badStatus)).isEqualTo("status");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(storyLink.status()).isEqualTo(400);
    assertThat(field(storyLink)).isEqualTo("target");
    assertThat(list.json().path("items")).hasSize(1);
  }

  @Test
  void anEscalationLinksToABug() {
    Product p = server.product(ana, ws);
    JsonNode x = open(p, "Linked", "S1");
    var bug =
        server.app().definition().workItems().create(ana, p.slug(), NewWorkItem.of("bug", "Bug"));
    String url = escalations(p) + "/" + x.path("key").asText();

    Answer linked = api.post(url + "/links", "{\"target\": \"" + bug.key() + "\"}");
    Answer again = api.post(url + "/links", "{\"target\": \"" + bug.key() + "\"}");
    Answer links = api.get("/api/v1/items/" + bug.key() + "/links");

    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    assertThat(linked.json().path("type").asText()).isEqualTo("concerns");
    assertThat(again.status()).isEqualTo(409);
    assertThat(links.body()).contains("escalated in");
  }

  @Test
  void slaPoliciesAreCreatedChangedPickedAndDeletedAndBadOnesRefused() {
    Workspace own = server.workspace(ana);
    Product p = server.product(ana, own);
    String base = "/api/v1/workspaces/" + own.slug() + "/sla-policies";

    Answer listed = api.get(base);
    Answer created =
        api.post(
            base,
            "{\"name\": \"Berlin\", \"business_hours\": true, \"time_zone\": \"Europe/Berlin\","
                + " \"work_days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], \"start\":"
                + " \"09:00\", \"end\": \"17:00\", \"holidays\": [\"2026-12-25\"], \"targets\":"
                + " {\"S1\": {\"first_response_minutes\": 60, \"resolution_minutes\": 480}}}");
    String policy = base + "/" + created.json().path("id").asLong();
    Answer negative =
        api.post(
            base,
            "{\"name\": \"Bad\", \"targets\": {\"S2\": {\"first_response_minutes\": -1,"
                + " \"resolution_minutes\": 60}}}");
    Answer backwards =
        api.post(
            base,
            "{\"name\": \"Night\", \"business_hours\": true, \"start\": \"17:00\", \"end\":"
                + " \"09:00\"}");
    Answer patched = api.patch(policy, "{\"end\": \"18:00\"}", created.header("ETag"));
    Answer stale = api.patch(policy, "{\"end\": \"16:00\"}", created.header("ETag"));
    Answer picked =
        api.put(
            "/api/v1/products/" + p.slug() + "/sla-policy",
            "{\"policy\": " + created.json().path("id").asLong() + "}");
    Answer ofProduct = api.get("/api/v1/products/" + p.slug() + "/sla-policy");
    Answer standardDelete =
        api.delete(
            base + "/" + listed.json().path("items").get(0).path("id").asLong(),
            "\"" + listed.json().path("items").get(0).path("version").asLong() + "\"");
    Answer deleted = api.delete(policy, patched.header("ETag"));
    Answer after = api.get("/api/v1/products/" + p.slug() + "/sla-policy");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().path("items")).hasSize(1);
    assertThat(listed.json().path("items").get(0).path("is_default").asBoolean()).isTrue();
    assertThat(listed.json().path("items").get(0).path("business_hours").isNull()).isTrue();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("business_hours").path("holidays").get(0).asText())
        .isEqualTo("2026-12-25");
    assertThat(created.json().path("targets").path("S1").path("resolution_minutes").asLong())
        .isEqualTo(480);
    assertThat(negative.status()).isEqualTo(400);
    assertThat(field(negative)).isEqualTo("targets.S2.first_response_minutes");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(field(backwards)).isEqualTo("end");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("business_hours").path("end").asText()).isEqualTo("18:00");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(picked.status()).as(picked.toString()).isEqualTo(200);
    assertThat(ofProduct.json().path("name").asText()).isEqualTo("Berlin");
    assertThat(standardDelete.status()).isEqualTo(409);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(after.json().path("is_default").asBoolean()).isTrue();
  }

  @Test
  void aKeyUnderAProductMeansThatProductsEscalationWhenAnotherWorkspaceHasTheSameProductKey() {
    Workspace other = server.workspace(ana);
    Product here =
        server
            .app()
            .products()
            .create(ana, ws.slug(), new ProductService.ProductInput("Twin here", null, "TW", ""));
    server
        .app()
        .products()
        .create(ana, other.slug(), new ProductService.ProductInput("Twin there", null, "TW", ""));

    JsonNode opened = open(here, "Twin trouble", "S2");
    Answer read = api.get(escalations(here) + "/TW-1");

    assertThat(opened.path("key").asText()).isEqualTo("TW-1");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().path("escalation").path("title").asText()).isEqualTo("Twin trouble");
  }

  @Test
  void metricsCoverAPeriodWorkspaceWideAndPerProduct() {
    Workspace own = server.workspace(ana);
    server
        .app()
        .discovery()
        .customers()
        .create(ana, own.slug(), CustomerDraft.of("Brightwave Retail"));
    Product a = server.product(ana, own);
    Product b = server.product(ana, own);
    JsonNode x = open(a, "Answered", "S3");
    open(b, "Waiting", "S4");
    String url = escalations(a) + "/" + x.path("key").asText();
    api.post(url + "/timeline", "{\"kind\": \"customer_update\", \"text\": \"Hello\"}");
    postWithIfMatch(
        url + "/status", "{\"status\": \"resolved\"}", "\"" + x.path("version").asLong() + "\"");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String metrics = "/api/v1/workspaces/" + own.slug() + "/escalation-metrics";

    Answer all = api.get(metrics + "?from=" + today + "&to=" + today);
    Answer one = api.get(metrics + "?product=" + a.slug());
    Answer before = api.get(metrics + "?from=2020-01-01&to=2020-01-31");
    Answer bad = api.get(metrics + "?from=yesterday");
    Answer backwards = api.get(metrics + "?from=2026-02-01&to=2026-01-01");

    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    assertThat(all.json().path("overall").path("escalations").asInt()).isEqualTo(2);
    assertThat(all.json().path("overall").path("responded").asInt()).isEqualTo(1);
    assertThat(all.json().path("overall").path("resolved").asInt()).isEqualTo(1);
    assertThat(all.json().path("overall").path("first_response_compliance_percent").asDouble())
        .isEqualTo(100.0);
    assertThat(all.json().path("products")).hasSize(2);
    assertThat(one.json().path("overall").path("escalations").asInt()).isEqualTo(1);
    assertThat(one.json().path("product").asText()).isEqualTo(a.slug());
    assertThat(before.json().path("overall").path("escalations").asInt()).isZero();
    assertThat(before.json().path("overall").path("mean_resolution_minutes").isNull()).isTrue();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(field(bad)).isEqualTo("from");
    assertThat(backwards.status()).isEqualTo(400);
  }

  @Test
  void theOpenApiDocumentDescribesTheEscalationsApi() {
    Answer doc = api.get("/api/openapi.json");

    assertThat(doc.json().path("paths").has("/api/v1/products/{product}/escalations")).isTrue();
    assertThat(
            doc.json().path("paths").has("/api/v1/products/{product}/escalations/{key}/timeline"))
        .isTrue();
    assertThat(doc.json().path("paths").has("/api/v1/workspaces/{workspace}/sla-policies"))
        .isTrue();
    assertThat(doc.json().path("paths").has("/api/v1/workspaces/{workspace}/escalation-metrics"))
        .isTrue();
  }

  private static String field(Answer a) {
    return a.json().path("error").path("details").get(0).path("field").asText();
  }
}
