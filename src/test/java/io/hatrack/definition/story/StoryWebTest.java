package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The story fragments of the item page: the quality checklist and the acceptance form. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryWebTest {
  private static final String CRITERIA =
      "Scenario: Save a card\n  Given a shopper\n  When they pay\n  Then the card is saved";

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

  private WorkItem story(String title) {
    return server
        .app()
        .definition()
        .workItems()
        .create(ana, product.slug(), NewWorkItem.of("story", title));
  }

  private String itemPath(WorkItem item) {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition/items/" + item.key();
  }

  private WorkItem reload(WorkItem item) {
    return server.app().definition().workItems().get(ana, item.key()).item();
  }

  private String flash() {
    String cookie = browser.cookie("hatrack_flash");
    return cookie == null
        ? ""
        : new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
  }

  @Test
  void theQualityFragmentIsAChecklistWithAVerdictPerFinding() {
    WorkItem story = story("Pay fast");

    Browser.Page fragment = browser.get(itemPath(story) + "/quality");

    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body().strip())
        .startsWith("<section class=\"card story-quality\" id=\"story-quality\"")
        .doesNotContain("<html")
        .contains("2 passed")
        .contains("2 warnings")
        .contains("5 failed")
        .contains("<strong>Estimable</strong> No estimate yet.")
        .contains("class=\"quality-item q-failed\"")
        .contains("<span class=\"visually-hidden\">Failed:</span>")
        .contains("\u201cfast\u201d in the title is vague")
        .contains("hx-get=\"" + itemPath(story) + "/quality\"")
        .contains("hx-trigger=\"" + StoryRoutes.SAVED_EVENT + " from:body\"");
  }

  @Test
  void savingWithHtmxAnswersTheSectionWithTheScenariosAndTellsTheQualityCheck() {
    WorkItem story = story("Save a card");
    String path = itemPath(story) + "/acceptance";

    Browser.Page answer = browser.htmxPost(path, "version", "1", "acceptance", CRITERIA);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("HX-Trigger")).isEqualTo(StoryRoutes.SAVED_EVENT);
    assertThat(answer.body().strip())
        .startsWith("<section class=\"card story-acceptance\" id=\"story-acceptance\"")
        .contains("<span class=\"gherkin-keyword\">Scenario:</span> Save a card")
        .contains("<span class=\"gherkin-keyword\">Given</span> a shopper")
        .contains("name=\"version\" value=\"2\"")
        .contains("hx-post=\"" + path + "\"");
    assertThat(reload(story).acceptance()).isEqualTo(CRITERIA);
  }

  @Test
  void refusedCriteriaComeBackWithTheLineAndTheTextAsTyped() {
    WorkItem story = story("Save a card");

    Browser.Page answer =
        browser.htmxPost(
            itemPath(story) + "/acceptance",
            "version",
            "1",
            "acceptance",
            "Scenario: A\n  When <they> pay\n");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("Not saved.")
        .contains("line 1: \u201cA\u201d has no \u201cThen\u201d step")
        .contains("Scenario: A\n  When &lt;they&gt; pay")
        .contains("<details class=\"story-edit\" open>");
    assertThat(reload(story).version()).isEqualTo(1);
  }

  @Test
  void aStaleVersionShowsTheConflictAndKeepsTheText() {
    WorkItem story = story("Save a card");
    server.app().definition().stories().saveAcceptance(ana, story.key(), 1, CRITERIA);

    Browser.Page answer =
        browser.htmxPost(
            itemPath(story) + "/acceptance",
            "version",
            "1",
            "acceptance",
            "Scenario: Mine\n Then x");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("Someone else changed " + story.key() + " while you were editing")
        .contains("Scenario: Mine")
        .contains("name=\"version\" value=\"2\"")
        .contains("Overwrite with mine");
    assertThat(reload(story).acceptance()).isEqualTo(CRITERIA);
  }

  @Test
  void withoutHtmxTheFormRedirectsBackToTheItemWithAFlash() {
    WorkItem story = story("Save a card");
    browser.get(itemPath(story) + "/quality");

    Browser.Page saved =
        browser.post(itemPath(story) + "/acceptance", "version", "1", "acceptance", CRITERIA);

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).isEqualTo(itemPath(story));
    assertThat(flash()).contains("Saved the acceptance criteria.");

    Browser.Page refused =
        browser.post(itemPath(story) + "/acceptance", "version", "2", "acceptance", "Then x");
    assertThat(refused.location()).isEqualTo(itemPath(story));
    assertThat(flash()).startsWith("error").contains("not saved: line 1:");

    Browser.Page stale =
        browser.post(itemPath(story) + "/acceptance", "version", "1", "acceptance", CRITERIA);
    assertThat(stale.location()).isEqualTo(itemPath(story));
    assertThat(flash()).contains("Someone else changed " + story.key());
  }

  @Test
  void aViewerSeesTheCriteriaWithoutTheForm() {
    WorkItem story = story("Save a card");
    server.app().definition().stories().saveAcceptance(ana, story.key(), 1, CRITERIA);
    User vic = server.user("Vic");
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    Browser viewer = new Browser(server.url());
    viewer.signIn(vic.email(), "password123");

    Browser.Page fragment = viewer.get(itemPath(story) + "/acceptance");

    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body()).contains("Save a card").doesNotContain("<form");
    assertThat(
            viewer
                .htmxPost(itemPath(story) + "/acceptance", "version", "2", "acceptance", "")
                .status())
        .isEqualTo(403);
  }

  @Test
  void theFeatureFileDownloadsFromThePage() {
    WorkItem story = story("Save a card");
    server.app().definition().stories().saveAcceptance(ana, story.key(), 1, CRITERIA);

    Browser.Page file = browser.get(itemPath(story) + "/gherkin");

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + story.key() + ".feature\"");
    assertThat(ReferenceGherkin.parse(file.body()).pickles()).hasSize(1);
  }

  @Test
  void anItemOfAnotherProductIsNotFoundUnderThisOne() {
    Product other = server.product(ana, ws);
    WorkItem elsewhere =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, other.slug(), NewWorkItem.of("story", "Elsewhere"));

    Browser.Page page =
        browser.get(
            "/w/"
                + ws.slug()
                + "/"
                + product.slug()
                + "/definition/items/"
                + elsewhere.id()
                + "/quality");

    assertThat(page.status()).isEqualTo(404);
  }
}
