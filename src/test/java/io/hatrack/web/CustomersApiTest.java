package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Customers, contacts, personas and the customer import over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    User ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    product = server.product(ana, ws);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String customers() {
    return "/api/v1/workspaces/" + ws.slug() + "/customers";
  }

  private JsonNode create(String body) {
    Answer created = api.post(customers(), body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static List<String> fields(Answer refused) {
    List<String> fields = new ArrayList<>();
    refused.json().path("error").path("details").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  @Test
  void addingACustomerAnswersWithExactRevenueNormalisedPerYearEtagAndLocation() {
    Answer created =
        api.post(
            customers(),
            """
            {"name": "Orchard Street Books", "external_id": "API-1", "segment": "Mid-market",
             "plan": "Growth", "tier": "Silver", "domain": "orchardstreetbooks.com",
             "revenue_amount": "5400.25", "revenue_period": "mrr"}
            """);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode c = created.json();
    assertThat(c.path("kind").asText()).isEqualTo("customer");
    assertThat(c.path("workspace_id").asLong()).isEqualTo(ws.id());
    JsonNode revenue = c.path("revenue");
    assertThat(revenue.path("amount").asText()).isEqualTo("5400.25");
    assertThat(revenue.path("amount_minor").asLong()).isEqualTo(540_025);
    assertThat(revenue.path("period").asText()).isEqualTo("mrr");
    assertThat(revenue.path("currency").asText()).isEqualTo("USD");
    assertThat(revenue.path("arr").asText()).isEqualTo("64803.00");
    assertThat(revenue.path("display").asText()).isEqualTo("$5,400.25 MRR");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/v1/customers/" + c.path("id").asLong());
    Answer asItem = api.get("/api/v1/items/" + c.path("id").asLong());
    assertThat(asItem.json().path("revenue").path("amount_minor").asLong()).isEqualTo(540_025);
  }

  @Test
  void anInvalidCustomerIsA400NamingEachField() {
    Answer refused =
        api.post(
            customers(),
            "{\"name\":\"\",\"revenue_amount\":\"12k\",\"revenue_period\":\"weekly\"}");
    Answer unknown = api.post(customers(), "{\"name\":\"X\",\"arr\":\"1\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    assertThat(fields(refused))
        .containsExactlyInAnyOrder("name", "revenue_amount", "revenue_period");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(fields(unknown)).containsExactly("arr");
  }

  @Test
  void patchNeedsIfMatchAndAStaleVersionIsA409() {
    JsonNode c = create("{\"name\":\"Kestrel Bikes\",\"segment\":\"SMB\"}");
    String path = "/api/v1/customers/" + c.path("id").asLong();

    Answer without = api.patch(path, "{\"tier\":\"Gold\"}", null);
    Answer patched =
        api.patch(
            path,
            "{\"tier\":\"Gold\",\"revenue_amount\":72500,\"revenue_period\":\"arr\"}",
            "\"1\"");
    Answer stale = api.patch(path, "{\"tier\":\"Silver\"}", "\"1\"");
    Answer decimalNumber = api.patch(path, "{\"revenue_amount\":10.5}", "\"2\"");

    assertThat(without.status()).isEqualTo(428);
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().path("tier").asText()).isEqualTo("Gold");
    assertThat(patched.json().path("segment").asText()).isEqualTo("SMB");
    assertThat(patched.json().path("revenue").path("arr_minor").asLong()).isEqualTo(7_250_000);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(decimalNumber.status()).isEqualTo(400);
    assertThat(api.get(path).json().path("tier").asText()).isEqualTo("Gold");
  }

  @Test
  void aDeletedCustomerIsGoneUntilRestored() {
    JsonNode c = create("{\"name\":\"Gone Soon\"}");
    String path = "/api/v1/customers/" + c.path("id").asLong();

    Answer deleted = api.delete(path, "\"1\"");

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
    Answer restored = api.post(path + "/restore", "");
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().path("version").asLong()).isEqualTo(3);
    assertThat(api.get(path).status()).isEqualTo(200);
  }

  @Test
  void theListFiltersSortsAndPages() {
    create(
        "{\"name\":\"Sort Alpha\",\"segment\":\"Sorted\",\"revenue_amount\":\"100\",\"revenue_period\":\"mrr\"}");
    create(
        "{\"name\":\"Sort Beta\",\"segment\":\"Sorted\",\"revenue_amount\":\"1000\",\"revenue_period\":\"arr\"}");
    create("{\"name\":\"Sort Gamma\",\"segment\":\"Sorted\"}");

    Answer byRevenue = api.get(customers() + "?segment=Sorted&sort=-revenue&limit=2");
    JsonNode page = byRevenue.json();

    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(page.path("items").get(0).path("name").asText()).isEqualTo("Sort Alpha");
    assertThat(page.path("items").get(1).path("name").asText()).isEqualTo("Sort Beta");
    Answer next =
        api.get(
            customers()
                + "?segment=Sorted&sort=-revenue&limit=2&cursor="
                + page.path("next_cursor").asText());
    assertThat(next.json().path("items").get(0).path("name").asText()).isEqualTo("Sort Gamma");
    assertThat(next.json().path("next_cursor").isNull()).isTrue();
    assertThat(api.get(customers() + "?q=gamma").json().path("total").asLong()).isEqualTo(1);
    assertThat(api.get(customers() + "?sort=shoe-size").status()).isEqualTo(400);
  }

  @Test
  void contactsLiveUnderTheirCustomer() {
    JsonNode c = create("{\"name\":\"Contactful\"}");
    String contacts = "/api/v1/customers/" + c.path("id").asLong() + "/contacts";

    Answer added =
        api.post(contacts, "{\"name\":\"Lena\",\"email\":\"lena@example.com\",\"role\":\"VP\"}");
    Answer bad = api.post(contacts, "{\"name\":\"\",\"email\":\"nope\"}");
    String one = contacts + "/" + added.json().path("id").asLong();
    Answer patched = api.patch(one, "{\"role\":\"CDO\"}", "\"1\"");
    Answer stale = api.delete(one, "\"1\"");

    assertThat(added.status()).isEqualTo(201);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("name", "email");
    assertThat(patched.json().path("role").asText()).isEqualTo("CDO");
    assertThat(patched.json().path("email").asText()).isEqualTo("lena@example.com");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(api.delete(one, "\"2\"").status()).isEqualTo(204);
    assertThat(api.get(contacts).json().path("total").asLong()).isZero();
  }

  @Test
  void aViewerReadsButCannotWriteAndStrangersSeeNothing() {
    JsonNode c = create("{\"name\":\"Viewable\"}");
    TestServer.Api stranger = server.api(server.user("Stranger"));

    assertThat(viewer.get("/api/v1/customers/" + c.path("id").asLong()).status()).isEqualTo(200);
    assertThat(viewer.post(customers(), "{\"name\":\"No\"}").status()).isEqualTo(403);
    assertThat(stranger.get("/api/v1/customers/" + c.path("id").asLong()).status()).isEqualTo(404);
    assertThat(stranger.get(customers()).status()).isEqualTo(404);
  }

  @Test
  void theCurrencyIsAWorkspaceSettingChangedWithIfMatch() {
    String path = "/api/v1/workspaces/" + ws.slug() + "/discovery-settings";
    Workspace other =
        server.workspace(
            server
                .app()
                .accounts()
                .byEmail(api.get("/api/v1/me").json().path("email").asText())
                .orElseThrow());
    String otherPath = "/api/v1/workspaces/" + other.slug() + "/discovery-settings";

    Answer read = api.get(otherPath);
    Answer changed = api.patch(otherPath, "{\"currency\":\"EUR\"}", read.header("ETag"));
    Answer bad = api.patch(otherPath, "{\"currency\":\"EURO\"}", changed.header("ETag"));

    assertThat(read.json().path("currency").asText()).isEqualTo("USD");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().path("currency").asText()).isEqualTo("EUR");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api.get(path).json().path("currency").asText()).isEqualTo("USD");
  }

  @Test
  void aCsvImportIsCheckedWithDryRunAndRefusedWithLineAndColumn() {
    String path = customers() + "/import";
    String csv = "name,external_id,arr\nImported One,IMP-1,1000\nImported Two,IMP-2,2000\n";

    Answer dry = send(path + "?dry_run=true", csv);
    Answer bad = send(path, "name,arr\nBroken,12k\n");
    Answer done = send(path, csv);
    Answer again = send(path, csv);

    assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
    assertThat(dry.json().path("created").asInt()).isEqualTo(2);
    assertThat(dry.json().path("saved").asBoolean()).isFalse();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactly("line 2, column arr");
    assertThat(done.json().path("saved").asBoolean()).isTrue();
    assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
    assertThat(api.get(customers() + "?q=imported").json().path("total").asLong()).isEqualTo(2);
  }

  private Answer send(String path, String csv) {
    return api.send(
        api.request(path)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  @Test
  void personasLiveUnderTheirProduct() {
    String personas = "/api/v1/products/" + product.slug() + "/personas";

    Answer created =
        api.post(personas, "{\"name\":\"Returning Riley\",\"goals\":\"- Pay in **one** tap\"}");
    Answer refused = api.post(personas, "{\"name\":\" \"}");
    String path = "/api/v1/personas/" + created.json().path("key").asText();
    Answer patched = api.patch(path, "{\"pains\":\"Typing card numbers\"}", "\"1\"");
    Answer stale = api.patch(path, "{\"pains\":\"x\"}", "\"1\"");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("goals_html").asText()).contains("<strong>one</strong>");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(patched.json().path("pains").asText()).isEqualTo("Typing card numbers");
    assertThat(patched.json().path("goals").asText()).isEqualTo("- Pay in **one** tap");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(api.get(personas).json().path("total").asLong()).isEqualTo(1);
    assertThat(api.delete(path, "\"2\"").status()).isEqualTo(204);
    assertThat(api.get(personas).json().path("total").asLong()).isZero();
  }

  @Test
  void theOpenApiDocumentDescribesCustomersAndPersonas() {
    JsonNode doc = api.get("/api/openapi.json").json();

    assertThat(doc.path("paths").has("/api/v1/workspaces/{workspace}/customers")).isTrue();
    assertThat(doc.path("paths").has("/api/v1/customers/{customer}/contacts/{contact}")).isTrue();
    assertThat(doc.path("paths").has("/api/v1/products/{product}/personas")).isTrue();
    assertThat(doc.path("paths").path("/api/v1/customers/{customer}").has("patch")).isTrue();
    assertThat(doc.path("components").path("schemas").has("CustomerItem")).isTrue();
  }
}
