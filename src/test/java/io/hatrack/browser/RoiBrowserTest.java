package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.roi.RoiDraft;
import io.hatrack.planning.roi.RoiDraft.LineDraft;
import io.hatrack.planning.roi.RoiModel;
import io.hatrack.planning.roi.RoiService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A PM opens a simulated ROI model in real Chromium and sees both charts drawn (ECharts, SVG), adds
 * a line in the editor without leaving the page (htmx), and compares two models with their chart.
 */
class RoiBrowserTest extends ChromiumTest {
  RoiBrowserTest() {
    super(1300, 1600);
  }

  private static RoiDraft draft(String name, double build) {
    return new RoiDraft(
        name,
        "",
        null,
        "monthly",
        24,
        10.0,
        List.of(
            new LineDraft(
                "one_off_cost", "Build", 0, 0, 0, "pert", build * 0.8, build, build * 1.5),
            new LineDraft(
                "new_revenue", "Uplift", 2, 24, 4, "triangular", 3_000.0, 6_000.0, 9_000.0)));
  }

  @Test
  void chartsDrawAndTheEditorAddsALineInPlace() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    RoiService roi = server.app().planning().roi().service();
    RoiModel a = roi.create(ana, product.slug(), draft("Own token flow", 90_000));
    RoiModel b = roi.create(ana, product.slug(), draft("Hosted vault", 40_000));
    roi.simulate(ana, product.slug(), a.id(), null, 1L);
    String base = "/w/" + ws.slug() + "/" + product.slug() + "/planning/roi";

    signIn(ana);
    go(base + "/" + a.id());
    find(".roi-chart svg");
    wait.until(d -> d.findElements(By.cssSelector(".roi-chart svg")).size() == 2);
    assertThat(find("#simulation").getText()).contains("P50").contains("P(NPV > 0)");
    assertThat(driver.findElements(By.cssSelector(".roi-csv"))).hasSize(2);
    screenshot("roi-model");

    go(base + "/" + a.id() + "/edit");
    int before = driver.findElements(By.cssSelector(".roi-lines-table tbody tr")).size();
    find("button[value='add-line']").click();
    wait.until(
        d -> d.findElements(By.cssSelector(".roi-lines-table tbody tr")).size() == before + 1);
    assertThat(driver.getCurrentUrl()).endsWith("/edit");
    screenshot("roi-editor");

    go(base);
    assertThat(find(".roi-table").getText()).contains("Own token flow").contains("Hosted vault");
    screenshot("roi-list");

    go(base + "/compare?ids=" + a.id() + "," + b.id());
    find(".roi-chart svg");
    assertThat(find(".roi-compare").getText())
        .containsIgnoringCase("Own token flow")
        .containsIgnoringCase("Hosted vault");
    screenshot("roi-compare");
  }
}
