package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feedback inbox over the JSON API: adding, filters, versions, links, merging, demand. */
@OnEveryDatabase
class FeedbackApiTest {

  private record Setup(
      TestServer server, TestServer.Api api, TestServer.Api viewer, Workspace ws, Product product) {
    String feedback() {
      return "/api/v1/products/" + product.slug() + "/feedback";
    }

    JsonNode add(String body) {
      Answer created = api.post(feedback(), body);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      return created.json();
    }

    long customer(String name, String arr) {
      Answer c =
          api.post(
              "/api/v1/workspaces/" + ws.slug() + "/customers",
              "{\"name\":\""
                  + name
                  + "\""
                  + (arr == null
                      ? ""
                      : ",\"revenue_amount\":\"" + arr + "\",\"revenue_period\":\"arr\"")
                  + "}");
      assertThat(c.status()).as(c.toString()).isEqualTo(201);
      return c.json().path("id").asLong();
    }

    JsonNode feature(String title) {
      Answer f =
          api.post(
              "/api/v1/products/" + product.slug() + "/items",
              "{\"type\":\"feature\",\"title\":\"" + title + "\"}");
      assertThat(f.status()).as(f.toString()).isEqualTo(201);
      return f.json();
    }
  }

  private static Setup setup(TestApp app) {
    TestServer server = TestServer.serving(app);
    User ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    Workspace ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    Product product = server.product(ana, ws);
    return new Setup(server, server.api(ana), server.api(vic), ws, product);
  }

  private static List<String> fields(Answer refused) {
    List<String> fields = new ArrayList<>();
    refused.json().path("error").path("details").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private static List<String> summaries(Answer list) {
    List<String> out = new ArrayList<>();
    list.json().path("items").forEach(i -> out.add(i.path("summary").asText()));
    return out;
  }

  @Test
  void addingFeedbackAnswersWithItsKeySummaryTagsEtagAndLocation(TestApp app) {
    Setup s = setup(app);
    long acme = s.customer("Acme", "1200");

    Answer created =
        s.api.post(
            s.feedback(),
            "{\"text\":\"Apple Pay at checkout\\nWe lose mobile buyers\",\"source\":\"sales_call\","
                + "\"customer_id\":"
                + acme
                + ",\"happened_at\":\"2025-03-31\",\"importance\":3,"
                + "\"tags\":[\"Wallets\"],\"external_id\":\"CRM-9\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode f = created.json();
    assertThat(f.path("kind").asText()).isEqualTo("feedback");
    assertThat(f.path("key").asText()).startsWith(s.product.key() + "-");
    assertThat(f.path("summary").asText()).isEqualTo("Apple Pay at checkout");
    assertThat(f.path("status").asText()).isEqualTo("new");
    assertThat(f.path("customer_name").asText()).isEqualTo("Acme");
    assertThat(f.path("happened_at").asText()).isEqualTo("2025-03-31T00:00:00Z");
    assertThat(f.path("importance_label").asText()).isEqualTo("critical");
    assertThat(f.path("tags").get(0).asText()).isEqualTo("wallets");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/v1/feedback/" + f.path("id").asLong());
    assertThat(s.api.get("/api/v1/items/" + f.path("key").asText()).json().path("text").asText())
        .startsWith("Apple Pay");
    assertThat(s.viewer.post(s.feedback(), "{\"text\":\"x\"}").status()).isEqualTo(403);
  }

  @Test
  void invalidFeedbackIsA400NamingEachField(TestApp app) {
    Setup s = setup(app);

    Answer refused =
        s.api.post(
            s.feedback(),
            "{\"text\":\"\",\"source\":\"fax\",\"happened_at\":\"31/03/2025\",\"importance\":7}");
    Answer badDate = s.api.post(s.feedback(), "{\"text\":\"x\",\"happened_at\":\"yesterday\"}");
    Answer unknown = s.api.post(s.feedback(), "{\"text\":\"x\",\"mood\":\"sad\"}");
    Answer badFilter = s.api.get(s.feedback() + "?status=done&sentiment=angry&from=soon");

    assertThat(fields(refused)).contains("happened_at");
    assertThat(fields(badDate)).containsExactly("happened_at");
    assertThat(fields(unknown)).containsExactly("mood");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(fields(badFilter)).containsExactlyInAnyOrder("status", "sentiment", "from");
    Answer rest = s.api.post(s.feedback(), "{\"text\":\"\",\"source\":\"fax\",\"importance\":7}");
    assertThat(rest.status()).isEqualTo(400);
    assertThat(fields(rest)).containsExactlyInAnyOrder("text", "source", "importance");
  }

  @Test
  void patchChangesStatusWithIfMatchAndAStaleVersionIsA409(TestApp app) {
    Setup s = setup(app);
    JsonNode f = s.add("{\"text\":\"Refunds take a week\",\"source\":\"email\"}");
    String path = "/api/v1/feedback/" + f.path("id").asLong();

    Answer without = s.api.patch(path, "{\"status\":\"triaged\"}", null);
    Answer patched = s.api.patch(path, "{\"status\":\"triaged\",\"importance\":2}", "\"1\"");
    Answer stale = s.api.patch(path, "{\"status\":\"archived\"}", "\"1\"");
    Answer wrong = s.api.patch(path, "{\"colour\":\"red\"}", "\"2\"");
    Answer cleared =
        s.api.patch(path, "{\"importance\":null,\"text\":\"Refunds take ten days\"}", "\"2\"");

    assertThat(without.status()).isEqualTo(428);
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("status").asText()).isEqualTo("triaged");
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(fields(wrong)).containsExactly("colour");
    assertThat(cleared.json().path("importance").isNull()).isTrue();
    assertThat(cleared.json().path("summary").asText()).isEqualTo("Refunds take ten days");
    assertThat(s.api.delete(path, "\"3\"").status()).isEqualTo(204);
    assertThat(s.api.get(path).status()).isEqualTo(404);
    assertThat(s.api.post(path + "/restore", "").status()).isEqualTo(200);
  }

  @Test
  void theListFiltersBySourceStatusCustomerTagDatesAndWords(TestApp app) {
    Setup s = setup(app);
    long acme = s.customer("Acme", null);
    s.add(
        "{\"text\":\"Invoice PDF lacks VAT\",\"source\":\"email\",\"happened_at\":\"2025-01-02\"}");
    s.add(
        "{\"text\":\"Saved cards please\",\"source\":\"portal\",\"customer_id\":"
            + acme
            + ",\"happened_at\":\"2025-02-02\",\"tags\":[\"cards\"]}");
    s.add(
        "{\"text\":\"Invoice numbering\",\"source\":\"email\",\"happened_at\":\"2025-03-02\",\"status\":\"triaged\"}");

    assertThat(summaries(s.api.get(s.feedback())))
        .containsExactly("Invoice numbering", "Saved cards please", "Invoice PDF lacks VAT");
    assertThat(summaries(s.api.get(s.feedback() + "?source=email&q=invoice")))
        .containsExactly("Invoice numbering", "Invoice PDF lacks VAT");
    assertThat(summaries(s.api.get(s.feedback() + "?status=triaged")))
        .containsExactly("Invoice numbering");
    assertThat(summaries(s.api.get(s.feedback() + "?customer=" + acme)))
        .containsExactly("Saved cards please");
    assertThat(summaries(s.api.get(s.feedback() + "?tag=cards")))
        .containsExactly("Saved cards please");
    assertThat(summaries(s.api.get(s.feedback() + "?from=2025-01-02&to=2025-02-02")))
        .containsExactly("Saved cards please", "Invoice PDF lacks VAT");
    Answer page = s.api.get(s.feedback() + "?limit=2");
    assertThat(page.json().path("total").asLong()).isEqualTo(3);
    Answer rest =
        s.api.get(s.feedback() + "?limit=2&cursor=" + page.json().path("next_cursor").asText());
    assertThat(summaries(rest)).containsExactly("Invoice PDF lacks VAT");
  }

  @Test
  void linksMergeAndDemandAddUpByHand(TestApp app) {
    Setup s = setup(app);
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    String thisMonth = now.atDay(1).toString();
    String lastMonth = now.minusMonths(1).atDay(1).toString();
    long a = s.customer("Alpha", "50000");
    long b = s.customer("Beta", "12000.25");
    JsonNode feature = s.feature("One-click saved cards");
    long fa =
        s.add(
                "{\"text\":\"A wants saved cards\",\"customer_id\":"
                    + a
                    + ",\"importance\":3,\"happened_at\":\""
                    + lastMonth
                    + "\"}")
            .path("id")
            .asLong();
    long fa2 =
        s.add(
                "{\"text\":\"A again\",\"customer_id\":"
                    + a
                    + ",\"importance\":2,\"happened_at\":\""
                    + thisMonth
                    + "\"}")
            .path("id")
            .asLong();
    long fb =
        s.add(
                "{\"text\":\"B wants saved cards\",\"customer_id\":"
                    + b
                    + ",\"importance\":1,\"happened_at\":\""
                    + thisMonth
                    + "\",\"status\":\"triaged\"}")
            .path("id")
            .asLong();

    Answer linked =
        s.api.post(
            "/api/v1/feedback/" + fa + "/links",
            "{\"target\":\"" + feature.path("key").asText() + "\"}");
    Answer linkedB =
        s.api.post(
            "/api/v1/feedback/" + fb + "/links",
            "{\"target\":\"" + feature.path("id").asLong() + "\"}");
    Answer badTarget = s.api.post("/api/v1/feedback/" + fa + "/links", "{\"target\":\"NOPE-1\"}");
    Answer merged = s.api.post("/api/v1/feedback/" + fa + "/merge", "{\"ids\":[\"" + fa2 + "\"]}");
    Answer badMerge = s.api.post("/api/v1/feedback/" + fa + "/merge", "{\"ids\":[\"" + fa + "\"]}");
    Answer demand = s.api.get("/api/v1/items/" + feature.path("key").asText() + "/demand");

    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    assertThat(linked.json().path("type").asText()).isEqualTo("supports");
    assertThat(linkedB.status()).isEqualTo(201);
    assertThat(s.api.get("/api/v1/feedback/" + fb).json().path("status").asText())
        .isEqualTo("linked");
    assertThat(fields(badTarget)).containsExactly("target");
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(merged.json().path("duplicates").get(0).asLong()).isEqualTo(fa2);
    assertThat(s.api.get("/api/v1/feedback/" + fa2).json().path("duplicate_of").asLong())
        .isEqualTo(fa);
    assertThat(s.api.get("/api/v1/feedback/" + fa2).json().path("status").asText())
        .isEqualTo("archived");
    assertThat(fields(badMerge)).containsExactly("ids[0]");
    JsonNode d = demand.json();
    assertThat(demand.status()).as(demand.toString()).isEqualTo(200);
    assertThat(d.path("feedback").asLong()).isEqualTo(3);
    assertThat(d.path("customers").asLong()).isEqualTo(2);
    // 50,000.00 + 12,000.25 = 62,000.25 per year.
    assertThat(d.path("revenue").path("minor").asLong()).isEqualTo(6_200_025);
    assertThat(d.path("revenue").path("amount").asText()).isEqualTo("62000.25");
    assertThat(d.path("revenue").path("display").asText()).isEqualTo("$62,000.25");
    // Alpha's latest importance is 2 (this month), Beta's is 1: mean 1.5.
    assertThat(d.path("importance").path("distribution").toString()).isEqualTo("[0,1,1,0]");
    assertThat(d.path("importance").path("mean").asDouble()).isEqualTo(1.5);
    JsonNode trend = d.path("trend");
    assertThat(trend.size()).isEqualTo(12);
    assertThat(trend.get(11).path("month").asText()).isEqualTo(now.toString());
    assertThat(trend.get(11).path("count").asLong()).isEqualTo(2);
    assertThat(trend.get(10).path("count").asLong()).isEqualTo(1);
    long linkId = linked.json().path("id").asLong();
    assertThat(s.api.get("/api/v1/feedback/" + fa + "/links").json().path("total").asLong())
        .isEqualTo(1);
    assertThat(s.api.delete("/api/v1/feedback/" + fa + "/links/" + linkId, null).status())
        .isEqualTo(204);
    assertThat(
            s.api
                .get("/api/v1/items/" + feature.path("id").asLong() + "/demand")
                .json()
                .path("feedback")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void theOpenApiDocumentDescribesTheFeedbackEndpoints(TestApp app) {
    Setup s = setup(app);
    JsonNode paths = s.api.get("/api/openapi.json").json().path("paths");

    assertThat(paths.has("/api/v1/products/{product}/feedback")).isTrue();
    assertThat(paths.has("/api/v1/feedback/{feedback}/merge")).isTrue();
    assertThat(paths.has("/api/v1/items/{item}/demand")).isTrue();
  }
}
