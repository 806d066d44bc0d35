package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.research.Insight;
import io.hatrack.discovery.research.InsightDraft;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The search page of a product, where the top bar's search box goes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchWebTest {
  private TestServer server;
  private Browser browser;
  private String base;
  private String productBase;
  private User ana;
  private Feedback feedback;
  private Insight insight;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    server
        .app()
        .definition()
        .workItems()
        .create(
            ana,
            product.slug(),
            NewWorkItem.of("bug", "Payout <img src=x onerror=alert(1)> delayed"));
    feedback =
        server
            .app()
            .discovery()
            .feedback()
            .service()
            .create(
                ana,
                product.slug(),
                FeedbackDraft.of("The settlement report lacks the fees", "support_ticket"));
    insight =
        server
            .app()
            .discovery()
            .research()
            .insights()
            .create(ana, product.slug(), InsightDraft.of("Settlement timing worries finance"));
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
    productBase = "/w/" + ws.slug() + "/" + product.slug();
    base = productBase + "/search";
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void withoutAQueryThePageExplainsTheSyntaxAndOffersTheFilters() {
    Browser.Page page = browser.open(base);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Find anything in")
        .contains("<code>\"saved cards\"</code>")
        .contains("refund OR chargeback")
        .contains("payout -delay")
        .contains("invoic*")
        .contains("name=\"sentiment\"")
        .contains("name=\"source\"")
        .contains("name=\"segment\"")
        .contains("<option value=\"work_item\"");
  }

  @Test
  void resultsShowAKindBadgeAndHighlightedMatchesWithTheRestEscaped() {
    Browser.Page page = browser.open(base + "?q=payout");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("1 result")
        .contains("class=\"badge kind-work_item\">Work item</span>")
        .contains("<mark>Payout</mark> &lt;img src=x onerror=alert(1)&gt; delayed")
        .doesNotContain("<img src=x");
  }

  @Test
  void feedbackAndInsightHitsLinkToTheirOwnPages() {
    Browser.Page page = browser.open(base + "?q=settlement");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("2 results")
        .contains("Feedback, insights and work items")
        .contains("class=\"badge kind-feedback\">Feedback</span>")
        .contains("href=\"" + productBase + "/discovery/feedback/" + feedback.id() + "\"")
        .contains("class=\"badge kind-insight\">Insight</span>")
        .contains("href=\"" + productBase + "/discovery/insights/" + insight.id() + "\"");
    assertThat(browser.open(productBase + "/discovery/feedback/" + feedback.id()).body())
        .contains("lacks the fees");
  }

  @Test
  void theAddressTheApiGivesForAFeedbackHitOpensItsPage() {
    TestServer.Answer found = server.api(ana).get("/api/v1/search?q=fees&kind=feedback");
    String url = found.json().path("items").get(0).path("url").asText();

    Browser.Page page = browser.get(url);

    assertThat(url).isEqualTo("/i/" + feedback.key());
    assertThat(page.location()).endsWith("/discovery/feedback/" + feedback.id());
    assertThat(browser.open(url).body()).contains("lacks the fees");
  }

  @Test
  void nothingFoundSaysSoAndOffersToDropTheFilters() {
    Browser.Page page = browser.open(base + "?q=kangaroo&sentiment=negative");

    assertThat(page.body()).contains("Nothing matches kangaroo").contains("Search without filters");
  }

  @Test
  void aBadFilterAnswers422WithTheReasonByTheField() {
    Browser.Page page = browser.get(base + "?q=payout&from=someday");

    assertThat(page.status()).isEqualTo(422);
    assertThat(page.body()).contains("From must be a date such as 2025-01-31");
  }

  @Test
  void theTopBarSearchGoesToTheProductsSearchPage() {
    Browser.Page page = browser.open(base.replace("/search", "/definition/items"));

    assertThat(page.body()).contains("action=\"" + base + "\"");
  }
}
