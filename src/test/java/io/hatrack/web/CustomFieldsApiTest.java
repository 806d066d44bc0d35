package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Custom fields over the API: defining them, refusals, optimistic locking. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomFieldsApiTest {
  private TestServer server;
  private TestServer.Api ana;
  private User owner;
  private Workspace ws;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana Lima");
    ws = server.workspace(owner);
    ana = server.api(owner);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String fields(Product product) {
    return "/api/v1/products/" + product.slug() + "/fields";
  }

  private JsonNode create(Product product, String body) {
    Answer created = ana.post(fields(product), body.replace('\'', '"'));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private Answer refused(Product product, String body) {
    Answer answer = ana.post(fields(product), body.replace('\'', '"'));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("validation_failed");
    return answer;
  }

  private static String reason(Answer answer, String field) {
    for (JsonNode d : answer.json().path("error").path("details")) {
      if (d.path("field").asText().equals(field)) {
        return d.path("reason").asText();
      }
    }
    throw new AssertionError("no reason for " + field + " in " + answer);
  }

  @Test
  void creatingAFieldAnswersWithItsKeyVersionEtagAndLocation() {
    Product product = server.product(owner, ws);

    Answer created =
        ana.post(
            fields(product),
            "{\"name\":\"Risk\",\"type\":\"select\",\"options\":[\"Low\",\"High\"],"
                + "\"item_types\":[\"feature\",\"story\"]}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode f = created.json();
    assertThat(f.path("key").asText()).isEqualTo("risk");
    assertThat(f.path("type").asText()).isEqualTo("select");
    assertThat(f.path("options").toString()).isEqualTo("[\"Low\",\"High\"]");
    assertThat(f.path("item_types").toString()).isEqualTo("[\"feature\",\"story\"]");
    assertThat(f.path("value_count").asLong()).isZero();
    assertThat(f.path("version").asLong()).isEqualTo(1);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo(fields(product) + "/" + f.path("id").asLong());

    Answer byKey = ana.get(fields(product) + "/risk");
    Answer byId = ana.get(fields(product) + "/" + f.path("id").asLong());
    Answer list = ana.get(fields(product));
    assertThat(byKey.json().path("id").asLong()).isEqualTo(f.path("id").asLong());
    assertThat(byId.header("ETag")).isEqualTo("\"1\"");
    assertThat(list.json().path("total").asLong()).isEqualTo(1);
    assertThat(list.json().path("items").get(0).path("name").asText()).isEqualTo("Risk");
    assertThat(ana.get(fields(product) + "/nope").status()).isEqualTo(404);
  }

  @Test
  void anUnknownTypeIsRefusedWithTheTypesThatExist() {
    Product product = server.product(owner, ws);

    Answer bad = refused(product, "{'name':'Colour','type':'colour'}");

    assertThat(reason(bad, "type"))
        .isEqualTo(
            "must be one of text, number, select, multi_select, date, person, url, checkbox,"
                + " formula");
    assertThat(ana.get(fields(product)).json().path("total").asLong()).isZero();
  }

  @Test
  void anUnknownPropertyIsRefused() {
    Product product = server.product(owner, ws);

    Answer bad = refused(product, "{'name':'Risk','type':'text','colour':'red'}");

    assertThat(reason(bad, "colour")).isEqualTo("is not a field of this request");
  }

  @Test
  void aFormulaThatRefersToItselfIsRefused() {
    Product product = server.product(owner, ws);

    Answer bad = refused(product, "{'name':'Score','type':'formula','formula':'score * 2'}");

    assertThat(reason(bad, "formula"))
        .isEqualTo("refers to itself (score); a formula cannot use its own result");
  }

  @Test
  void aFormulaThatRefersToAMissingFieldIsRefused() {
    Product product = server.product(owner, ws);
    create(product, "{'name':'Reach','type':'number'}");

    Answer bad = refused(product, "{'name':'Score','type':'formula','formula':'reach * impact'}");

    assertThat(reason(bad, "formula"))
        .isEqualTo(
            "refers to 'impact', which is not a field of this product"
                + " (its numeric fields: estimate, reach)");
  }

  @Test
  void aFormulaWithASyntaxErrorSaysWhereItIs() {
    Product product = server.product(owner, ws);

    Answer bad = refused(product, "{'name':'Score','type':'formula','formula':'(1 + 2'}");

    assertThat(reason(bad, "formula"))
        .isEqualTo(
            "at column 7: expected ')' to close the '(' at column 1 but found the end of the"
                + " formula");
  }

  @Test
  void aCycleThroughTwoFormulasIsRefusedAndTheFieldKeepsItsFormula() {
    Product product = server.product(owner, ws);
    create(product, "{'name':'Base','type':'number'}");
    create(product, "{'name':'A','type':'formula','formula':'base + 1'}");
    create(product, "{'name':'B','type':'formula','formula':'a * 2'}");

    Answer cycle = ana.patch(fields(product) + "/a", "{\"formula\":\"b - 1\"}", "\"1\"");

    assertThat(cycle.status()).as(cycle.toString()).isEqualTo(400);
    assertThat(reason(cycle, "formula")).isEqualTo("makes a loop of formulas: a uses b, b uses a");
    assertThat(ana.get(fields(product) + "/a").json().path("formula").asText())
        .isEqualTo("base + 1");
  }

  @Test
  void patchingWithTheCurrentEtagChangesTheFieldAndAStaleOneIsAConflict() {
    Product product = server.product(owner, ws);
    String path =
        fields(product) + "/" + create(product, "{'name':'Risk','type':'text'}").path("id");

    Answer patched = ana.patch(path, "{\"name\":\"Danger\",\"key\":\"danger\"}", "\"1\"");
    Answer stale = ana.patch(path, "{\"name\":\"Peril\"}", "\"1\"");
    Answer staleDelete = ana.delete(path, "\"1\"");

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().path("key").asText()).isEqualTo("danger");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(staleDelete.status()).isEqualTo(409);
    assertThat(ana.get(path).json().path("name").asText()).isEqualTo("Danger");
    assertThat(ana.patch(path, "{\"name\":\"Peril\"}", null).status()).isEqualTo(428);
  }

  @Test
  void deletingAFieldWithTheCurrentEtagRemovesIt() {
    Product product = server.product(owner, ws);
    create(product, "{'name':'Temporary','type':'checkbox'}");

    assertThat(ana.delete(fields(product) + "/temporary", "\"1\"").status()).isEqualTo(204);
    assertThat(ana.get(fields(product) + "/temporary").status()).isEqualTo(404);
  }

  @Test
  void editorsReadFieldsButOnlyAdminsChangeThem() {
    Product product = server.product(owner, ws);
    User ed = server.user("Ed Itor");
    server.app().workspaces().addMember(owner, ws.slug(), ed.email(), Role.EDITOR);
    create(product, "{'name':'Risk','type':'text'}");
    TestServer.Api editor = server.api(ed);

    Answer forbidden = editor.post(fields(product), "{\"name\":\"Mine\",\"type\":\"text\"}");

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(editor.get(fields(product)).json().path("total").asLong()).isEqualTo(1);
  }
}
