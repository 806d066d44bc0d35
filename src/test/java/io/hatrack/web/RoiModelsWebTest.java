package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.roi.RoiModel;
import io.hatrack.planning.roi.RoiService;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ROI pages: list, editor with lines added by htmx, results with charts, compare, value. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoiModelsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;
  private WorkItem feature;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
    feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private RoiService roi() {
    return server.app().planning().roi().service();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/planning/roi";
  }

  private static String[] model(String name, String item, String low) {
    return new String[] {
      "name",
      name,
      "item",
      item,
      "periodicity",
      "yearly",
      "horizon",
      "3",
      "discount_rate",
      "10",
      "line_count",
      "3",
      "line_0_kind",
      "one_off_cost",
      "line_0_label",
      "Build",
      "line_0_from",
      "0",
      "line_0_to",
      "0",
      "line_0_ramp",
      "0",
      "line_0_spread",
      "fixed",
      "line_0_low",
      "",
      "line_0_likely",
      "2,000",
      "line_0_high",
      "",
      "line_1_kind",
      "cost_saved",
      "line_1_label",
      "Savings",
      "line_1_from",
      "1",
      "line_1_to",
      "2",
      "line_1_ramp",
      "0",
      "line_1_spread",
      "pert",
      "line_1_low",
      low,
      "line_1_likely",
      "500",
      "line_1_high",
      "900",
      "line_2_kind",
      "new_revenue",
      "line_2_label",
      "Sales",
      "line_2_from",
      "3",
      "line_2_to",
      "3",
      "line_2_ramp",
      "0",
      "line_2_spread",
      "fixed",
      "line_2_low",
      "",
      "line_2_likely",
      "5000",
      "line_2_high",
      "",
      "_action",
      "save"
    };
  }

  @Test
  void theListExplainsItselfWhenEmptyAndTheEditorAddsLinesWithHtmx() {
    Browser.Page list = browser.get(base());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("ROI models");

    Browser.Page form = browser.get(base() + "/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"line_count\" value=\"2\"").contains(feature.key());

    Browser.Page added =
        browser.htmxPost(
            base(),
            "name",
            "Draft",
            "line_count",
            "2",
            "line_0_kind",
            "one_off_cost",
            "line_1_kind",
            "new_revenue",
            "_action",
            "add-line");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body()).contains("name=\"line_count\" value=\"3\"").contains("line_2_kind");
    Browser.Page removed =
        browser.htmxPost(
            base(),
            "name",
            "Draft",
            "line_count",
            "2",
            "line_0_kind",
            "one_off_cost",
            "line_1_kind",
            "new_revenue",
            "_action",
            "remove-line:0");
    assertThat(removed.body()).contains("name=\"line_count\" value=\"1\"");
  }

  @Test
  void badInputComesBackWithTheMessageNextToTheLineField() {
    Browser.Page refused = browser.post(base(), model("Bad", "", "700"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("must not be more than the likely amount")
        .contains("value=\"Bad\"");
  }

  @Test
  void aStaleEditShowsTheConflictWithBothChoices() {
    Browser.Page created = browser.post(base(), model("Edited twice", "", "300"));
    String page = created.location();
    Browser.Page edit = browser.get(page + "/edit");
    assertThat(edit.body()).contains("name=\"version\" value=\"1\"");
    java.util.List<String> fields =
        new java.util.ArrayList<>(java.util.List.of(model("Mine", "", "300")));
    fields.addAll(java.util.List.of("version", "1"));
    assertThat(browser.post(page, fields.toArray(String[]::new)).status()).isEqualTo(302);

    browser.get(page + "/edit");
    Browser.Page stale = browser.post(page, fields.toArray(String[]::new));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body())
        .contains("Someone else saved this model")
        .contains("Overwrite with mine");
  }

  @Test
  void aModelShowsItsResultsChartsAndCanBeSimulatedAndUsedAsValue() {
    Browser.Page created = browser.post(base(), model("Project A", feature.key(), "300"));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String page = created.location();

    Browser.Page show = browser.get(page);
    assertThat(show.status()).isEqualTo(200);
    assertThat(show.body())
        .contains("$2,624")
        .contains("2.2 years")
        .contains("data-roi-chart")
        .contains("echarts.min.js")
        .contains("Not simulated");

    Browser.Page simulated = browser.post(page + "/simulate", "draws", "2000", "seed", "5");
    assertThat(simulated.status()).isEqualTo(302);
    Browser.Page after = browser.get(page);
    assertThat(after.body()).contains("P(NPV &gt; 0)").contains("histogram").contains("seed 5");

    Browser.Page used = browser.post(page + "/use-as-value");
    assertThat(used.status()).isEqualTo(302);
    RoiModel m =
        roi().list(ana, product.slug()).models().stream()
            .filter(v -> v.model().name().equals("Project A"))
            .findFirst()
            .orElseThrow()
            .model();
    assertThat(m.valueBasis()).isEqualTo("p50");

    Browser.Page compare = browser.get(base() + "/compare?ids=" + m.id());
    assertThat(compare.status()).isEqualTo(200);
    assertThat(compare.body())
        .contains("Project A")
        .contains("NPV by option")
        .contains("data-roi-chart");
    Browser.Page list = browser.get(base());
    assertThat(list.body()).contains("Project A").contains(feature.key());
  }
}
