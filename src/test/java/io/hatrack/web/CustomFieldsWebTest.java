package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.fields.CustomField;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The custom fields settings page: adding, refusing, editing and deleting fields. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomFieldsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String base(Product product) {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition/fields";
  }

  @Test
  void anEmptyProductExplainsFieldsAndOffersTheForm() {
    Product product = server.product(ana, ws);

    Browser.Page page = browser.get(base(product));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("No custom fields yet")
        .contains("Add a field")
        .contains("How formulas work")
        .contains("class=\"hat-tabs\"")
        .contains("href=\"/w/" + ws.slug() + "/" + product.slug() + "/definition/settings\"");
  }

  @Test
  void addingASelectFieldThroughTheFormListsIt() {
    Product product = server.product(ana, ws);
    browser.get(base(product));

    Browser.Page added =
        browser.post(
            base(product),
            "name",
            "Risk",
            "key",
            "",
            "type",
            "select",
            "options",
            "Low\r\nMedium\r\n\r\nHigh",
            "formula",
            "",
            "item_types",
            "feature");

    assertThat(added.location()).isEqualTo(base(product));
    Browser.Page list = browser.get(base(product));
    assertThat(list.body())
        .contains("Added the field \u201cRisk\u201d (risk).")
        .contains("<code>risk</code>")
        .contains("features")
        .contains(">Medium<");
    CustomField risk = server.app().definition().fields().fields(ana, product.slug()).get(0);
    assertThat(risk.options()).containsExactly("Low", "Medium", "High");
    assertThat(risk.itemTypesText()).isEqualTo("feature");
  }

  @Test
  void aRefusedFormulaKeepsWhatWasTypedAndSaysWhyNextToTheField() {
    Product product = server.product(ana, ws);
    browser.get(base(product));

    Browser.Page refused =
        browser.post(base(product), "name", "Score", "type", "formula", "formula", "reach * 2 +");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("id=\"e-formula\"")
        .contains("Formula at column 12: expected a number, a field or")
        .contains("value=\"reach * 2 +\"");
    assertThat(server.app().definition().fields().fields(ana, product.slug())).isEmpty();
  }

  @Test
  void editingAFieldSavesItAndAStaleFormShowsTheConflict() {
    Product product = server.product(ana, ws);
    CustomField reach =
        server
            .app()
            .definition()
            .fields()
            .create(ana, product.slug(), FieldInput.of("Reach", "number"));
    String path = base(product) + "/" + reach.id();

    Browser.Page form = browser.get(path + "/edit");
    Browser.Page saved =
        browser.post(
            path, "version", "1", "name", "Reach (users)", "key", "reach", "type", "number");
    Browser.Page stale =
        browser.post(path, "version", "1", "name", "Audience", "key", "reach", "type", "number");

    assertThat(form.body())
        .contains("Edit the field \u201cReach\u201d")
        .contains("value=\"reach\"");
    assertThat(saved.location()).isEqualTo(base(product));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body()).contains("Someone else changed this field").contains("Audience");
    assertThat(server.app().definition().fields().fields(ana, product.slug()).get(0).name())
        .isEqualTo("Reach (users)");
  }

  @Test
  void deletingAFieldAsksFirstAndSaysWhatWent() {
    Product product = server.product(ana, ws);
    CustomField temp =
        server
            .app()
            .definition()
            .fields()
            .create(ana, product.slug(), FieldInput.of("Temp", "text"));

    Browser.Page list = browser.get(base(product));
    Browser.Page deleted =
        browser.post(base(product) + "/" + temp.id() + "/delete", "version", "1");

    assertThat(list.body())
        .contains("data-confirm=\"Delete the field \u201cTemp\u201d? No item has a value for it.");
    assertThat(deleted.location()).isEqualTo(base(product));
    assertThat(browser.get(base(product)).body()).contains("Deleted the field \u201cTemp\u201d.");
    assertThat(server.app().definition().fields().fields(ana, product.slug())).isEmpty();
  }

  @Test
  void editorsSeeTheFieldsButNoForm() {
    Product product = server.product(ana, ws);
    server.app().definition().fields().create(ana, product.slug(), FieldInput.of("Risk", "text"));
    User ed = server.user("Ed");
    server.app().workspaces().addMember(ana, ws.slug(), ed.email(), Role.EDITOR);
    Browser editor = new Browser(server.url());
    editor.signIn(ed.email(), "password123");

    Browser.Page page = editor.get(base(product));

    assertThat(page.body())
        .contains("<code>risk</code>")
        .doesNotContain("Add a field")
        .contains("Only admins and owners can change the fields.");
    assertThat(editor.get(base(product) + "/1/edit").status()).isEqualTo(403);
  }
}
