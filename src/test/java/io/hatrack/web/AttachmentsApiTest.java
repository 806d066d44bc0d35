package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.wireframes.Images;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentsApiTest {
  private TestServer server;
  private TestServer.Api ana;
  private User owner;
  private Workspace ws;
  private Product product;
  private String token;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana Lima");
    ws = server.workspace(owner);
    product = server.product(owner, ws);
    token = server.app().tokens().create(owner, "uploads").secret();
    ana = server.apiWithToken(token);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private WorkItem feature() {
    return server
        .app()
        .definition()
        .workItems()
        .create(owner, product.slug(), NewWorkItem.of("feature", "Saved cards"));
  }

  /** A multipart/form-data body with one file field. */
  static byte[] multipart(
      String boundary, String field, String fileName, String type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: "
                  + type
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(data);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Answer upload(String item, String fileName, String declaredType, byte[] data) {
    String boundary = "----hatrack" + System.nanoTime();
    return ana.send(
        ana.request("/api/v1/items/" + item + "/attachments")
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    multipart(boundary, "file", fileName, declaredType, data))));
  }

  private HttpResponse<byte[]> download(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(server.url() + path))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMultipartUploadIsStoredAndItsBytesComeBackWithTheirRealType() {
    WorkItem feature = feature();
    byte[] png = Images.png(48, 24);

    Answer created = upload(feature.key(), "flow.png", "application/octet-stream", png);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode a = created.json();
    assertThat(a.path("name").asText()).isEqualTo("flow.png");
    assertThat(a.path("content_type").asText()).isEqualTo("image/png");
    assertThat(a.path("size_bytes").asLong()).isEqualTo(png.length);
    assertThat(a.path("width").asInt()).isEqualTo(48);
    assertThat(a.path("height").asInt()).isEqualTo(24);
    assertThat(a.path("version").asInt()).isEqualTo(1);
    assertThat(a.path("item_id").asLong()).isEqualTo(feature.id());
    assertThat(created.header("Location"))
        .isEqualTo("/api/v1/attachments/" + a.path("id").asLong());
    assertThat(
            ana.get("/api/v1/attachments/" + a.path("id").asLong()).json().path("sha256").asText())
        .hasSize(64);
    HttpResponse<byte[]> content = download(a.path("content_url").asText());
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(png);
    assertThat(content.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
    assertThat(content.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline; filename=\"flow.png\"");
  }

  @Test
  void anSvgIsServedSanitisedUnderASandboxPolicy() {
    WorkItem feature = feature();
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\" width=\"10\" height=\"10\">"
            + "<script>alert(2)</script><circle r=\"4\"/></svg>";

    Answer created =
        upload(feature.key(), "dot.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> content = download(created.json().path("content_url").asText());

    assertThat(created.status()).isEqualTo(201);
    String served = new String(content.body(), StandardCharsets.UTF_8);
    assertThat(served).doesNotContain("script").doesNotContain("onload").contains("<circle");
    assertThat(content.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("image/svg+xml");
    assertThat(content.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox")
        .contains("script-src 'none'");
  }

  @Test
  void theDeclaredTypeIsIgnoredAndAMislabelledNameIsRefused() {
    WorkItem feature = feature();

    Answer mislabelled = upload(feature.key(), "photo.png", "image/png", Images.jpeg(8, 8));
    Answer notAnImage =
        upload(
            feature.key(),
            "virus.png",
            "image/png",
            "MZ\u0090 not an image".getBytes(StandardCharsets.UTF_8));

    assertThat(mislabelled.status()).isEqualTo(400);
    assertThat(mislabelled.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("file");
    assertThat(mislabelled.body()).contains("photo.png is a JPEG image");
    assertThat(notAnImage.status()).isEqualTo(400);
    assertThat(notAnImage.body()).contains("virus.png is not a PNG, JPEG or SVG image");
    assertThat(
            ana.get("/api/v1/items/" + feature.key() + "/attachments").json().path("total").asInt())
        .isZero();
  }

  @Test
  void anUploadOverTheLimitIsA413() {
    WorkItem feature = feature();
    byte[] big = Arrays.copyOf(Images.png(4, 4), 5 * 1024 * 1024 + 10);

    Answer tooBig = upload(feature.key(), "big.png", "image/png", big);

    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.errorCode()).isEqualTo("payload_too_large");
    assertThat(tooBig.body()).contains("at most 5 MB");
  }

  @Test
  void aStreamedUploadWithoutLengthIsCutOffAtTheLimit() {
    WorkItem feature = feature();
    String boundary = "----chunked";
    byte[] body = multipart(boundary, "file", "huge.png", "image/png", new byte[7 * 1024 * 1024]);

    Answer tooBig =
        ana.send(
            ana.request("/api/v1/items/" + feature.key() + "/attachments")
                .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body))));

    assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
    assertThat(tooBig.body()).contains("5 MB");
  }

  @Test
  void anUploadWithoutTheFileFieldOrNotMultipartSaysWhatIsMissing() {
    WorkItem feature = feature();
    String boundary = "----x";
    Answer wrongField =
        ana.send(
            ana.request("/api/v1/items/" + feature.key() + "/attachments")
                .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        multipart(boundary, "image", "a.png", "image/png", Images.png(2, 2)))));
    Answer json =
        ana.post("/api/v1/items/" + feature.key() + "/attachments", "{\"file\":\"a.png\"}");

    assertThat(wrongField.status()).isEqualTo(400);
    assertThat(wrongField.body()).contains("multipart field named file");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.body()).contains("multipart/form-data");
  }

  @Test
  void theSameNameAgainAddsAVersionAndEveryVersionIsListable() {
    WorkItem feature = feature();
    upload(feature.key(), "mock.png", "image/png", Images.png(10, 10));
    Answer second = upload(feature.key(), "mock.png", "image/png", Images.png(20, 20));

    JsonNode latest = ana.get("/api/v1/items/" + feature.key() + "/attachments").json();
    JsonNode all = ana.get("/api/v1/items/" + feature.key() + "/attachments?versions=all").json();

    assertThat(second.json().path("version").asInt()).isEqualTo(2);
    assertThat(latest.path("total").asInt()).isEqualTo(1);
    assertThat(latest.path("items").get(0).path("width").asInt()).isEqualTo(20);
    assertThat(all.path("items").findValuesAsText("version")).containsExactly("2", "1");
  }

  @Test
  void deletingRemovesOneVersionAndOnlyEditorsMayDoIt() {
    WorkItem feature = feature();
    long id =
        upload(feature.key(), "mock.png", "image/png", Images.png(10, 10))
            .json()
            .path("id")
            .asLong();
    User viewer = server.user("Vic");
    server.app().workspaces().addMember(owner, ws.slug(), viewer.email(), Role.VIEWER);
    User stranger = server.user("Sam");

    assertThat(server.api(viewer).get("/api/v1/attachments/" + id).status()).isEqualTo(200);
    assertThat(server.api(stranger).get("/api/v1/attachments/" + id + "/content").status())
        .isEqualTo(404);
    assertThat(server.api(viewer).delete("/api/v1/attachments/" + id, null).status())
        .isEqualTo(403);
    assertThat(ana.delete("/api/v1/attachments/" + id, null).status()).isEqualTo(204);
    assertThat(ana.get("/api/v1/attachments/" + id).status()).isEqualTo(404);
    assertThat(ana.get("/api/v1/attachments/" + id + "/content").status()).isEqualTo(404);
  }

  @Test
  void viewersCannotUpload() {
    WorkItem feature = feature();
    User viewer = server.user("Vera");
    server.app().workspaces().addMember(owner, ws.slug(), viewer.email(), Role.VIEWER);
    String viewerToken = server.app().tokens().create(viewer, "t").secret();
    TestServer.Api api = server.apiWithToken(viewerToken);
    String boundary = "----v";

    Answer refused =
        api.send(
            api.request("/api/v1/items/" + feature.key() + "/attachments")
                .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        multipart(boundary, "file", "a.png", "image/png", Images.png(2, 2)))));

    assertThat(refused.status()).isEqualTo(403);
  }
}
