package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A product's roadmap over the JSON API: views, scheduling, snapshots and diffs, exports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadmapsApiTest {
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

  private WorkItem item(Product p, String type, String title) {
    return server.app().definition().workItems().create(ana, p.slug(), NewWorkItem.of(type, title));
  }

  private static String base(Product p) {
    return "/api/v1/products/" + p.slug() + "/roadmaps";
  }

  private Answer put(String path, String body, String ifMatch) {
    HttpRequest.Builder b = api.request(path).PUT(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return api.send(b);
  }

  @Test
  void puttingAnItemOnTheRoadmapAnswersTheEntryWithAnETagAndAStaleOneIsA409() {
    Product p = server.product(ana, ws);
    WorkItem cards = item(p, "feature", "One-click saved cards");
    String path = base(p) + "/items/" + cards.key();

    Answer created =
        put(
            path,
            "{\"horizon\":\"now\",\"start_date\":\"2026-01-05\",\"end_date\":\"2026-03-20\","
                + "\"release\":\"2026 Q1\",\"public\":true}",
            null);

    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    JsonNode entry = created.json().path("entry");
    assertThat(created.json().path("created").asBoolean()).isTrue();
    assertThat(entry.path("key").asText()).isEqualTo(cards.key());
    assertThat(entry.path("horizon").asText()).isEqualTo("now");
    assertThat(entry.path("start_date").asText()).isEqualTo("2026-01-05");
    assertThat(entry.path("public").asBoolean()).isTrue();

    Answer updated = put(path, "{\"horizon\":\"next\"}", "\"1\"");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    assertThat(updated.json().path("entry").path("start_date").isNull()).isTrue();

    Answer stale = put(path, "{\"horizon\":\"later\"}", "\"1\"");
    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(api.get(path).header("ETag")).isEqualTo("\"2\"");

    Answer view = api.get(base(p));
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("view").asText()).isEqualTo("now-next-later");
    assertThat(view.json().path("columns").get(1).path("keys").get(0).asText())
        .isEqualTo(cards.key());

    assertThat(api.delete(path, "\"1\"").status()).isEqualTo(409);
    assertThat(api.delete(path, "\"2\"").status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(api.delete(path, null).status()).isEqualTo(404);
  }

  @Test
  void badInputIsA400NamingTheFieldAndUnknownThingsAre404() {
    Product p = server.product(ana, ws);
    WorkItem item = item(p, "feature", "Invoice export");
    String path = base(p) + "/items/" + item.key();

    Answer backwards =
        put(path, "{\"start_date\":\"2026-03-01\",\"end_date\":\"2026-02-01\"}", null);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("end_date");
    Answer notADate = put(path, "{\"start_date\":\"March\",\"end_date\":\"2026-02-01\"}", null);
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.body()).contains("start_date").contains("YYYY-MM-DD");
    assertThat(put(path, "{\"horizon\":\"someday\"}", null).body()).contains("horizon");
    assertThat(put(path, "{\"colour\":\"red\"}", null).status()).isEqualTo(400);
    assertThat(api.get(base(p) + "?view=gantt").status()).isEqualTo(400);
    assertThat(api.get(base(p) + "?view=timeline&lane=planet").status()).isEqualTo(400);
    assertThat(api.get(base(p) + "/export?format=pdf").status()).isEqualTo(400);
    assertThat(put(base(p) + "/items/NOPE-999", "{}", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/products/no-such-product/roadmaps").status()).isEqualTo(404);
    assertThat(api.get(base(p) + "/snapshots/999999").status()).isEqualTo(404);
    assertThat(api.get(base(p) + "/snapshots/999999/diff").status()).isEqualTo(404);
    assertThat(api.post(base(p) + "/snapshots", "{\"name\":\"\"}").status()).isEqualTo(400);
    assertThat(viewer.get(base(p)).status()).isEqualTo(200);
    assertThat(viewer.put(path, "{\"horizon\":\"now\"}").status()).isEqualTo(403);
  }

  @Test
  void theTimelineViewHasLanesAndTheWarningsOfBrokenDependencies() {
    Product p = server.product(ana, ws);
    WorkItem payouts = item(p, "feature", "Next-day payouts");
    WorkItem notes = item(p, "feature", "Payout status notifications");
    server
        .app()
        .collaboration()
        .links()
        .add(ana, notes.key(), payouts.key(), LinkTypes.DEPENDS.id());
    put(
        base(p) + "/items/" + payouts.key(),
        "{\"start_date\":\"2026-03-01\",\"end_date\":\"2026-04-15\"}",
        null);

    Answer moved =
        put(
            base(p) + "/items/" + notes.key(),
            "{\"start_date\":\"2026-04-01\",\"end_date\":\"2026-05-15\"}",
            null);

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().path("warnings").get(0).path("depends_on").asText())
        .isEqualTo(payouts.key());
    JsonNode t = api.get(base(p) + "?view=timeline&scale=quarter&lane=team").json();
    assertThat(t.path("timeline").path("scale").asText()).isEqualTo("quarter");
    assertThat(t.path("timeline").path("periods").get(0).path("label").asText())
        .isEqualTo("Q1 2026");
    assertThat(t.path("timeline").path("lanes").get(0).path("name").asText()).isEqualTo("No team");
    assertThat(t.path("timeline").path("lanes").get(0).path("keys")).hasSize(2);
    assertThat(t.path("warnings").get(0).path("key").asText()).isEqualTo(notes.key());
  }

  @Test
  void snapshotsAreSavedListedReadAndDiffed() {
    Product p = server.product(ana, ws);
    WorkItem a = item(p, "feature", "A");
    WorkItem b = item(p, "feature", "B");
    put(base(p) + "/items/" + a.key(), "{\"horizon\":\"next\",\"release\":\"R1\"}", null);

    Answer saved = api.post(base(p) + "/snapshots", "{\"name\":\"Kick-off\"}");

    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    long id = saved.json().path("id").asLong();
    assertThat(saved.header("Location")).endsWith("/roadmaps/snapshots/" + id);
    assertThat(saved.json().path("entry_count").asInt()).isEqualTo(1);
    put(base(p) + "/items/" + a.key(), "{\"horizon\":\"now\",\"release\":\"R2\"}", null);
    put(base(p) + "/items/" + b.key(), "{\"horizon\":\"later\"}", null);

    JsonNode list = api.get(base(p) + "/snapshots").json();
    assertThat(list.path("total").asInt()).isEqualTo(1);
    assertThat(list.path("items").get(0).path("name").asText()).isEqualTo("Kick-off");
    JsonNode one = api.get(base(p) + "/snapshots/" + id).json();
    assertThat(one.path("entries").get(0).path("key").asText()).isEqualTo(a.key());
    JsonNode diff = api.get(base(p) + "/snapshots/" + id + "/diff").json();
    assertThat(diff.path("added").get(0).path("key").asText()).isEqualTo(b.key());
    assertThat(diff.path("removed")).isEmpty();
    assertThat(diff.path("moved").get(0).path("before").path("horizon").asText()).isEqualTo("next");
    assertThat(diff.path("moved").get(0).path("after").path("horizon").asText()).isEqualTo("now");
    assertThat(diff.path("release_changed").get(0).path("after").path("release").asText())
        .isEqualTo("R2");
  }

  @Test
  void exportsAnswerCsvSvgAndPngWithTheirContentTypes() throws Exception {
    Product p = server.product(ana, ws);
    WorkItem a = item(p, "feature", "Saved cards, \"one-click\" <fast>");
    item(p, "feature", "Not on the roadmap");
    put(
        base(p) + "/items/" + a.key(),
        "{\"horizon\":\"now\",\"start_date\":\"2026-01-05\",\"end_date\":\"2026-02-20\","
            + "\"release\":\"2026 Q1\",\"public\":true}",
        null);

    Answer csv = api.get(base(p) + "/export?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains(p.slug() + "-roadmap.csv");
    assertThat(csv.body().split("\r\n"))
        .containsExactly(
            "key,title,type,horizon,start,end,release,team,public",
            a.key()
                + ",\"Saved cards, \"\"one-click\"\" <fast>\",feature,now,2026-01-05,2026-02-20,2026"
                + " Q1,,true");

    Answer svg = api.get(base(p) + "/export?format=svg&scale=quarter");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.body()).contains("&lt;fast&gt;").doesNotContain("<fast>");
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");

    HttpResponse<byte[]> png = fetchBytes(base(p) + "/export?format=png&lane=tag");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(image.getWidth()).isGreaterThan(200);
  }

  private HttpResponse<byte[]> fetchBytes(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
