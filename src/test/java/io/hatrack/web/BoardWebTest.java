package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.definition.fields.FieldValue;
import io.hatrack.definition.query.SavedView;
import io.hatrack.definition.query.SavedViewService.ViewInput;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board grouped by status or by a single-select field, and the moves dragging sends. */
@OnEveryDatabase
class BoardWebTest {
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

  private WorkItemService items() {
    return server.app().definition().workItems();
  }

  /**
   * A new product of Ana's with a single-select "Risk" (Low, Medium, High) for features and bugs, a
   * multi-select "Platforms" and a text "Notes".
   */
  private Product product() {
    Product product = server.product(ana, ws);
    var fields = server.app().definition().fields();
    fields.create(
        ana,
        product.slug(),
        FieldInput.of("Risk", "select")
            .withOptions("Low", "Medium", "High")
            .withItemTypes("feature", "bug"));
    fields.create(
        ana,
        product.slug(),
        FieldInput.of("Platforms", "multi_select").withOptions("iOS", "Android"));
    fields.create(ana, product.slug(), FieldInput.of("Notes", "text"));
    return product;
  }

  private String base(Product product) {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition";
  }

  private WorkItem item(Product product, String type, String title, String risk) {
    return items()
        .create(
            ana,
            product.slug(),
            NewWorkItem.of(type, title),
            risk == null ? Map.of() : Map.of("risk", TextNode.valueOf(risk)));
  }

  private WorkItem reread(WorkItem w) {
    return items().get(ana, w.key()).item();
  }

  private String risk(WorkItem w) {
    FieldValue value =
        server
            .app()
            .database()
            .read(h -> server.app().definition().fields().values(h, List.of(w.id())))
            .get(w.id())
            .get("risk");
    return value == null ? null : value.display();
  }

  /** The part of a board page that is the column titled {@code title}. */
  private static String column(String page, String title) {
    int start = page.indexOf("data-title=\"" + title + "\"");
    assertThat(start).as("a column titled " + title).isPositive();
    int end = page.indexOf("</ol>", start);
    return page.substring(start, end);
  }

  @Test
  void aBoardGroupedByASelectFieldHasAColumnPerOptionAndOneForNoValue() {
    Product product = product();
    WorkItem high = item(product, "feature", "Risky payouts", "High");
    WorkItem none = item(product, "feature", "Unrated feature", null);
    WorkItem story = item(product, "story", "A story Risk does not apply to", null);

    Browser.Page board = browser.open(base(product) + "/board?group=risk");

    assertThat(board.status()).isEqualTo(200);
    String body = board.body();
    assertThat(body.indexOf("data-title=\"Low\""))
        .isPositive()
        .isLessThan(body.indexOf("data-title=\"Medium\""));
    assertThat(body.indexOf("data-title=\"High\""))
        .isLessThan(body.indexOf("data-title=\"No value\""));
    assertThat(column(body, "High")).contains("data-key=\"" + high.key() + "\"");
    assertThat(column(body, "No value"))
        .contains("data-key=\"" + none.key() + "\"")
        .contains(
            "data-key=\"" + story.key() + "\" data-version=\"" + story.version() + "\" data-fixed");
    assertThat(column(body, "High")).contains("data-move=\"field=risk&amp;value=High\"");
  }

  @Test
  void theGroupPickerOffersStatusAndTheSingleSelectFieldsOnly() {
    Product product = product();

    Browser.Page board = browser.open(base(product) + "/board");

    String picker =
        board
            .body()
            .substring(
                board.body().indexOf("id=\"group-pick\""), board.body().indexOf("Group</button>"));
    assertThat(picker)
        .contains("<option value=\"status\" selected>Status</option>")
        .contains("<option value=\"risk\">Risk</option>")
        .doesNotContain("Platforms")
        .doesNotContain("Notes");
  }

  @Test
  void movingACardToAnOptionSetsTheFieldAndItsRankInOneChange() {
    Product product = product();
    WorkItem first = item(product, "feature", "First high", "High");
    WorkItem moving = item(product, "bug", "Moving bug", "Low");
    browser.get(base(product) + "/board?group=risk");

    Browser.Page moved =
        browser.htmxPost(
            base(product) + "/items/" + moving.key() + "/move",
            "field",
            "risk",
            "value",
            "High",
            "after",
            first.key(),
            "version",
            Long.toString(moving.version()));

    assertThat(moved.status()).isEqualTo(204);
    WorkItem after = reread(moving);
    assertThat(risk(moving)).isEqualTo("High");
    assertThat(after.position()).isLessThan(reread(first).position());
    assertThat(moved.header("X-Item-Version")).isEqualTo(Long.toString(after.version()));
    assertThat(column(browser.open(base(product) + "/board?group=risk").body(), "High"))
        .contains("data-key=\"" + moving.key() + "\"");
  }

  @Test
  void movingACardToNoValueClearsTheField() {
    Product product = product();
    WorkItem rated = item(product, "feature", "Rated", "Medium");
    browser.get(base(product) + "/board?group=risk");

    Browser.Page moved =
        browser.htmxPost(
            base(product) + "/items/" + rated.key() + "/move",
            "field",
            "risk",
            "value",
            "",
            "version",
            Long.toString(rated.version()));

    assertThat(moved.status()).isEqualTo(204);
    assertThat(risk(rated)).isNull();
  }

  @Test
  void anOptionTheFieldDoesNotHaveIsRefusedAndNothingChanges() {
    Product product = product();
    WorkItem feature = item(product, "feature", "Stays low", "Low");
    double rank = feature.position();
    browser.get(base(product) + "/board?group=risk");

    Browser.Page refused =
        browser.htmxPost(
            base(product) + "/items/" + feature.key() + "/move",
            "field",
            "risk",
            "value",
            "Extreme",
            "before",
            feature.key(),
            "version",
            Long.toString(feature.version()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).startsWith("risk ").contains("Low");
    WorkItem after = reread(feature);
    assertThat(risk(feature)).isEqualTo("Low");
    assertThat(after.position()).isEqualTo(rank);
    assertThat(after.version()).isEqualTo(feature.version());
  }

  @Test
  void aCardOfAKindTheFieldDoesNotApplyToIsRefusedAnOption() {
    Product product = product();
    WorkItem story = item(product, "story", "Not rated", null);
    browser.get(base(product) + "/board?group=risk");

    Browser.Page refused =
        browser.htmxPost(
            base(product) + "/items/" + story.key() + "/move",
            "field",
            "risk",
            "value",
            "High",
            "version",
            Long.toString(story.version()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("does not apply to stories");
    assertThat(risk(story)).isNull();
  }

  @Test
  void aMoveOnAStaleCardIsAConflictAndChangesNothing() {
    Product product = product();
    WorkItem feature = item(product, "feature", "Changed elsewhere", "Low");
    items()
        .update(ana, feature.key(), feature.version(), WorkItemChanges.none().withTitle("Renamed"));
    browser.get(base(product) + "/board?group=risk");

    Browser.Page refused =
        browser.htmxPost(
            base(product) + "/items/" + feature.key() + "/move",
            "field",
            "risk",
            "value",
            "High",
            "version",
            Long.toString(feature.version()));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("changed by someone else");
    assertThat(risk(feature)).isEqualTo("Low");
  }

  @Test
  void theStatusBoardStillRefusesAMoveTheWorkflowDoesNotAllow() {
    Product product = product();
    WorkItem task = item(product, "task", "Not so fast", null);
    Browser.Page board = browser.open(base(product) + "/board");
    assertThat(column(board.body(), "Backlog"))
        .contains("data-move=\"status=Backlog\" data-next=\"");

    Browser.Page refused =
        browser.htmxPost(
            base(product) + "/items/" + task.key() + "/move",
            "status",
            "Done",
            "version",
            Long.toString(task.version()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("cannot move from").contains("Done");
    assertThat(reread(task).state().name()).isEqualTo("Backlog");
  }

  @Test
  void aSavedBoardViewOpensWithItsQueryAndGrouping() {
    Product product = product();
    WorkItem bug = item(product, "bug", "Bug on the view", "Medium");
    item(product, "feature", "Feature off the view", "Medium");
    SavedView view =
        server
            .app()
            .definition()
            .views()
            .create(
                ana,
                product.slug(),
                new ViewInput("Bugs by risk", "board", "type:bug", "risk", null));

    Browser.Page board = browser.open(base(product) + "/board?view=" + view.id());

    assertThat(board.body())
        .contains("<h1>Bugs by risk</h1>")
        .contains("<option value=\"risk\" selected>Risk</option>")
        .doesNotContain("Feature off the view");
    assertThat(column(board.body(), "Medium")).contains("data-key=\"" + bug.key() + "\"");
  }

  @Test
  void aBoardViewSavedFromTheBoardKeepsItsGrouping() {
    Product product = product();
    browser.get(base(product) + "/board?group=risk&q=type:feature");

    Browser.Page saved =
        browser.post(
            base(product) + "/views",
            "layout",
            "board",
            "name",
            "Features by risk",
            "query",
            "type:feature",
            "group",
            "risk");

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).startsWith(base(product) + "/board?view=");
    SavedView view = server.app().definition().views().list(ana, product.slug()).get(0);
    assertThat(view.layout().id()).isEqualTo("board");
    assertThat(view.groupBy()).isEqualTo("risk");
    assertThat(view.query()).isEqualTo("type:feature");
  }
}
