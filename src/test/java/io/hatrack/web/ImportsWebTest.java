package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The import of work items in the browser: upload, preview with mapping, check, import. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportsWebTest {
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
    return "/w/" + ws.slug() + "/" + product.slug() + "/delivery/import";
  }

  private long items() {
    return server
        .app()
        .database()
        .read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM work_item WHERE product_id = :p")
                    .bind("p", product.id())
                    .mapTo(Long.class)
                    .one());
  }

  private Browser.Page finished(String jobPage) {
    String id = jobPage.substring(jobPage.lastIndexOf('/') + 1);
    server.app().jobs().await(id, Duration.ofSeconds(30));
    return browser.get(jobPage);
  }

  private static List<String> maps(String body) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"map\" value=\"([^\"]*)\"").matcher(body);
    while (m.find()) {
      out.add("map");
      out.add(m.group(1).replace("&#39;", "'").replace("&amp;", "&").replace("&#34;", "\""));
    }
    return out;
  }

  @Test
  void aTrelloBoardIsPreviewedMappedCheckedAndImportedOnlyOnConfirmation() {
    Browser.Page form = browser.get(base());
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("Import work items")
        .contains("up to 64 MiB")
        .contains("enctype=\"multipart/form-data\"")
        .contains("/api/v1/products/" + product.slug() + "/export?format=csv");

    HttpResponse<String> uploaded = upload("trello", "board.json", sample("trello-board.json"));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    String staged = uploaded.headers().firstValue("Location").orElseThrow();
    Browser.Page preview = browser.get(staged);
    Browser.Page remapped = browser.get(staged + "?map=status%3AIdeas%3DReady");

    assertThat(preview.body())
        .contains("Preview of board.json")
        .contains("Remember the last used card")
        .contains("<option value=\"status:Ideas=Backlog\" selected>Backlog</option>")
        .contains("archived cards");
    assertThat(remapped.body())
        .contains("<option value=\"status:Ideas=Ready\" selected>Ready</option>");
    Browser.Page checking =
        browser.postEach(staged + "/check", "map", "status:Ideas=Ready", "map", "type:bug=bug");
    assertThat(checking.status()).isEqualTo(302);
    Browser.Page checked = finished(checking.location());
    assertThat(checked.body())
        .contains("board.json: 3 created, 0 updated, 0 unchanged, 2 skipped.")
        .contains("Nothing is saved until you import it.")
        .contains("Import 3 records");
    assertThat(items()).isZero();

    Browser.Page importing =
        browser.postEach(staged + "/run", maps(checked.body()).toArray(String[]::new));
    Browser.Page done = finished(importing.location());

    assertThat(done.body()).contains("Everything was saved.").contains("See the work items");
    assertThat(items()).isEqualTo(3);
    assertThat(browser.get(staged).status()).as("the upload is gone once imported").isEqualTo(404);
  }

  @Test
  void aFileThatCannotBeReadIsRefusedWith422AndItsProblem() {
    browser.get(base());

    HttpResponse<String> refused =
        upload("github", "issues.json", "{\"not\": \"an array\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("issues.json cannot be read: one problem")
        .contains("must be a JSON array of issues");
  }

  private static byte[] sample(String name) {
    try (InputStream in = ImportsWebTest.class.getResourceAsStream("/imports/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> upload(String format, String name, byte[] content) {
    String boundary = "----imp" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + browser.csrf()
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n"
                + format
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/json\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + base()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Cookie",
                "hatrack_session="
                    + browser.cookie("hatrack_session")
                    + "; hatrack_anon="
                    + browser.cookie("hatrack_anon"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
