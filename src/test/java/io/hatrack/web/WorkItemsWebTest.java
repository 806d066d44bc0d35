package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Work items in the browser: the form, inline edits, board moves, the tree and the settings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkItemsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;
  private WorkItemService items;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
    items = server.app().definition().workItems();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition";
  }

  private WorkItem item(String type, String title) {
    return items.create(ana, product.slug(), NewWorkItem.of(type, title));
  }

  @Test
  void creatingAFeatureThroughTheFormLeadsToItsPage() {
    browser.get(base() + "/items/new");

    Browser.Page created =
        browser.post(
            base() + "/items",
            "type",
            "feature",
            "title",
            "Saved cards",
            "status",
            "Backlog",
            "estimate",
            "5",
            "description",
            "**Why**: shoppers re-type cards");

    assertThat(created.status()).isEqualTo(302);
    assertThat(created.location()).startsWith(base() + "/items/" + product.key() + "-");
    Browser.Page shown = browser.open(created.location());
    assertThat(shown.body())
        .contains("Saved cards")
        .contains("<strong>Why</strong>")
        .contains("Backlog");
  }

  @Test
  void aFormWithAnInvalidEstimateKeepsTheInputAndNamesTheField() {
    browser.get(base() + "/items/new");

    Browser.Page refused =
        browser.post(base() + "/items", "type", "story", "title", "Kept title", "estimate", "lots");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Estimate").contains("must be a number");
    assertThat(refused.body()).contains("Kept title");
  }

  @Test
  void anInlineStatusChangeAnswersTheUpdatedRow() {
    WorkItem task = item("task", "Inline me");
    browser.get(base() + "/items");

    Browser.Page row =
        browser.htmxPost(
            base() + "/items/" + task.key() + "/inline",
            "field",
            "status",
            "value",
            "Ready",
            "version",
            Long.toString(task.version()));

    assertThat(row.status()).isEqualTo(200);
    assertThat(row.body()).startsWith("<tr").contains("Ready");
    assertThat(items.get(ana, task.key()).item().state().name()).isEqualTo("Ready");
  }

  @Test
  void aBoardMoveTheWorkflowRefusesIsAnsweredWithTheReasonAndChangesNothing() {
    WorkItem task = item("task", "Not so fast");
    browser.get(base() + "/board");

    Browser.Page refused =
        browser.htmxPost(
            base() + "/items/" + task.key() + "/move",
            "status",
            "Done",
            "version",
            Long.toString(task.version()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Done");
    assertThat(items.get(ana, task.key()).item().state().name()).isEqualTo("Backlog");
  }

  @Test
  void aBoardMoveBetweenTwoCardsSavesTheStatusAndARankBetweenThem() {
    WorkItem first = item("task", "First in Ready");
    WorkItem second = item("task", "Second in Ready");
    WorkItem moving = item("task", "Moving");
    for (WorkItem w : new WorkItem[] {first, second}) {
      items.update(
          ana,
          w.key(),
          w.version(),
          io.hatrack.definition.WorkItemChanges.none().withStatus("Ready"));
    }
    double low = items.get(ana, first.key()).item().position();
    double high = items.get(ana, second.key()).item().position();
    browser.get(base() + "/board");

    Browser.Page moved =
        browser.htmxPost(
            base() + "/items/" + moving.key() + "/move",
            "status",
            "Ready",
            "before",
            first.key(),
            "after",
            second.key(),
            "version",
            Long.toString(moving.version()));

    assertThat(moved.status()).isEqualTo(204);
    WorkItem after = items.get(ana, moving.key()).item();
    assertThat(after.state().name()).isEqualTo("Ready");
    assertThat(after.position()).isBetween(Math.min(low, high), Math.max(low, high));
    Browser.Page board = browser.open(base() + "/board");
    assertThat(board.body()).contains("data-key=\"" + moving.key() + "\"");
  }

  @Test
  void theTreeOpensABranchWithItsChildren() {
    WorkItem epic = item("epic", "Branch");
    WorkItem feature =
        items.create(
            ana, product.slug(), NewWorkItem.of("feature", "Leaf feature").withParent(epic.key()));

    Browser.Page tree = browser.open(base() + "/tree");
    Browser.Page branch = browser.open(base() + "/tree/" + epic.key());

    assertThat(tree.body()).contains(epic.key()).contains("1 under it");
    assertThat(branch.body()).contains(feature.key()).contains("Leaf feature");
  }

  @Test
  void theSettingsChangeTheEstimateUnit() {
    Browser.Page page = browser.open(base() + "/settings");
    String version =
        page.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1").trim();

    Browser.Page saved =
        browser.post(
            base() + "/settings/estimates",
            "version",
            version,
            "estimate_unit",
            "days",
            "story_size_limit",
            "8");

    assertThat(saved.status()).isEqualTo(302);
    assertThat(server.app().definition().workflows().settings(ana, product.slug()).storySizeLimit())
        .isEqualTo(8.0);
    assertThat(server.app().definition().workflows().settings(ana, product.slug()).estimateUnit())
        .isEqualTo(io.hatrack.definition.EstimateUnit.DAYS);
  }
}
