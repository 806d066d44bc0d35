package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.customers.CustomerFilter;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.discovery.personas.PersonaDraft;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Customers and personas in the browser: the list, the forms, the CSV import. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersWebTest {
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

  private CustomerService customers() {
    return server.app().discovery().customers();
  }

  private String hat() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/discovery";
  }

  private String base() {
    return hat() + "/customers";
  }

  @Test
  void aViewerReadsCustomersWithoutTheImportTabItCannotUse() {
    User vic = server.user("Vic");
    server
        .app()
        .workspaces()
        .addMember(ana, ws.slug(), vic.email(), io.hatrack.kernel.auth.Role.VIEWER);
    Browser viewer = new Browser(server.url());
    viewer.signIn(vic.email(), "password123");

    Browser.Page list = viewer.get(hat() + "/customers");
    Browser.Page editors = browser.get(hat() + "/customers");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("href=\"" + hat() + "/customers/import\"");
    assertThat(editors.body()).contains("href=\"" + hat() + "/customers/import\"");
    assertThat(viewer.get(hat() + "/customers/import").status()).isEqualTo(403);
  }

  @Test
  void anEmptyWorkspaceExplainsCustomersAndOffersTheFirstActions() {
    Workspace empty = server.workspace(ana);
    Product p = server.product(ana, empty);

    Browser.Page page = browser.get("/w/" + empty.slug() + "/" + p.slug() + "/discovery/customers");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("No customers yet")
        .contains("Add the first customer")
        .contains("Import from CSV")
        .contains("aria-current=\"page\">Customers<");
    assertThat(browser.get("/w/" + empty.slug() + "/" + p.slug() + "/discovery").location())
        .endsWith("/discovery/customers");
  }

  @Test
  void theListSearchesFiltersAndShowsRevenuePerYearInTheWorkspaceCurrency() {
    customers()
        .create(
            ana,
            ws.slug(),
            CustomerDraft.of("Orchard Street Books")
                .in("Mid-market", "Growth", "Silver")
                .paying("5400", "mrr"));
    customers()
        .create(
            ana,
            ws.slug(),
            CustomerDraft.of("Harbor Outfitters")
                .in("Enterprise", "Enterprise", "Gold")
                .paying("312500", "arr"));

    Browser.Page all = browser.get(base() + "?sort=-revenue");
    Browser.Page smb = browser.get(base() + "?segment=Mid-market");
    Browser.Page search = browser.get(base() + "?q=harbor");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body())
        .contains("$64,800")
        .contains("$5,400 MRR × 12")
        .contains("$312,500")
        .contains("ARR = 12 × MRR, in USD")
        .contains("aria-sort=\"descending\"");
    assertThat(all.body().indexOf("Harbor Outfitters"))
        .isLessThan(all.body().indexOf("Orchard Street Books"));
    assertThat(smb.body()).contains("Orchard Street Books").doesNotContain("Harbor Outfitters");
    assertThat(search.body()).contains("Harbor Outfitters").doesNotContain("Orchard Street Books");
  }

  @Test
  void aRefusedFormAnswers422WithTheFieldsMessagesAndKeepsWhatWasTyped() {
    browser.get(base() + "/new");

    Browser.Page refused =
        browser.post(
            base(), "name", "", "segment", "SMB", "revenue_amount", "12k", "revenue_period", "arr");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Name must not be blank")
        .contains("Amount \"12k\" is not an amount")
        .contains("value=\"SMB\"")
        .contains("aria-invalid=\"true\"");
  }

  @Test
  void addingEditingAndDeletingACustomerThroughTheForms() {
    browser.get(base() + "/new");
    Browser.Page created =
        browser.post(
            base(),
            "name",
            "Kestrel Bikes",
            "segment",
            "Mid-market",
            "domain",
            "https://kestrelbikes.com/shop",
            "revenue_amount",
            "72,500",
            "revenue_period",
            "arr",
            "notes",
            "Champion: **Jonas**");
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String page = created.location();
    String id = page.substring(page.lastIndexOf('/') + 1);
    Browser.Page shown = browser.open(page);
    assertThat(shown.body())
        .contains("Kestrel Bikes")
        .contains("$72,500")
        .contains("kestrelbikes.com")
        .contains("<strong>Jonas</strong>")
        .contains("id=\"panel-links\"");

    Browser.Page contact =
        browser.post(
            page + "/contacts", "name", "Jonas Berg", "email", "jonas@kestrel", "role", "");
    assertThat(contact.status()).isEqualTo(422);
    assertThat(contact.body()).contains("E-mail must be an e-mail address");
    browser.post(page + "/contacts", "name", "Jonas Berg", "email", "jonas@kestrelbikes.com");
    assertThat(customers().contacts(ana, id))
        .extracting(c -> c.name())
        .containsExactly("Jonas Berg");

    browser.get(page + "/edit");
    Browser.Page saved =
        browser.post(
            page,
            "name",
            "Kestrel Bikes AB",
            "version",
            "1",
            "revenue_amount",
            "",
            "revenue_period",
            "arr");
    assertThat(saved.status()).isEqualTo(302);
    Browser.Page stale = browser.post(page, "name", "Lost", "version", "1");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body())
        .contains("Someone else saved this customer")
        .contains("Overwrite with mine");
    Customer now = customers().get(ana, id).customer();
    assertThat(now.name()).isEqualTo("Kestrel Bikes AB");
    assertThat(now.revenue()).isNull();

    Browser.Page deleted = browser.post(page + "/delete", "version", Long.toString(now.version()));
    assertThat(deleted.location()).isEqualTo(base());
    assertThat(browser.get(base()).body()).contains("Undo");
    browser.post(page + "/restore");
    assertThat(customers().get(ana, id).customer().item().deleted()).isFalse();
    assertThat(browser.get("/i/" + id).location()).isEqualTo(base() + "/" + id);
  }

  @Test
  void anUploadedCsvIsPreviewedAndImportedOnlyOnConfirmation() {
    Browser.Page form = browser.get(base() + "/import");
    assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("external_id");
    long before = count();

    HttpResponse<String> preview =
        upload(
            "crm.csv",
            "name,external_id,segment,arr\nCopperleaf Pharmacy,WEB-1,Enterprise,198000\n"
                + "Luma Home,WEB-2,Mid-market,96000\n");

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("Preview of crm.csv")
        .contains("Copperleaf Pharmacy")
        .contains("$198,000 ARR")
        .contains("Import 2 customers");
    assertThat(count()).isEqualTo(before);
    Matcher m = Pattern.compile("action=\"([^\"]+/confirm)\"").matcher(preview.body());
    assertThat(m.find()).isTrue();
    Browser.Page confirmed = browser.post(m.group(1));
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(confirmed.location()).isEqualTo(base());
    assertThat(count()).isEqualTo(before + 2);
    assertThat(browser.get(base()).body())
        .contains("Imported crm.csv: 2 created, 0 updated, 0 unchanged.");
  }

  @Test
  void aBadCsvIsShownWithItsProblemsAnd422AndCannotBeConfirmed() {
    browser.get(base() + "/import");
    long before = count();

    HttpResponse<String> refused = upload("bad.csv", "name,arr\nFine,10\nBroken,12k\n");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("bad.csv cannot be imported: one problem")
        .contains("line 3, column arr: \"12k\" is not an amount")
        .doesNotContain("/confirm");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void personasArePagesOfTheirProductWithMarkdown() {
    server
        .app()
        .discovery()
        .personas()
        .create(
            ana,
            product.slug(),
            new PersonaDraft("Returning Riley", "On a *phone*", "- One tap", ""));

    Browser.Page list = browser.get(hat() + "/personas");
    browser.get(hat() + "/personas/new");
    Browser.Page refused = browser.post(hat() + "/personas", "name", " ", "goals", "kept");

    assertThat(list.body())
        .contains("Returning Riley")
        .contains("<em>phone</em>")
        .contains("None written yet");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Name must not be blank").contains("kept");
  }

  private long count() {
    return customers().list(ana, ws.slug(), CustomerFilter.ALL, null, 1).slice().total();
  }

  /** Uploads a file with the import form, with the browser's session and CSRF token. */
  private HttpResponse<String> upload(String name, String csv) {
    String boundary = "----csv" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + browser.csrf()
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + base() + "/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Cookie",
                "hatrack_session="
                    + browser.cookie("hatrack_session")
                    + "; hatrack_anon="
                    + browser.cookie("hatrack_anon"))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
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
