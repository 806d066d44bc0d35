package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.CustomerDraft;
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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The feedback import in the browser: upload, preview with mapping, check, progress, import. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackImportWebTest {
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
    server
        .app()
        .discovery()
        .customers()
        .create(
            ana,
            ws.slug(),
            new CustomerDraft("Brightwave Retail", "CRM-1", "", "", "", "", "", null, null));
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/discovery/feedback/import";
  }

  private long count() {
    return server
        .app()
        .database()
        .read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM feedback WHERE product_id = :p")
                    .bind("p", product.id())
                    .mapTo(Long.class)
                    .one());
  }

  /** Waits for the job a page redirected to, and opens the page again. */
  private Browser.Page finished(String jobPage) {
    String id = jobPage.substring(jobPage.lastIndexOf('/') + 1);
    server.app().jobs().await(id, Duration.ofSeconds(30));
    return browser.get(jobPage);
  }

  @Test
  void aFileIsPreviewedWithItsGuessedMappingCheckedAndImportedOnlyOnConfirmation() {
    Browser.Page form = browser.get(base());
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("Import feedback");
    long before = count();

    HttpResponse<String> uploaded =
        upload(
            "tickets.csv",
            bytes(
                "Ticket ID,Comment,Company,Agent\nT-1,Saved cards please,CRM-1,Eva\n"
                    + "T-2,Faster payouts,Brightwave Retail,Dev\n"));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    Browser.Page preview = browser.get(uploaded.headers().firstValue("Location").orElseThrow());

    assertThat(preview.body())
        .contains("Preview of tickets.csv")
        .contains("Saved cards please")
        .contains("<option value=\"text\" selected>text</option>")
        .contains("<option value=\"customer\" selected>customer</option>")
        .contains("<option value=\"ignore\" selected>Ignore</option>");
    String stagedBase = uploaded.headers().firstValue("Location").orElseThrow();
    Browser.Page checking =
        browser.post(
            stagedBase + "/check",
            "column_0",
            "Ticket ID",
            "field_0",
            "external_id",
            "column_1",
            "Comment",
            "field_1",
            "text",
            "column_2",
            "Company",
            "field_2",
            "customer",
            "column_3",
            "Agent",
            "field_3",
            "ignore",
            "date_format",
            "iso");
    assertThat(checking.status()).isEqualTo(302);
    Browser.Page checked = finished(checking.location());
    assertThat(checked.status()).isEqualTo(200);
    assertThat(checked.body())
        .contains("tickets.csv: 2 new, 0 updated, 0 unchanged.")
        .contains("Nothing is saved until you import it.")
        .contains("Agent")
        .contains("Import 2 rows");
    assertThat(count()).isEqualTo(before);

    Matcher field =
        Pattern.compile("name=\"(column_\\d|field_\\d)\" value=\"([^\"]*)\"")
            .matcher(checked.body());
    java.util.List<String> fields = new java.util.ArrayList<>();
    while (field.find()) {
      fields.add(field.group(1));
      fields.add(field.group(2));
    }
    fields.add("date_format");
    fields.add("iso");
    Browser.Page importing = browser.post(stagedBase + "/run", fields.toArray(String[]::new));
    assertThat(importing.status()).isEqualTo(302);
    Browser.Page done = finished(importing.location());

    assertThat(done.body()).contains("Every row was saved.").contains("Import another file");
    assertThat(count()).isEqualTo(before + 2);
    assertThat(browser.get(stagedBase).status())
        .as("the upload is gone once imported")
        .isEqualTo(404);
  }

  @Test
  void whileAnImportRunsThePageShowsTheProgressFragmentThatPollsEverySecond() {
    StringBuilder big = new StringBuilder("text\n");
    for (int i = 0; i < 3000; i++) {
      big.append("Feedback number ").append(i).append('\n');
    }
    HttpResponse<String> uploaded = upload("big.csv", bytes(big.toString()));
    String stagedBase = uploaded.headers().firstValue("Location").orElseThrow();
    browser.get(stagedBase);

    Browser.Page started =
        browser.post(stagedBase + "/check", "column_0", "text", "field_0", "text");
    Browser.Page page = browser.get(started.location());

    if (page.body().contains("hx-trigger=\"every 1s\"")) {
      assertThat(page.body()).contains("<progress").contains("/progress\"");
    } else {
      assertThat(page.body()).contains("big.csv: 3,000 new");
    }
    assertThat(finished(started.location()).body()).contains("big.csv: 3,000 new, 0 updated");
  }

  @Test
  void aFileInTheWrongEncodingIsRefusedWithItsLineAnd422() {
    browser.get(base());
    HttpResponse<String> refused =
        upload("latin.csv", "text\nfine\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("latin.csv cannot be read: one problem")
        .contains("line 3: the file is not UTF-8 text");
  }

  @Test
  void aCheckThatFindsProblemsListsThemWith422AndOffersNoImport() {
    browser.get(base());
    long before = count();
    HttpResponse<String> uploaded =
        upload("bad.csv", bytes("text,customer\nFine,CRM-1\nWho,Nobody Inc\n"));
    String stagedBase = uploaded.headers().firstValue("Location").orElseThrow();
    browser.get(stagedBase);

    Browser.Page started =
        browser.post(
            stagedBase + "/check",
            "column_0",
            "text",
            "field_0",
            "text",
            "column_1",
            "customer",
            "field_1",
            "customer");
    Browser.Page report = finished(started.location());

    assertThat(report.status()).isEqualTo(422);
    assertThat(report.body())
        .contains("bad.csv cannot be imported: one problem")
        .contains(
            "line 3, column customer: no customer of the workspace has the external id or name")
        .doesNotContain("/run\"");
    assertThat(count()).isEqualTo(before);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> upload(String name, byte[] content) {
    String boundary = "----fb" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + browser.csrf()
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nauto\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
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
