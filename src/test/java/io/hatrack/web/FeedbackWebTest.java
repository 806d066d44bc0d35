package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.FeedbackStatus;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The feedback inbox in the browser: the inbox, adding, the feedback page, demand on a feature. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackWebTest {
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
  void anEmptyInboxExplainsItselfAndOffersTheForm() {
    Product product = server.product(ana, ws);

    Browser.Page page = browser.get(base(product));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("No feedback yet").contains("Add to the inbox");
    assertThat(page.body()).contains("aria-current=\"page\">Feedback</a>");
  }

  @Test
  void theAddFormLoadsWhenOpenedOrOpensInThePageWithoutScript() {
    Product product = server.product(ana, ws);
    browser.post(base(product), "text", "First", "source", "email");

    Browser.Page inbox = browser.get(base(product));
    Browser.Page fragment = browser.htmxGet(base(product) + "/new");
    Browser.Page page = browser.get(base(product) + "/new");

    assertThat(inbox.body())
        .doesNotContain("Add to the inbox")
        .contains("hx-get=\"" + base(product) + "/new\"");
    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body()).contains("Add to the inbox").doesNotContain("<html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<details class=\"card fb-new\" open")
        .contains("Add to the inbox");
  }

  @Test
  void addingFeedbackShowsItInTheInboxAndABlankTextIsRefusedByTheField() {
    Product product = server.product(ana, ws);
    browser.get(base(product));

    Browser.Page refused =
        browser.post(base(product), "text", "  ", "source", "email", "importance", "2");
    Browser.Page added =
        browser.post(
            base(product),
            "text",
            "Invoices need our VAT number\nFor the German entity",
            "source",
            "email",
            "happened_at",
            "2025-04-02",
            "importance",
            "2",
            "tags",
            "Invoices, tax");
    Browser.Page inbox = browser.get(base(product));
    Browser.Page emailOnly = browser.get(base(product) + "?source=email&tag=tax");
    Browser.Page none = browser.get(base(product) + "?source=portal");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("id=\"new-e-text\"").contains("must not be blank");
    assertThat(added.status()).isEqualTo(302);
    assertThat(inbox.body()).contains("Invoices need our VAT number").contains("important");
    assertThat(inbox.body()).contains(">invoices</span>").contains(">tax</span>");
    assertThat(emailOnly.body()).contains("Invoices need our VAT number");
    assertThat(none.body()).contains("No feedback matches");
  }

  @Test
  void theFeedbackPageLinksToAFeatureWhoseDemandPanelCountsIt() {
    Product product = server.product(ana, ws);
    WorkItem feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "Saved cards"));
    Feedback f =
        feedback().create(ana, product.slug(), FeedbackDraft.of("Keep my card", "support_ticket"));
    String page = base(product) + "/" + f.id();
    browser.get(page);

    Browser.Page wrong = browser.post(page + "/links", "target", "NOPE-9");
    Browser.Page linked = browser.post(page + "/links", "target", feature.key());
    Browser.Page shown = browser.get(page);
    Browser.Page item =
        browser.get(
            "/w/" + ws.slug() + "/" + product.slug() + "/definition/items/" + feature.key());
    Browser.Page demand = browser.get("/items/" + feature.id() + "/demand");

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("id=\"e-link\"");
    assertThat(linked.status()).isEqualTo(302);
    assertThat(shown.body())
        .contains(feature.key())
        .contains("Saved cards")
        .contains(">Linked</span>");
    assertThat(item.body()).contains("hx-get=\"/items/" + feature.id() + "/demand\"");
    assertThat(demand.status()).isEqualTo(200);
    assertThat(demand.body()).contains("Demand").contains("<dt>Feedback</dt><dd>1</dd>");
  }

  @Test
  void mergingStatusAndDeleteWithUndoWorkFromTheFeedbackPage() {
    Product product = server.product(ana, ws);
    Feedback target =
        feedback().create(ana, product.slug(), FeedbackDraft.of("Apple Pay", "portal"));
    Feedback dup =
        feedback().create(ana, product.slug(), FeedbackDraft.of("Apple Pay please", "email"));
    String page = base(product) + "/" + target.id();
    browser.get(page);

    Browser.Page badMerge = browser.post(page + "/merge", "ids", target.key());
    Browser.Page merged = browser.post(page + "/merge", "ids", dup.key());
    Browser.Page afterMerge = browser.get(page);
    long version = feedback().get(ana, target.key()).feedback().version();
    Browser.Page moved =
        browser.post(page + "/status", "status", "triaged", "version", Long.toString(version));
    Browser.Page deleted = browser.post(page + "/delete", "version", Long.toString(version + 1));
    Browser.Page inbox = browser.get(base(product));

    assertThat(badMerge.status()).isEqualTo(422);
    assertThat(badMerge.body()).contains("id=\"e-merge\"");
    assertThat(merged.status()).isEqualTo(302);
    assertThat(afterMerge.body()).contains("Merged duplicates <span class=\"muted\">(1)</span>");
    assertThat(feedback().get(ana, dup.key()).feedback().status())
        .isEqualTo(FeedbackStatus.ARCHIVED);
    assertThat(moved.status()).isEqualTo(302);
    assertThat(deleted.status()).isEqualTo(302);
    assertThat(inbox.body()).contains("Undo").contains(page + "/restore");
    browser.post(page + "/restore");
    assertThat(feedback().get(ana, target.key()).feedback().status())
        .isEqualTo(FeedbackStatus.TRIAGED);
    assertThat(List.of(target.id())).isNotEmpty();
  }

  @Test
  void aStaleEditShowsTheConflictWithItsChoices() {
    Product product = server.product(ana, ws);
    Feedback f = feedback().create(ana, product.slug(), FeedbackDraft.of("Refunds slow", "email"));
    feedback().setStatus(ana, f.key(), 1, "triaged");
    String page = base(product) + "/" + f.id();
    browser.get(page);

    Browser.Page stale =
        browser.post(page, "version", "1", "text", "Refunds are slow", "source", "email");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body())
        .contains("Someone else changed this feedback")
        .contains("Overwrite with mine");
  }
}
