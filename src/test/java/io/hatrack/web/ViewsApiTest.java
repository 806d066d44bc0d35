package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsApiTest {
  private TestServer server;
  private TestServer.Api ana;
  private User owner;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana Lima");
    ws = server.workspace(owner);
    product = server.product(owner, ws);
    ana = server.api(owner);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String views() {
    return "/api/v1/products/" + product.slug() + "/views";
  }

  private JsonNode create(String name, String query) {
    Answer created =
        ana.post(
            views(), "{\"name\":\"" + name + "\",\"layout\":\"list\",\"query\":\"" + query + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void savingAViewAnswersWithItsVersionEtagAndLocation() {
    Answer created =
        ana.post(
            views(),
            "{\"name\":\"Open stories\",\"layout\":\"board\",\"query\":\"type:story -category:done\","
                + "\"group_by\":\"status\",\"columns\":[\"key\",\"title\"]}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode view = created.json();
    assertThat(view.path("name").asText()).isEqualTo("Open stories");
    assertThat(view.path("layout").asText()).isEqualTo("board");
    assertThat(view.path("group_by").asText()).isEqualTo("status");
    assertThat(view.path("columns")).hasSize(2);
    assertThat(view.path("version").asLong()).isEqualTo(1);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo(views() + "/" + view.path("id").asLong());
    Answer read = ana.get(views() + "/" + view.path("id").asLong());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("query").asText()).isEqualTo("type:story -category:done");
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void theListHoldsTheProductsViewsByName() {
    Product own = server.product(owner, ws);
    String path = "/api/v1/products/" + own.id() + "/views";
    ana.post(path, "{\"name\":\"Zeta\"}");
    ana.post(path, "{\"name\":\"Alpha\",\"query\":\"type:bug\"}");

    Answer list = ana.get(path);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("total").asLong()).isEqualTo(2);
    assertThat(list.json().path("items").get(0).path("name").asText()).isEqualTo("Alpha");
    assertThat(list.json().path("items").get(1).path("layout").asText()).isEqualTo("list");
  }

  @Test
  void aWrongQueryIsA400NamingTheQueryWithTheColumn() {
    Answer bad = ana.post(views(), "{\"name\":\"Typo\",\"query\":\"stauts:done\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("validation_failed");
    JsonNode detail = bad.json().path("error").path("details").get(0);
    assertThat(detail.path("field").asText()).isEqualTo("query");
    assertThat(detail.path("reason").asText())
        .startsWith("column 1: unknown field \"stauts\": did you mean \"status\"?");
  }

  @Test
  void patchingWithTheEtagChangesTheViewAndAStaleOneIsAConflict() {
    JsonNode view = create("Patched", "type:bug");
    String path = views() + "/" + view.path("id").asLong();

    Answer patched = ana.patch(path, "{\"query\":\"type:task\"}", "\"1\"");
    Answer stale = ana.patch(path, "{\"query\":\"type:story\"}", "\"1\"");

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().path("name").asText()).isEqualTo("Patched");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(ana.patch(path, "{\"query\":\"x\"}", null).status()).isEqualTo(428);
    assertThat(ana.get(path).json().path("query").asText()).isEqualTo("type:task");
  }

  @Test
  void aDeletedViewIsGone() {
    JsonNode view = create("Gone", "");
    String path = views() + "/" + view.path("id").asLong();

    assertThat(ana.delete(path, null).status()).isEqualTo(428);
    assertThat(ana.delete(path, "\"1\"").status()).isEqualTo(204);
    assertThat(ana.get(path).status()).isEqualTo(404);
    assertThat(ana.get(views() + "/abc").status()).isEqualTo(404);
  }

  @Test
  void viewersReadViewsButCannotSaveThem() {
    create("For viewers", "");
    User viewer = server.user("Vic Viewer");
    server.app().workspaces().addMember(owner, ws.slug(), viewer.email(), Role.VIEWER);
    TestServer.Api vic = server.api(viewer);

    assertThat(vic.get(views()).status()).isEqualTo(200);
    assertThat(vic.post(views(), "{\"name\":\"Mine\"}").status()).isEqualTo(403);
  }

  @Test
  void unknownFieldsOfTheBodyAreRefused() {
    Answer bad = ana.post(views(), "{\"name\":\"X\",\"colour\":\"red\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("colour");
  }

  @Test
  void theQueryCheckGivesTheTermsOrTheSpanToUnderline() {
    String base = "/api/v1/products/" + product.slug() + "/query?q=";

    Answer good = ana.get(base + enc("type:feature,story -owner:me \"saved card\" sort:-updated"));
    Answer bad = ana.get(base + enc("type:feature status:Reviewing"));

    assertThat(good.status()).isEqualTo(200);
    assertThat(good.json().path("valid").asBoolean()).isTrue();
    assertThat(good.json().path("terms")).hasSize(4);
    assertThat(good.json().path("terms").get(0).path("values")).hasSize(2);
    assertThat(good.json().path("terms").get(1).path("negated").asBoolean()).isTrue();
    assertThat(good.json().path("terms").get(2).path("kind").asText()).isEqualTo("word");
    assertThat(good.json().path("terms").get(3).path("kind").asText()).isEqualTo("sort");
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.json().path("valid").asBoolean()).isFalse();
    JsonNode error = bad.json().path("error");
    assertThat(error.path("offset").asInt()).isEqualTo(20);
    assertThat(error.path("length").asInt()).isEqualTo(9);
    assertThat(error.path("column").asInt()).isEqualTo(21);
    assertThat(error.path("message").asText()).startsWith("no state named \"Reviewing\"");
    assertThat(error.path("excerpt").asText()).endsWith("^^^^^^^^^");
  }

  private static String enc(String q) {
    return URLEncoder.encode(q, StandardCharsets.UTF_8);
  }
}
