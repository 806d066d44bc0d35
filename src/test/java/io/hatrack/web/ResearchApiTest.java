package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Studies, participants, sessions, transcripts and insights over the JSON API. */
@OnEveryDatabase
class ResearchApiTest {
  private static final String VTT =
      "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Why type it again?\n\n"
          + "00:01:05.000 --> 00:01:09.500\n<v Lena>People don't trust a retailer with their card.\n";

  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private User ana;
  private Workspace ws;
  private Product product;

  @BeforeEach
  void start(TestApp app) {
    server = TestServer.serving(app);
    ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    product = server.product(ana, ws);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  private String studies() {
    return "/api/v1/products/" + product.slug() + "/studies";
  }

  private String insights() {
    return "/api/v1/products/" + product.slug() + "/insights";
  }

  private JsonNode created(Answer a) {
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.json();
  }

  private static List<String> fields(Answer refused) {
    List<String> fields = new ArrayList<>();
    refused.json().path("error").path("details").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private static String reason(Answer refused, String field) {
    for (JsonNode e : refused.json().path("error").path("details")) {
      if (e.path("field").asText().equals(field)) {
        return e.path("reason").asText();
      }
    }
    return null;
  }

  /** A study with Lena in it and a session with her that has the VTT transcript. */
  private String[] interview() {
    JsonNode study =
        created(api.post(studies(), "{\"title\":\"Saved cards\",\"status\":\"running\"}"));
    String path = studies() + "/" + study.path("id").asLong();
    JsonNode lena = created(api.post(path + "/participants", "{\"name\":\"Lena Fischer\"}"));
    JsonNode session =
        created(
            api.post(
                path + "/sessions",
                "{\"held_on\":\"2026-03-02\",\"interviewer_id\":"
                    + ana.id()
                    + ",\"participant_ids\":["
                    + lena.path("id").asLong()
                    + "],\"notes\":\"She *never* saves cards.\"}"));
    String sessionPath = path + "/sessions/" + session.path("id").asLong();
    Answer uploaded =
        upload(
            sessionPath + "/transcript?name=call.vtt",
            VTT.getBytes(StandardCharsets.UTF_8),
            "text/plain");
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    return new String[] {path, sessionPath, Long.toString(session.path("id").asLong())};
  }

  private Answer upload(String path, byte[] body, String type) {
    return api.send(
        api.request(path)
            .setHeader("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void aStudyIsCreatedReadChangedWithIfMatchDeletedAndRestored() {
    Answer made =
        api.post(
            studies(),
            "{\"title\":\"Saved cards\",\"goals\":\"Learn **why**\",\"starts_on\":\"2026-03-01\"}");
    JsonNode s = created(made);
    String path = studies() + "/" + s.path("id").asLong();

    assertThat(made.header("ETag")).isEqualTo("\"1\"");
    assertThat(made.header("Location")).isEqualTo(path);
    assertThat(s.path("kind").asText()).isEqualTo("study");
    assertThat(s.path("status").asText()).isEqualTo("planned");
    assertThat(s.path("goals_html").asText()).contains("<strong>why</strong>");
    assertThat(api.get(studies() + "/" + s.path("key").asText()).status()).isEqualTo(200);
    assertThat(api.patch(path, "{\"status\":\"running\"}", null).status()).isEqualTo(428);
    Answer patched = api.patch(path, "{\"status\":\"running\"}", "\"1\"");
    assertThat(patched.json().path("status").asText()).isEqualTo("running");
    assertThat(patched.json().path("starts_on").asText()).isEqualTo("2026-03-01");
    assertThat(api.patch(path, "{\"status\":\"done\"}", "\"1\"").status()).isEqualTo(409);
    assertThat(api.get(studies()).json().path("items").get(0).path("session_count").asLong())
        .isZero();
    assertThat(api.delete(path, "\"2\"").status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(api.post(path + "/restore", "").json().path("title").asText())
        .isEqualTo("Saved cards");
    assertThat(api.get("/api/v1/items/" + s.path("id").asLong()).json().path("kind").asText())
        .isEqualTo("study");
  }

  @Test
  void badStudyInputIsA400NamingEachFieldAndViewersMayNotWrite() {
    Answer refused =
        api.post(studies(), "{\"title\":\"\",\"status\":\"paused\",\"ends_on\":\"soon\"}");
    Answer unknown = api.post(studies(), "{\"title\":\"X\",\"owner\":\"ana\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("title", "status", "ends_on");
    assertThat(fields(unknown)).containsExactly("owner");
    assertThat(viewer.post(studies(), "{\"title\":\"X\"}").status()).isEqualTo(403);
  }

  @Test
  void aTranscriptIsUploadedAsTheBodyOrAFormAndABadOneIsRefusedWithItsLine() {
    String[] it = interview();
    String transcript = it[1] + "/transcript";

    JsonNode session = api.get(it[1]).json();
    assertThat(session.path("transcript_format").asText()).isEqualTo("vtt");
    assertThat(session.path("segments").get(1).path("speaker").asText()).isEqualTo("Lena");
    assertThat(session.path("segments").get(1).path("start_ms").asLong()).isEqualTo(65_000);
    assertThat(session.path("segments").get(1).path("start").asText()).isEqualTo("1:05");
    assertThat(session.path("participants").get(0).path("name").asText()).isEqualTo("Lena Fischer");

    Answer bad =
        upload(
            transcript,
            "1\n00:00:01,000 --> 00:00:02,000\nHi\n\nxx\n".getBytes(StandardCharsets.UTF_8),
            "application/x-subrip");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(reason(bad, "transcript"))
        .isEqualTo("line 5: expected the number of a subtitle, found \u201cxx\u201d");
    Answer latin1 =
        upload(
            transcript + "?name=a.txt",
            "Caf\u00e9 talk".getBytes(StandardCharsets.ISO_8859_1),
            "text/plain");
    assertThat(reason(latin1, "transcript")).startsWith("line 1: byte 0xE9 is not UTF-8");
    byte[] big = new byte[2_000_001];
    Arrays.fill(big, (byte) 'a');
    Answer tooBig = upload(transcript, big, "text/plain");
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().path("error").path("message").asText()).contains("2,000,000 bytes");
    assertThat(api.get(transcript).json().path("count").asInt()).isEqualTo(2);

    String boundary = "----research" + System.nanoTime();
    String form =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"call.srt\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + "1\r\n00:00:02,000 --> 00:00:05,000\r\nLena: Only with Apple Pay.\r\n\r\n"
            + "--"
            + boundary
            + "--\r\n";
    Answer multipart =
        upload(
            transcript,
            form.getBytes(StandardCharsets.UTF_8),
            "multipart/form-data; boundary=" + boundary);
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(200);
    assertThat(multipart.json().path("format").asText()).isEqualTo("srt");
    assertThat(multipart.json().path("file_name").asText()).isEqualTo("call.srt");
    assertThat(multipart.json().path("segments").get(0).path("text").asText())
        .isEqualTo("Only with Apple Pay.");
    assertThat(api.delete(transcript, null).status()).isEqualTo(204);
    assertThat(api.get(it[1]).json().path("segment_count").asLong()).isZero();
  }

  @Test
  void anInsightFromASessionIsCreatedFilteredLinkedAndRefusedWhenItsQuoteIsNotThere() {
    String[] it = interview();
    WorkItem feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));

    Answer made =
        api.post(
            insights(),
            "{\"quote\":\"don't trust a retailer\",\"session_id\":"
                + it[2]
                + ",\"source\":\"transcript\",\"segment\":1,\"note\":\"Trust *first*\","
                + "\"tags\":[\"trust\"],\"supports\":[\""
                + feature.key()
                + "\"]}");
    JsonNode i = created(made);
    String path = insights() + "/" + i.path("id").asLong();

    assertThat(i.path("segment").asInt()).isEqualTo(1);
    assertThat(i.path("start_offset").asInt()).isEqualTo(7);
    assertThat(i.path("start_ms").asLong()).isEqualTo(65_000);
    assertThat(i.path("participant_name").asText()).isEqualTo("Lena Fischer");
    assertThat(i.path("study_title").asText()).isEqualTo("Saved cards");
    assertThat(i.path("note_html").asText()).contains("<em>first</em>");
    assertThat(i.path("supports").get(0).path("key").asText()).isEqualTo(feature.key());
    Answer notThere =
        api.post(insights(), "{\"quote\":\"I love long forms\",\"session_id\":" + it[2] + "}");
    assertThat(notThere.status()).isEqualTo(400);
    assertThat(fields(notThere)).containsExactly("quote");
    created(api.post(insights(), "{\"quote\":\"A thought of our own\",\"tags\":[\"mobile\"]}"));

    assertThat(api.get(insights() + "?tag=trust").json().path("total").asLong()).isOne();
    assertThat(
            api.get(insights() + "?study=" + it[0].substring(it[0].lastIndexOf('/') + 1))
                .json()
                .path("total")
                .asLong())
        .isOne();
    assertThat(api.get(insights()).json().path("total").asLong()).isEqualTo(2);
    assertThat(api.get(insights() + "?study=nope").status()).isEqualTo(400);

    JsonNode other =
        created(
            api.post(
                "/api/v1/products/" + product.slug() + "/items",
                "{\"type\":\"feature\",\"title\":\"Wallets\"}"));
    JsonNode link =
        created(api.post(path + "/links", "{\"target\":\"" + other.path("key").asText() + "\"}"));
    assertThat(api.get(path + "/links").json().path("total").asLong()).isEqualTo(2);
    assertThat(api.delete(path + "/links/" + link.path("link_id").asLong(), null).status())
        .isEqualTo(204);
    Answer patched =
        api.patch(path, "{\"note\":\"Changed\",\"tags\":[\"trust\",\"mobile\"]}", "\"1\"");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("tags").size()).isEqualTo(2);
    assertThat(api.patch(path, "{\"quote\":\"never said\"}", "\"2\"").status()).isEqualTo(400);
    assertThat(api.delete(path, "\"2\"").status()).isEqualTo(204);
    assertThat(api.post(path + "/restore", "").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/items/" + i.path("key").asText()).json().path("quote").asText())
        .isEqualTo("don't trust a retailer");
  }

  @Test
  void theOpenApiDocumentDescribesStudiesAndInsights() {
    JsonNode paths = api.get("/api/openapi.json").json().path("paths");

    assertThat(paths.has("/api/v1/products/{product}/studies")).isTrue();
    assertThat(
            paths.has("/api/v1/products/{product}/studies/{study}/sessions/{session}/transcript"))
        .isTrue();
    assertThat(paths.path("/api/v1/products/{product}/insights").has("post")).isTrue();
    assertThat(paths.has("/api/v1/products/{product}/insights/{insight}/links")).isTrue();
  }
}
