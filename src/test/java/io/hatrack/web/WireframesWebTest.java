package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.wireframes.Images;
import io.hatrack.definition.wireframes.Wireframe;
import io.hatrack.definition.wireframes.WireframeService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Wireframes and image uploads in the browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireframesWebTest {
  private static final String LOGIN = "{\n  Login | \"ana\"\n  [Cancel] | [OK]\n}";

  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition/wireframes";
  }

  private WireframeService wireframes() {
    return server.app().definition().wireframes().wireframes();
  }

  @Test
  void theListShowsTheHatTabsAndAnEmptyStateThenThumbnails() {
    Product empty = server.product(ana, ws);
    String emptyBase = "/w/" + ws.slug() + "/" + empty.slug() + "/definition/wireframes";

    Browser.Page none = browser.get(emptyBase);

    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).contains("class=\"hat-tabs\"").contains("No wireframes yet");
    assertThat(none.body()).containsPattern("href=\"[^\"]*/wireframes\" aria-current=\"page\"");
    assertThat(none.body()).contains("Sketch the first screen");

    Wireframe w = wireframes().create(ana, empty.slug(), "Wallet", LOGIN);
    Browser.Page list = browser.get(emptyBase);
    assertThat(list.body())
        .contains("Wallet")
        .contains("<img src=\"" + emptyBase + "/" + w.id() + "/versions/1/svg\"");
  }

  @Test
  void writingAWireframeLeadsToItsDrawingVersionsAndPanels() {
    Browser.Page editor = browser.get(base() + "/new");
    assertThat(editor.body())
        .contains("hx-post=\"" + base() + "/preview\"")
        .contains("hx-trigger=\"keyup changed delay:400ms");

    Browser.Page created = browser.post(base(), "title", "Checkout", "source", LOGIN);

    assertThat(created.location()).startsWith(base() + "/");
    Browser.Page shown = browser.open(created.location());
    assertThat(shown.body()).contains("Checkout").contains(product.key() + "-");
    assertThat(shown.body())
        .containsPattern("<img src=\"[^\"]+/versions/1/svg\" alt=\"Wireframe Checkout");
    assertThat(shown.body()).contains("Versions").contains("id=\"comments\"").contains("Links");
    assertThat(shown.body())
        .contains("Attach an image")
        .contains("enctype=\"multipart/form-data\"");
  }

  @Test
  void aSourceThatDoesNotDrawIsShownWithItsLineAndKept() {
    browser.get(base() + "/new");

    Browser.Page refused =
        browser.post(base(), "title", "Broken", "source", "{\n  [OK]\n  [Cancel]\n}\n}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("line 5: this } closes no block").contains("[Cancel]");
  }

  @Test
  void thePreviewAnswersWithTheDrawingOrTheLineAtFault() {
    browser.get(base() + "/new");

    Browser.Page drawn = browser.htmxPost(base() + "/preview", "source", "{\n [Pay now]\n}");
    Browser.Page wrong = browser.htmxPost(base() + "/preview", "source", "{\n [Pay now]\n");

    assertThat(drawn.status()).isEqualTo(200);
    Matcher m =
        Pattern.compile("src=\"data:image/svg\\+xml;base64,([^\"]+)\"").matcher(drawn.body());
    assertThat(m.find()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8))
        .contains("Pay now");
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.body()).contains("Cannot draw it").contains("line 1: this { is never closed");
  }

  @Test
  void theDrawingIsAnSvgImageUnderItsOwnStrictPolicy() {
    Wireframe w = wireframes().create(ana, product.slug(), "Policy", LOGIN);

    Browser.Page svg = browser.get(base() + "/" + w.id() + "/versions/1/svg");
    Browser.Page current = browser.get(base() + "/" + w.item().key() + "/svg");

    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.header("Content-Security-Policy"))
        .contains("sandbox")
        .contains("default-src 'none'");
    assertThat(svg.body()).contains(">Login<");
    assertThat(current.body()).isEqualTo(svg.body());
  }

  @Test
  void savingOverSomeoneElsesChangeShowsTheConflictAndKeepsMySource() {
    Wireframe w = wireframes().create(ana, product.slug(), "Shared", LOGIN);
    String path = base() + "/" + w.id();
    browser.get(path + "/edit");
    wireframes().update(ana, w.item().key(), 1, null, LOGIN.replace("ana", "theirs"));

    Browser.Page conflict =
        browser.post(
            path, "version", "1", "title", "Shared", "source", LOGIN.replace("ana", "mine"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("Someone else saved this wireframe")
        .contains("mine")
        .contains("Overwrite with mine");
    assertThat(wireframes().get(ana, w.item().key()).wireframe().source()).contains("theirs");
  }

  @Test
  void anOldVersionCanBeSeenAndRestored() {
    Wireframe w = wireframes().create(ana, product.slug(), "Versions", LOGIN);
    wireframes().update(ana, w.item().key(), 1, null, LOGIN.replace("ana", "ben"));
    String path = base() + "/" + w.id();

    Browser.Page old = browser.get(path + "/versions/1");
    assertThat(old.body())
        .contains("You are looking at version 1 of 2")
        .contains("Restore this version");
    assertThat(old.body()).contains(path + "/versions/1/svg");

    Browser.Page restored = browser.post(path + "/versions/1/restore", "version", "2");

    assertThat(restored.location()).isEqualTo(path);
    assertThat(browser.get(path).body()).contains("Version 3").contains("restored from version 1");
    assertThat(wireframes().get(ana, w.item().key()).wireframe().source()).isEqualTo(LOGIN);
  }

  /** A multipart form post with the browser's session, as a form or as htmx. */
  private HttpResponse<String> upload(
      String path, String fileName, byte[] data, boolean htmx, boolean csrfInForm) {
    String boundary = "----web" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    if (csrfInForm) {
      head.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
          .append(browser.csrf())
          .append("\r\n");
    }
    byte[] file = AttachmentsApiTest.multipart(boundary, "file", fileName, "image/png", data);
    byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + file.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(file, 0, body, prefix.length, file.length);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Cookie",
                "hatrack_session="
                    + browser.cookie("hatrack_session")
                    + "; hatrack_anon="
                    + browser.cookie("hatrack_anon"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (htmx) {
      request.header("HX-Request", "true").header("X-CSRF-Token", browser.csrf());
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anImageUploadedWithHtmxComesBackInTheGalleryAndARefusalIsShownInPlace() {
    WorkItem feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "Gallery"));
    browser.get(base());

    HttpResponse<String> added =
        upload(
            "/items/" + feature.id() + "/attachments", "mock.png", Images.png(30, 20), true, false);
    HttpResponse<String> refused =
        upload(
            "/items/" + feature.id() + "/attachments", "photo.png", Images.jpeg(4, 4), true, false);

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body())
        .contains("id=\"attachments-" + feature.id() + "\"")
        .contains("mock.png")
        .contains("30×20")
        .containsPattern("<img src=\"/attachments/\\d+\"");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("photo.png is a JPEG image").contains("role=\"alert\"");
    Browser.Page gallery = browser.get("/items/" + feature.key() + "/attachments");
    assertThat(gallery.body()).contains("mock.png").doesNotContain("photo.png is");
    Matcher id = Pattern.compile("<img src=\"/attachments/(\\d+)\"").matcher(gallery.body());
    assertThat(id.find()).isTrue();
    Browser.Page image = browser.get("/attachments/" + id.group(1));
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.header("Content-Type")).isEqualTo("image/png");
    assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anImageUploadedWithoutJavascriptGoesBackToTheItem() {
    Wireframe w = wireframes().create(ana, product.slug(), "Plain form", LOGIN);
    browser.get(base() + "/" + w.id());

    HttpResponse<String> added =
        upload("/items/" + w.id() + "/attachments", "ref.png", Images.png(8, 8), false, true);
    HttpResponse<String> forged =
        upload("/items/" + w.id() + "/attachments", "evil.png", Images.png(8, 8), false, false);

    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location")).contains("/i/" + w.id());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(browser.get(base() + "/" + w.id()).body()).contains("ref.png");
  }

  @Test
  void removingAnImageWithHtmxAnswersWithTheGalleryWithoutIt() {
    WorkItem feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "Removal"));
    var a =
        server
            .app()
            .definition()
            .wireframes()
            .attachments()
            .upload(ana, feature.key(), "gone.png", Images.png(4, 4));
    browser.get(base());

    Browser.Page answer = browser.htmxPost("/attachments/" + a.id() + "/delete");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("No images yet").doesNotContain("gone.png");
  }
}
