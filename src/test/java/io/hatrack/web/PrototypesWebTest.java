package io.hatrack.web;

import static io.hatrack.definition.prototypes.ScreenImagesForTests.png;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.prototypes.Prototype;
import io.hatrack.definition.prototypes.PrototypeService;
import io.hatrack.definition.prototypes.PrototypeService.HotspotInput;
import io.hatrack.definition.prototypes.Screen;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Authentication;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Prototypes in the browser: editing with forms, playing through hotspots, share links. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrototypesWebTest {
  private static final Pattern HOTSPOT = Pattern.compile("<a class=\"hotspot\" href=\"([^\"]+)\"");
  private static final Pattern SHARE_URL =
      Pattern.compile("http://[^<\" ]+/p/prototypes/([A-Za-z0-9_-]{43})");

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

  private PrototypeService prototypes() {
    return server.app().definition().prototypes();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition/prototypes";
  }

  /** A prototype of two screens where a hotspot on the first leads to the second. */
  private Prototype twoScreens(String title) {
    Prototype p = prototypes().create(ana, product.slug(), title, "");
    Screen cart = prototypes().addImage(ana, p.key(), 1, "Cart", png(390, 844), null).value();
    Screen paid = prototypes().addImage(ana, p.key(), 2, "Paid", png(390, 844), null).value();
    prototypes()
        .addHotspot(
            ana, p.key(), 3, cart.id(), new HotspotInput(0.1, 0.8, 0.8, 0.1, paid.id(), "Pay"));
    return prototypes().get(ana, p.key()).prototype();
  }

  private static List<String> hotspotLinks(String body) {
    List<String> links = new ArrayList<>();
    Matcher m = HOTSPOT.matcher(body);
    while (m.find()) {
      links.add(m.group(1).replace("&amp;", "&"));
    }
    return links;
  }

  /** Posts a multipart form as the signed-in browser, as the upload form does. */
  private int upload(String path, String version, String name, byte[] bytes) {
    String boundary = "----hatrack-web-test";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder fields = new StringBuilder();
    for (String[] field :
        new String[][] {{"_csrf", browser.csrf()}, {"version", version}, {"name", name}}) {
      fields
          .append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(field[0])
          .append("\"\r\n\r\n")
          .append(field[1])
          .append("\r\n");
    }
    fields
        .append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"image\"; filename=\"cart.png\"\r\n")
        .append("Content-Type: image/png\r\n\r\n");
    body.writeBytes(fields.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.url() + path))
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .header(
                          "Cookie",
                          Authentication.SESSION_COOKIE
                              + "="
                              + browser.cookie(Authentication.SESSION_COOKIE))
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return answer.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEditorMakesAPrototypeUploadsScreensAndDrawsAHotspotWithTheNumericForm() {
    browser.get(base() + "/new");
    Browser.Page made = browser.post(base(), "title", "Saved cards flow", "description", "");
    assertThat(made.location()).startsWith(base() + "/" + product.key() + "-");
    String editor = made.location();
    String key = editor.substring(editor.lastIndexOf('/') + 1);
    browser.get(editor);

    assertThat(upload(editor + "/screens", "1", "Cart", png(390, 844))).isEqualTo(302);
    assertThat(upload(editor + "/screens", "2", "Paid", png(390, 844))).isEqualTo(302);
    Prototype p = prototypes().get(ana, key).prototype();
    long cart = p.screens().get(0).id();
    long paid = p.screens().get(1).id();
    Browser.Page page = browser.get(editor + "?screen=" + cart);
    assertThat(page.body())
        .contains("<svg class=\"proto-svg\" viewBox=\"0 0 390 844\"")
        .contains("data-draw=\"true\"")
        .contains("definition-prototypes.js");

    Browser.Page drawn =
        browser.post(
            editor + "/screens/" + cart + "/hotspots",
            "version",
            "3",
            "x",
            "10",
            "y",
            "80",
            "w",
            "80",
            "h",
            "10",
            "target_screen_id",
            Long.toString(paid),
            "label",
            "Pay button");

    assertThat(drawn.location()).isEqualTo(editor + "?screen=" + cart);
    Browser.Page shown = browser.open(drawn.location());
    assertThat(shown.body()).contains("Added the hotspot.").contains("Pay button");
    assertThat(shown.body()).contains("x=\"39\" y=\"675.20\" width=\"312\" height=\"84.40\"");
    assertThat(prototypes().get(ana, key).prototype().screens().get(0).hotspots())
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.area().w()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9)));
  }

  @Test
  void playingFollowsTheHotspotFromTheFirstScreenToTheSecond() {
    Prototype p = twoScreens("Play me");
    String play = base() + "/" + p.key() + "/play";

    Browser.Page first = browser.get(play);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .contains("Cart")
        .contains("1 of 2")
        .doesNotContain("class=\"sidebar\"");
    List<String> links = hotspotLinks(first.body());
    assertThat(links).containsExactly(play + "/" + p.screens().get(1).id());

    Browser.Page second = browser.get(links.get(0));

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).contains("Paid").contains("2 of 2").contains("rel=\"prev\"");
    assertThat(hotspotLinks(second.body())).isEmpty();
    Browser.Page image =
        browser.get(base() + "/" + p.key() + "/screens/" + p.screens().get(1).id() + "/image");
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.header("Content-Type")).isEqualTo("image/png");
    assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aShareLinkPlaysWithoutSigningInAndIsNotFoundOnceRevoked() {
    Prototype p = twoScreens("Share me");
    String editor = base() + "/" + p.key();
    browser.get(editor);

    Browser.Page made = browser.post(editor + "/shares", "share_label", "Brightwave");

    assertThat(made.status()).isEqualTo(200);
    assertThat(made.body()).contains("Copy it now");
    Matcher url = SHARE_URL.matcher(made.body());
    assertThat(url.find()).isTrue();
    String token = url.group(1);
    String shared = "/p/prototypes/" + token;

    Browser stranger = new Browser(server.url());
    Browser.Page first = stranger.get(shared);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-Robots-Tag")).contains("noindex");
    assertThat(first.body()).contains("Share me").contains("Cart").doesNotContain(editor);
    List<String> links = hotspotLinks(first.body());
    assertThat(links).containsExactly(shared + "/" + p.screens().get(1).id());
    Browser.Page second = stranger.get(links.get(0));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).contains("Paid");
    String image = shared + "/screens/" + p.screens().get(0).id() + "/image";
    assertThat(stranger.get(image).status()).isEqualTo(200);
    assertThat(stranger.get(shared + "/screens/999999/image").status()).isEqualTo(404);

    long shareId = prototypes().shares(ana, p.key()).get(0).id();
    browser.get(editor);
    Browser.Page revoked = browser.post(editor + "/shares/" + shareId + "/revoke");

    assertThat(revoked.location()).isEqualTo(editor + "#shares");
    assertThat(stranger.get(shared).status()).isEqualTo(404);
    assertThat(stranger.get(links.get(0)).status()).isEqualTo(404);
    assertThat(stranger.get(image).status()).isEqualTo(404);
    assertThat(stranger.get("/p/prototypes/not-a-token").status()).isEqualTo(404);
  }

  @Test
  void aHotspotReachingPastTheScreenKeepsTheFormAndSaysWhy() {
    Prototype p = twoScreens("Refused");
    String editor = base() + "/" + p.key();
    long cart = p.screens().get(0).id();
    browser.get(editor);

    Browser.Page refused =
        browser.post(
            editor + "/screens/" + cart + "/hotspots",
            "version",
            Long.toString(p.version()),
            "x",
            "50",
            "y",
            "50",
            "w",
            "60",
            "h",
            "10",
            "target_screen_id",
            Long.toString(cart),
            "label",
            "Too wide");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("past the right edge").contains("value=\"Too wide\"");
  }

  @Test
  void aChangeOnAStaleVersionShowsTheConflictAndSavesNothing() {
    Prototype p = twoScreens("Contested");
    String editor = base() + "/" + p.key();
    browser.get(editor);
    prototypes().update(ana, p.key(), p.version(), "Contested (theirs)", null, null);

    Browser.Page conflict =
        browser.post(
            editor + "/screens/" + p.screens().get(1).id() + "/delete",
            "version",
            Long.toString(p.version()));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body()).contains("Someone else changed this prototype").contains("Reload");
    assertThat(prototypes().get(ana, p.key()).prototype().screens()).hasSize(2);
  }

  @Test
  void viewersPlayAndSeeButGetNoEditingForms() {
    Prototype p = twoScreens("Look only");
    User vic = server.user("Vic");
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    Browser viewer = new Browser(server.url());
    viewer.signIn(vic.email(), "password123");

    Browser.Page page = viewer.get(base() + "/" + p.key());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Look only").contains("/play\"").doesNotContain("data-draw");
    assertThat(page.body()).doesNotContain("Add a screen").doesNotContain("Make share link");
    assertThat(viewer.get(base() + "/" + p.key() + "/play").status()).isEqualTo(200);
  }

  @Test
  void theListShowsPrototypesAndAnItemKeyOpensTheEditor() {
    Prototype p = twoScreens("Listed");

    Browser.Page list = browser.get(base());

    assertThat(list.body()).contains("Listed").contains(base() + "/" + p.key() + "/play");
    assertThat(browser.get("/i/" + p.key()).location()).isEqualTo(base() + "/" + p.id());
    assertThat(browser.get(base() + "/" + p.id()).status()).isEqualTo(200);
  }
}
