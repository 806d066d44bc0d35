package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.definition.query.SavedView;
import io.hatrack.definition.query.SavedViewService;
import io.hatrack.definition.query.SavedViewService.ViewInput;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved views on the list page: picking, saving, changing (and its conflicts) and deleting. */
@OnEveryDatabase
class ViewsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Browser browser;

  @BeforeEach
  void start(TestApp app) {
    server = TestServer.serving(app);
    ana = server.user("Ana");
    ws = server.workspace(ana);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  private SavedViewService views() {
    return server.app().definition().views();
  }

  /** A new product of Ana's with a single-select field "Risk" (Low, Medium, High). */
  private Product productWithRisk() {
    Product product = server.product(ana, ws);
    server
        .app()
        .definition()
        .fields()
        .create(
            ana,
            product.slug(),
            FieldInput.of("Risk", "select").withOptions("Low", "Medium", "High"));
    return product;
  }

  private String base(Product product) {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition";
  }

  private WorkItem item(Product product, String type, String title, String risk) {
    return server
        .app()
        .definition()
        .workItems()
        .create(
            ana,
            product.slug(),
            NewWorkItem.of(type, title),
            risk == null ? Map.of() : Map.of("risk", TextNode.valueOf(risk)));
  }

  private static String head(String page) {
    return page.substring(page.indexOf("<thead>"), page.indexOf("</thead>"));
  }

  @Test
  void aViewSavedFromTheListReopensWithItsQueryAndColumns() {
    Product product = productWithRisk();
    item(product, "bug", "Card declined twice", "High");
    item(product, "feature", "One-click saved cards", "Low");
    Browser.Page filtered = browser.open(base(product) + "/items?q=type:bug");
    assertThat(filtered.body()).contains("Save view…").contains("value=\"type:bug\"");

    Browser.Page saved =
        browser.postEach(
            base(product) + "/views",
            "layout",
            "list",
            "name",
            "Risky bugs",
            "query",
            "type:bug",
            "columns",
            "key",
            "columns",
            "title",
            "columns",
            "risk");

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).startsWith(base(product) + "/items?view=");
    SavedView view = views().list(ana, product.slug()).get(0);
    assertThat(view.columns()).containsExactly("key", "title", "risk");
    Browser.Page reopened = browser.open(saved.location());
    assertThat(reopened.status()).isEqualTo(200);
    assertThat(reopened.body())
        .contains("<h1>Risky bugs</h1>")
        .contains("Card declined twice")
        .doesNotContain("One-click saved cards")
        .contains("data-field=\"risk\">High</td>")
        .contains("<option value=\"" + view.id() + "\" selected>Risky bugs</option>");
    assertThat(head(reopened.body())).contains("Risk").contains("Title").doesNotContain("Owner");
  }

  @Test
  void withoutAViewTheListShowsItsUsualColumnsAndAllItems() {
    Product product = productWithRisk();
    item(product, "feature", "Plain feature", "Medium");

    Browser.Page page = browser.open(base(product) + "/items");

    assertThat(page.body()).contains("<h1>Work items</h1>").contains("Plain feature");
    assertThat(head(page.body()))
        .contains("Key")
        .contains("Owner")
        .contains("Estimate")
        .doesNotContain("Risk");
  }

  @Test
  void anInlineEditInAViewAnswersTheRowWithTheViewsColumns() {
    Product product = productWithRisk();
    WorkItem task = item(product, "story", "Inline in a view", "Medium");
    browser.get(base(product) + "/items");

    Browser.Page row =
        browser.htmxPost(
            base(product) + "/items/" + task.key() + "/inline",
            "field",
            "status",
            "value",
            "Ready",
            "version",
            Long.toString(task.version()),
            "columns",
            "key,status,risk");

    assertThat(row.status()).isEqualTo(200);
    assertThat(row.body())
        .startsWith("<tr")
        .contains("Ready")
        .contains("data-field=\"risk\">Medium</td>")
        .doesNotContain("title-cell");
  }

  @Test
  void aWrongQueryIsRefusedWithTheFormKeepingWhatWasTyped() {
    Product product = productWithRisk();
    browser.get(base(product) + "/items");

    Browser.Page refused =
        browser.postEach(
            base(product) + "/views",
            "layout",
            "list",
            "name",
            "Typo view",
            "query",
            "stauts:done",
            "columns",
            "key",
            "columns",
            "risk");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("did you mean \"status\"?")
        .contains("value=\"Typo view\"")
        .contains("value=\"risk\" checked");
    assertThat(views().list(ana, product.slug())).isEmpty();
  }

  @Test
  void aViewerOpensSharedViewsButCannotSaveOne() {
    Product product = productWithRisk();
    item(product, "bug", "Shown to viewers", "Low");
    SavedView shared =
        views().create(ana, product.slug(), new ViewInput("Bugs", "list", "type:bug", null, null));
    User vic = server.user("Vic");
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    Browser viewer = new Browser(server.url());
    viewer.signIn(vic.email(), "password123");

    Browser.Page opened = viewer.open(base(product) + "/items?view=" + shared.id());
    Browser.Page refused =
        viewer.post(base(product) + "/views", "layout", "list", "name", "Mine", "query", "");

    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.body())
        .contains("<h1>Bugs</h1>")
        .contains("Shown to viewers")
        .doesNotContain("Save view…")
        .doesNotContain("Delete view");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(views().list(ana, product.slug())).containsExactly(shared);
  }

  @Test
  void savingChangesToAViewKeepsItsNameAndTakesTheNewQueryAndColumns() {
    Product product = productWithRisk();
    SavedView view =
        views()
            .create(
                ana,
                product.slug(),
                new ViewInput("Stories", "list", "type:story", null, List.of("key", "title")));
    browser.get(base(product) + "/items?view=" + view.id() + "&q=type:story%20risk:high");

    Browser.Page saved =
        browser.postEach(
            base(product) + "/views/" + view.id(),
            "version",
            "1",
            "name",
            "",
            "query",
            "type:story risk:high",
            "columns",
            "title",
            "columns",
            "risk");

    assertThat(saved.status()).isEqualTo(302);
    SavedView after = views().get(ana, product.slug(), view.id());
    assertThat(after.name()).isEqualTo("Stories");
    assertThat(after.query()).isEqualTo("type:story risk:high");
    assertThat(after.columns()).containsExactly("title", "risk");
    assertThat(after.version()).isEqualTo(2);
  }

  @Test
  void aStaleSaveShowsTheConflictAndOverwritesOnlyWhenAskedTo() {
    Product product = productWithRisk();
    SavedView view =
        views()
            .create(ana, product.slug(), new ViewInput("Shared", "list", "type:bug", null, null));
    views()
        .update(
            ana, product.slug(), view.id(), 1, new ViewInput(null, null, "type:task", null, null));
    browser.get(base(product) + "/views/" + view.id() + "/edit");

    Browser.Page conflict =
        browser.post(
            base(product) + "/views/" + view.id(),
            "version",
            "1",
            "name",
            "Shared",
            "query",
            "type:story");

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("Someone else changed this view while you were editing it.")
        .contains("it is now at version 2")
        .contains("<code>type:task</code>")
        .contains("Discard mine and load theirs")
        .contains("name=\"version\" value=\"2\">Overwrite with mine")
        .contains("value=\"type:story\"");
    assertThat(views().get(ana, product.slug(), view.id()).query()).isEqualTo("type:task");

    Browser.Page overwritten =
        browser.post(
            base(product) + "/views/" + view.id(),
            "version",
            "2",
            "name",
            "Shared",
            "query",
            "type:story");

    assertThat(overwritten.status()).isEqualTo(302);
    assertThat(views().get(ana, product.slug(), view.id()).query()).isEqualTo("type:story");
  }

  @Test
  void deletingAViewAsksFirstAndItsUndoSavesItAgain() {
    Product product = productWithRisk();
    SavedView view =
        views()
            .create(
                ana,
                product.slug(),
                new ViewInput(
                    "Doomed", "list", "type:bug risk:high", null, List.of("key", "risk")));
    Browser.Page page = browser.open(base(product) + "/items?view=" + view.id());
    assertThat(page.body())
        .contains("action=\"" + base(product) + "/views/" + view.id() + "/delete\" data-confirm=");

    Browser.Page deleted =
        browser.post(base(product) + "/views/" + view.id() + "/delete", "version", "1");

    assertThat(deleted.status()).isEqualTo(302);
    assertThat(views().list(ana, product.slug())).isEmpty();
    Browser.Page after = browser.open(deleted.location());
    assertThat(after.body()).contains("Deleted the view “Doomed”.");
    Matcher undo =
        Pattern.compile("<form method=\"post\" action=\"([^\"]+/restore[^\"]*)\">")
            .matcher(after.body());
    assertThat(undo.find()).isTrue();

    Browser.Page restored = browser.post(undo.group(1).replace("&amp;", "&"));

    assertThat(restored.status()).isEqualTo(302);
    List<SavedView> back = views().list(ana, product.slug());
    assertThat(back).hasSize(1);
    assertThat(back.get(0).name()).isEqualTo("Doomed");
    assertThat(back.get(0).query()).isEqualTo("type:bug risk:high");
    assertThat(back.get(0).columns()).containsExactly("key", "risk");
  }

  @Test
  void aStaleDeleteDeletesNothingAndSaysWhy() {
    Product product = productWithRisk();
    SavedView view =
        views().create(ana, product.slug(), new ViewInput("Kept", "list", "", null, null));
    views()
        .update(
            ana, product.slug(), view.id(), 1, new ViewInput(null, null, "type:bug", null, null));
    browser.get(base(product) + "/items?view=" + view.id());

    Browser.Page refused =
        browser.post(base(product) + "/views/" + view.id() + "/delete", "version", "1");

    assertThat(refused.status()).isEqualTo(302);
    assertThat(browser.open(refused.location()).body()).contains("nothing was deleted");
    assertThat(views().list(ana, product.slug())).hasSize(1);
  }

  @Test
  void aDeletedViewsLinkShowsAllItemsWithANotice() {
    Product product = productWithRisk();
    item(product, "task", "Still listed", null);

    Browser.Page page = browser.open(base(product) + "/items?view=999999");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("That saved view no longer exists").contains("Still listed");
  }
}
