package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.backlog.ModelConfig;
import io.hatrack.planning.backlog.ModelDraft;
import io.hatrack.planning.teams.TeamDraft;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 5's loop in real Chromium: a PM scores three features with RICE on their pages, solves a
 * release plan for March 2027 in which one team can do two of the three, then asks "what if the
 * team had ten more days" and sees the what-if take the third feature in.
 */
class ReleasePlanBrowserTest extends ChromiumTest {
  ReleasePlanBrowserTest() {
    super(1300, 1600, Duration.ofSeconds(40));
  }

  /** Types RICE inputs into the Scores panel of an item's page and saves them. */
  private void scoreWithRice(WorkItem feature, String reach, String impact, String confidence) {
    go("/i/" + feature.key());
    WebElement panel = find("#pl-scores");
    WebElement rice = panel.findElement(By.cssSelector("details.pl-score"));
    if (rice.getAttribute("open") == null) {
      rice.findElement(By.tagName("summary")).click();
    }
    for (Map.Entry<String, String> in :
        Map.of("reach", reach, "impact", impact, "confidence", confidence, "effort", "1")
            .entrySet()) {
      WebElement field = panel.findElement(By.cssSelector("input[name='in_" + in.getKey() + "']"));
      field.clear();
      field.sendKeys(in.getValue());
    }
    panel.findElement(By.xpath(".//button[normalize-space(.)='Save RICE']")).click();
    // Saved, the panel folds the model away and shows the score in its summary line.
    wait.until(d -> working().contains("="));
  }

  @Test
  void scoredFeaturesArePlannedUnderCapacityAndAWhatIfWithMoreCapacityTakesTheThirdIn()
      throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    var app = server.app();
    app.planning()
        .backlog()
        .scoring()
        .create(ana, product.slug(), new ModelDraft("RICE", "rice", ModelConfig.empty(), true));
    var teams = app.planning().releasePlanning().teams();
    var team = teams.create(ana, ws.slug(), TeamDraft.named("Payments"));
    // One engineer full time: March 2027 has 23 working days, room for two 10-day features.
    teams.putMember(ana, ws.slug(), team.slug(), Long.toString(ana.id()), 100);
    WorkItem cards = feature(ana, product, "One-click saved cards", team.slug());
    WorkItem retry = feature(ana, product, "3-D Secure retry", team.slug());
    WorkItem invoices = feature(ana, product, "CSV invoice export", team.slug());
    signIn(ana);

    scoreWithRice(cards, "2000", "2", "80");
    scoreWithRice(retry, "800", "1", "100");
    scoreWithRice(invoices, "300", "0.5", "50");

    assertThat(working()).contains("300 × 0.5 × 50% / 1 = 75");
    assertThat(find("#pl-scores .pl-value").getText()).isEqualTo("75");
    String plans = "/w/" + ws.slug() + "/" + product.slug() + "/planning/plans";
    go(plans);
    find("input[name='name']").sendKeys("March plan");
    WebElement periods = find("input[name='periods']");
    periods.clear(); // it suggests the next two quarters
    periods.sendKeys("2027-03");
    find("form.plan-form button[type=submit]").click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".plan-greedy")));
    screenshot("release-plan-solved");
    String planUrl = driver.getCurrentUrl();

    assertThat(find(".plan-left-out").getText())
        .contains(invoices.key())
        .doesNotContain(cards.key())
        .doesNotContain(retry.key());
    assertThat(find(".plan-greedy").getText()).contains("the optimiser gives");
    find("#f-change").sendKeys("10");
    find("#scenarios input[name='name']").sendKeys("Ten more days");
    find("#scenarios form.plan-form button[type=submit]").click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".plan-scenarios")));
    screenshot("release-plan-what-if");

    assertThat(driver.getCurrentUrl()).startsWith(planUrl);
    String sideBySide = find(".plan-scenarios").getText();
    assertThat(sideBySide).containsIgnoringCase("Ten more days");
    assertThat(rowOf("Planned items")).endsWith("2 3");
    assertThat(rowOf("Items in")).contains(invoices.key());
    assertThat(rowOf("Items out")).containsIgnoringCase("none");
  }

  private String working() {
    var found = driver.findElements(By.cssSelector("#pl-scores .pl-working"));
    return found.isEmpty() ? "" : found.get(0).getAttribute("textContent");
  }

  private String rowOf(String header) {
    return driver
        .findElement(
            By.xpath(
                "//table[contains(@class,'plan-scenarios')]//tr[th[normalize-space(.)='"
                    + header
                    + "']]"))
        .getText()
        .strip();
  }

  private WorkItem feature(User ana, Product product, String title, String team) {
    WorkItem w =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", title));
    server.app().planning().releasePlanning().teams().setEfforts(ana, w.key(), Map.of(team, 10.0));
    return w;
  }
}
