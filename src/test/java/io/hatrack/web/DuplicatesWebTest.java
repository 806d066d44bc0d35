package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Possible duplicates in the browser: the page, the scan with its progress, the side panel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesWebTest {
  private static final String CARDS =
      "Please let us save cards so that customers can pay with one click at checkout";

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

  private FeedbackService feedback() {
    return server.app().discovery().feedback().service();
  }

  private String base(Product product) {
    return "/w/" + ws.slug() + "/" + product.slug() + "/discovery/feedback";
  }

  @Test
  void withoutDuplicatesThePageExplainsItselfAndTheInboxOffersAScan() {
    Product product = server.product(ana, ws);
    feedback().create(ana, product.slug(), FeedbackDraft.of(CARDS, "email"));

    Browser.Page page = browser.get(base(product) + "/duplicates");
    Browser.Page banner = browser.htmxGet(base(product) + "/duplicates/banner");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("No possible duplicates").contains("Scan all feedback");
    assertThat(banner.body()).contains("Scan for duplicates");
  }

  @Test
  void aScanFromThePageShowsItsProgressAndThenItsGroups() throws Exception {
    Product product = server.product(ana, ws);
    Feedback a = feedback().create(ana, product.slug(), FeedbackDraft.of(CARDS, "email"));
    Feedback b =
        feedback().create(ana, product.slug(), FeedbackDraft.of(CARDS + " next time", "email"));
    server
        .app()
        .database()
        .txVoid(
            h ->
                h.execute(
                    "DELETE FROM feedback_duplicate_pair WHERE product_id = ?", product.id()));
    browser.get(base(product) + "/duplicates");

    Browser.Page started = browser.post(base(product) + "/duplicates/scan");

    assertThat(started.status()).isEqualTo(302);
    assertThat(started.location()).contains(base(product) + "/duplicates?job=");
    String job = started.location().substring(started.location().indexOf("job=") + 4);
    server.app().jobs().await(job, Duration.ofSeconds(30));
    Browser.Page page = browser.get(started.location());
    assertThat(page.body())
        .contains("Find duplicates in the feedback of")
        .contains("1 suggested pair; the most similar 1 shown in 1 group")
        .contains(a.key())
        .contains(b.key())
        .contains("Merge into " + a.key());
  }

  @Test
  void theFeedbackPageListsItsPossibleDuplicateAndDismissingItRemembersIt() {
    Product product = server.product(ana, ws);
    Feedback a = feedback().create(ana, product.slug(), FeedbackDraft.of(CARDS, "email"));
    Feedback b =
        feedback().create(ana, product.slug(), FeedbackDraft.of(CARDS + " next time", "email"));
    browser.get(base(product) + "/" + b.id());

    Browser.Page section = browser.htmxGet("/items/" + b.id() + "/duplicates");
    Browser.Page dismissed =
        browser.post(
            base(product) + "/duplicates/dismiss",
            "keep",
            Long.toString(b.id()),
            "other",
            Long.toString(a.id()),
            "back",
            base(product) + "/" + b.id());

    assertThat(section.body()).contains(a.key()).contains("Not a duplicate");
    assertThat(dismissed.location()).isEqualTo(base(product) + "/" + b.id());
    assertThat(browser.htmxGet("/items/" + b.id() + "/duplicates").body())
        .contains("No feedback of this product says nearly the same");
  }
}
