package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.backlog.ModelDraft;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The backlog page, the scoring model settings and the scores panel of a work item. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringWebTest {
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

  private String hat() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/planning";
  }

  @Test
  void theBacklogExplainsItselfWithoutModelsAndShowsEveryModelAsAColumn() {
    server
        .app()
        .definition()
        .workItems()
        .create(ana, product.slug(), NewWorkItem.of("feature", "Invoice export"));
    Browser.Page empty = browser.get(hat() + "/backlog");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No scoring models yet").contains("Invoice export");

    Browser.Page created =
        browser.post(hat() + "/models", "name", "RICE", "kind", "rice", "config", "");
    assertThat(created.status()).isIn(200, 302, 303);
    Browser.Page refused =
        browser.post(
            hat() + "/models", "name", "F", "kind", "formula", "config", "{\"formula\": \"(\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("config.formula");

    Browser.Page page = browser.get(hat() + "/backlog");
    assertThat(page.body())
        .contains(">RICE")
        .contains("Invoice export")
        .contains("planning-backlog.js");
    assertThat(browser.get(hat()).body()).contains("Ranked backlog");
    assertThat(browser.get(hat() + "/backlog/sensitivity?input=confidence").status())
        .isEqualTo(200);
  }

  @Test
  void theItemPanelShowsTheScoreWithItsWorkingAndSavesEditedInputs() {
    server
        .app()
        .planning()
        .backlog()
        .scoring()
        .create(ana, product.slug(), new ModelDraft("WSJF", "wsjf", null, false));
    WorkItem w =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "Next-day payouts"));
    String model =
        Long.toString(
            server.app().planning().backlog().scoring().model(ana, product.slug(), "WSJF").id());

    Browser.Page panel = browser.htmxGet("/items/" + w.id() + "/scores");
    assertThat(panel.body())
        .contains("WSJF")
        .contains("Fill from evidence")
        .contains("business_value");

    Browser.Page saved =
        browser.htmxPost(
            "/items/" + w.id() + "/scores/" + model,
            "version",
            "0",
            "in_business_value",
            "13",
            "in_time_criticality",
            "8",
            "in_risk_reduction",
            "3",
            "in_job_size",
            "8");
    assertThat(saved.body()).contains("Saved the WSJF score").contains("(13 + 8 + 3) / 8 = 3");

    Browser.Page bad =
        browser.htmxPost(
            "/items/" + w.id() + "/scores/" + model,
            "version",
            "1",
            "in_business_value",
            "4",
            "in_time_criticality",
            "8",
            "in_risk_reduction",
            "3",
            "in_job_size",
            "8");
    assertThat(bad.body()).contains("business_value must be one of 1, 2, 3, 5, 8, 13, 20");
  }
}
