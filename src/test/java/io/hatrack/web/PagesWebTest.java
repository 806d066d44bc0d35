package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.pages.Page;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pages in the browser: writing, conflicts between two editors, deleting with undo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesWebTest {
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

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/pages";
  }

  @Test
  void writingAPageLeadsToItWithItsKeyAndRenderedMarkdown() {
    browser.get(base() + "/new");

    Browser.Page created =
        browser.post(base(), "title", "Launch plan", "body", "## Steps\n<script>alert(1)</script>");

    assertThat(created.location()).startsWith(base() + "/");
    Browser.Page shown = browser.open(created.location());
    assertThat(shown.body()).contains("<h2>Steps</h2>").contains(product.key() + "-");
    assertThat(shown.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
  }

  @Test
  void aBlankTitleKeepsWhatWasTypedAndSaysWhatIsMissing() {
    browser.get(base() + "/new");

    Browser.Page refused = browser.post(base(), "title", " ", "body", "kept text");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Title must not be blank").contains("kept text");
  }

  @Test
  void savingOverSomeoneElsesChangeShowsTheConflictAndOverwritesOnlyWhenAsked() {
    Page page = server.app().pages().create(ana, product.slug(), "Shared", "original");
    String path = base() + "/" + page.id();
    browser.get(path + "/edit");
    server.app().pages().update(ana, page.item().key(), 1, null, "their change");

    Browser.Page conflict =
        browser.post(path, "version", "1", "title", "Shared", "body", "my change");

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("Someone else saved this page")
        .contains("my change")
        .contains("Overwrite with mine");
    assertThat(server.app().pages().get(ana, page.item().key()).page().body())
        .isEqualTo("their change");

    Browser.Page overwritten =
        browser.post(path, "version", "2", "title", "Shared", "body", "my change");

    assertThat(overwritten.location()).isEqualTo(path);
    assertThat(server.app().pages().get(ana, page.item().key()).page().body())
        .isEqualTo("my change");
  }

  @Test
  void deletingOffersUndoWhichBringsThePageBack() {
    Page page = server.app().pages().create(ana, product.slug(), "Short-lived", "x");
    String path = base() + "/" + page.id();
    browser.get(path);

    Browser.Page deleted = browser.post(path + "/delete", "version", "1");
    Browser.Page list = browser.get(deleted.location());

    assertThat(list.body())
        .contains("Deleted the page")
        .contains("action=\"" + path + "/restore\"")
        .contains(">Undo<");
    assertThat(browser.get(path).status()).isEqualTo(404);

    browser.post(path + "/restore");

    assertThat(browser.get(path).status()).isEqualTo(200);
  }

  @Test
  void everyHatNotBuiltYetSaysSoPlainly() {
    // Market: a hat no part of issue 6 builds (Delivery is built since the sprints).
    Browser.Page market = browser.get("/w/" + ws.slug() + "/" + product.slug() + "/market");

    assertThat(market.status()).isEqualTo(200);
    assertThat(market.body()).contains("The Market hat is coming").contains("not built yet");
    assertThat(browser.get("/w/" + ws.slug() + "/" + product.slug() + "/no-such-hat").status())
        .isEqualTo(404);
  }

  @Test
  void theFeedbackHatOpensTheFeedbackInbox() {
    String base = "/w/" + ws.slug() + "/" + product.slug();

    Browser.Page feedback = browser.get(base + "/feedback");

    assertThat(feedback.location()).isEqualTo(base + "/discovery/feedback");
    assertThat(browser.get(feedback.location()).status()).isEqualTo(200);
  }

  @Test
  void anItemKeyOpensTheItemsPage() {
    Page page = server.app().pages().create(ana, product.slug(), "By key", "");

    Browser.Page answer = browser.get("/i/" + page.item().key());

    assertThat(answer.location()).isEqualTo(base() + "/" + page.id());
  }

  @Test
  void thePaletteFindsItemsByKeyAndOffersCommands() {
    Page page = server.app().pages().create(ana, product.slug(), "Palette target", "");

    Browser.Page found = browser.get("/palette?q=" + page.item().key());

    assertThat(found.body()).contains("Palette target").contains("/i/" + page.item().key());
    assertThat(browser.get("/palette?q=token").body()).contains("New API token");
  }
}
