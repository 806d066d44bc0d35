package io.hatrack.web;

import static io.hatrack.definition.prototypes.ScreenImagesForTests.png;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.prototypes.ScreenImagesForTests;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Prototypes over the JSON API: screens by upload, hotspots, versions and share links. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrototypesApiTest {
  private static final String BOUNDARY = "----hatrack-test-boundary";

  private TestServer server;
  private TestServer.Api ana;
  private TestServer.Api viewer;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    User owner = server.user("Ana Lima");
    Workspace ws = server.workspace(owner);
    product = server.product(owner, ws);
    ana = server.api(owner);
    User vic = server.user("Vic Viewer");
    server.app().workspaces().addMember(owner, ws.slug(), vic.email(), Role.VIEWER);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode create(String title) {
    Answer created =
        ana.post(
            "/api/v1/products/" + product.slug() + "/prototypes",
            "{\"title\":\"" + title + "\",\"description\":\"A flow\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** Uploads {@code bytes} as the part 'image' of a multipart form. */
  private Answer upload(String path, String ifMatch, String name, String type, byte[] bytes) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
            + name
            + "\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"screen\"\r\n"
            + "Content-Type: "
            + type
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        ana.request(path)
            .setHeader("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return ana.send(request);
  }

  @Test
  void makingAPrototypeAnswersWithItsKeyEtagAndLocation() {
    JsonNode p = create("Saved cards");

    assertThat(p.path("key").asText()).startsWith(product.key() + "-");
    assertThat(p.path("kind").asText()).isEqualTo("prototype");
    assertThat(p.path("screens").isArray()).isTrue();
    assertThat(p.path("start_screen_id").isNull()).isTrue();
    Answer byKey = ana.get("/api/v1/prototypes/" + p.path("key").asText());
    assertThat(byKey.status()).isEqualTo(200);
    assertThat(byKey.header("ETag")).isEqualTo("\"1\"");
    Answer listed = ana.get("/api/v1/products/" + product.slug() + "/prototypes");
    assertThat(listed.json().path("items").findValuesAsText("key"))
        .contains(p.path("key").asText());
    Answer asItem = ana.get("/api/v1/items/" + p.path("key").asText());
    assertThat(asItem.json().path("kind").asText()).isEqualTo("prototype");
  }

  @Test
  void screensAreUploadedAsMultipartAndHotspotsLinkThemWithTheVersionMovingOn() {
    JsonNode p = create("Flow");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();

    Answer cart = upload(path + "/screens", "\"1\"", "Cart", "image/png", png(390, 844));
    Answer done =
        upload(
            path + "/screens",
            "\"2\"",
            "Done",
            "image/svg+xml",
            ScreenImagesForTests.svg(390, 844, "Done"));

    assertThat(cart.status()).as(cart.toString()).isEqualTo(201);
    assertThat(cart.header("ETag")).isEqualTo("\"2\"");
    assertThat(cart.json().path("source_kind").asText()).isEqualTo("image");
    assertThat(cart.json().path("width").asInt()).isEqualTo(390);
    assertThat(done.header("ETag")).isEqualTo("\"3\"");
    long cartId = cart.json().path("id").asLong();
    long doneId = done.json().path("id").asLong();

    Answer hotspot =
        ana.post(
            path + "/screens/" + cartId + "/hotspots",
            "{\"x\":0.1,\"y\":0.8,\"w\":0.8,\"h\":0.1,\"target_screen_id\":"
                + doneId
                + ",\"label\":\"Pay\"}");
    assertThat(hotspot.status()).isEqualTo(428);
    hotspot =
        ana.send(
            ana.request(path + "/screens/" + cartId + "/hotspots")
                .header("If-Match", "\"3\"")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"x\":0.1,\"y\":0.8,\"w\":0.8,\"h\":0.1,\"target_screen_id\":"
                            + doneId
                            + ",\"label\":\"Pay\"}")));

    assertThat(hotspot.status()).as(hotspot.toString()).isEqualTo(201);
    assertThat(hotspot.header("ETag")).isEqualTo("\"4\"");
    JsonNode read = ana.get(path).json();
    assertThat(read.path("version").asLong()).isEqualTo(4);
    assertThat(read.path("start_screen_id").asLong()).isEqualTo(cartId);
    assertThat(
            read.path("screens").get(0).path("hotspots").get(0).path("target_screen_id").asLong())
        .isEqualTo(doneId);
    assertThat(read.path("screens").get(0).path("hotspots").get(0).path("w").asDouble())
        .isEqualTo(0.8);

    Answer image = ana.get(read.path("screens").get(1).path("image_url").asText());
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(image.header("Content-Security-Policy"))
        .contains("sandbox")
        .contains("default-src 'none'");
    assertThat(image.body()).contains("Done");
  }

  @Test
  void aHotspotOutsideTheScreenIsRefusedNamingTheField() {
    JsonNode p = create("Bad hotspot");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();
    long cartId =
        upload(path + "/screens", "\"1\"", "Cart", "image/png", png(20, 20))
            .json()
            .path("id")
            .asLong();

    Answer refused =
        ana.send(
            ana.request(path + "/screens/" + cartId + "/hotspots")
                .header("If-Match", "\"2\"")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"x\":0.5,\"y\":0.5,\"w\":0.6,\"h\":0,\"target_screen_id\":"
                            + cartId
                            + "}")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    assertThat(refused.json().path("error").path("details").findValuesAsText("field"))
        .containsExactly("h");
    assertThat(ana.get(path).header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void aMislabelledUploadIsRefusedAndAStaleEtagIsAConflict() {
    JsonNode p = create("Uploads");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();

    Answer mislabelled =
        upload(path + "/screens", "\"1\"", "Cart", "image/png", ScreenImagesForTests.jpeg(20, 20));
    Answer notAnImage =
        upload(
            path + "/screens",
            "\"1\"",
            "Cart",
            "image/png",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    Answer ok = upload(path + "/screens", "\"1\"", "Cart", "image/png", png(20, 20));
    Answer stale = upload(path + "/screens", "\"1\"", "Again", "image/png", png(20, 20));

    assertThat(mislabelled.status()).isEqualTo(400);
    assertThat(mislabelled.json().path("error").path("details").get(0).path("reason").asText())
        .isEqualTo("is labelled image/png but its content is a JPEG image");
    assertThat(notAnImage.status()).isEqualTo(400);
    assertThat(ok.status()).isEqualTo(201);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(ana.get(path).json().path("screens").size()).isEqualTo(1);
  }

  @Test
  void aLargeImageOfAFewMegabytesIsTakenAndOneOverFiveIsRefused() {
    JsonNode p = create("Large");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();
    byte[] big = java.util.Arrays.copyOf(png(100, 100), 3 * 1024 * 1024);
    byte[] huge = java.util.Arrays.copyOf(png(100, 100), 6 * 1024 * 1024);

    Answer taken = upload(path + "/screens", "\"1\"", "Big", "image/png", big);
    Answer refused = upload(path + "/screens", "\"2\"", "Huge", "image/png", huge);

    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    assertThat(refused.status()).as(refused.toString()).isIn(400, 413);
    assertThat(ana.get(path).json().path("screens").size()).isEqualTo(1);
  }

  @Test
  void screensAreRenamedMovedAndDeleted() {
    JsonNode p = create("Order");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();
    long a =
        upload(path + "/screens", "\"1\"", "A", "image/png", png(20, 20))
            .json()
            .path("id")
            .asLong();
    long b =
        upload(path + "/screens", "\"2\"", "B", "image/png", png(20, 20))
            .json()
            .path("id")
            .asLong();

    Answer moved =
        ana.patch(path + "/screens/" + b, "{\"position\":0,\"name\":\"First\"}", "\"3\"");
    Answer deleted = ana.delete(path + "/screens/" + a, "\"4\"");

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("position").asInt()).isZero();
    assertThat(moved.json().path("name").asText()).isEqualTo("First");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.header("ETag")).isEqualTo("\"5\"");
    assertThat(ana.get(path).json().path("screens").findValuesAsText("name"))
        .containsExactly("First");
  }

  @Test
  void shareLinksAreMadeListedAndRevokedAndTheTokenIsShownOnce() {
    JsonNode p = create("Shared");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();

    Answer made = ana.post(path + "/shares", "{\"label\":\"Brightwave\"}");

    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String token = made.json().path("token").asText();
    assertThat(made.json().path("url").asText()).isEqualTo(server.url() + "/p/prototypes/" + token);
    Answer listed = ana.get(path + "/shares");
    assertThat(listed.json().path("items").get(0).path("label").asText()).isEqualTo("Brightwave");
    assertThat(listed.body()).doesNotContain(token);
    assertThat(server.apiWithToken(null).get("/p/prototypes/" + token).status()).isEqualTo(200);
    assertThat(viewer.post(path + "/shares", "{}").status()).isEqualTo(403);
    assertThat(viewer.get(path + "/shares").status()).isEqualTo(403);

    Answer revoked = ana.delete(path + "/shares/" + made.json().path("id").asLong(), null);

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(ana.get(path + "/shares").json().path("items").get(0).path("active").asBoolean())
        .isFalse();
    assertThat(server.apiWithToken(null).get("/p/prototypes/" + token).status()).isEqualTo(404);
  }

  @Test
  void viewersReadButCannotChangeAPrototype() {
    JsonNode p = create("Read only");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();

    assertThat(viewer.get(path).status()).isEqualTo(200);
    assertThat(viewer.patch(path, "{\"title\":\"Mine\"}", "\"1\"").status()).isEqualTo(403);
    assertThat(viewer.delete(path, "\"1\"").status()).isEqualTo(403);
    assertThat(ana.get(path).json().path("title").asText()).isEqualTo("Read only");
  }

  @Test
  void aPrototypeIsEditedWithIfMatchAndDeletedUntilRestored() {
    JsonNode p = create("Editable");
    String path = "/api/v1/prototypes/" + p.path("id").asLong();

    Answer patched = ana.patch(path, "{\"title\":\"Edited\"}", "\"1\"");
    Answer stale = ana.patch(path, "{\"title\":\"Lost\"}", "\"1\"");
    Answer deleted = ana.delete(path, "\"2\"");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(ana.get(path).status()).isEqualTo(404);
    assertThat(ana.post(path + "/restore", "").status()).isEqualTo(200);
    assertThat(ana.get(path).json().path("title").asText()).isEqualTo("Edited");
  }
}
