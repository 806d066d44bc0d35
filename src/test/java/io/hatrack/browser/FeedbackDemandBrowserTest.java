package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The evidence loop in real Chromium: a PM imports a CSV of support tickets through the preview,
 * the check and the import, links two of the imported items to a feature from their pages, and sees
 * the feature's demand go from nothing to two feedback items from two customers with their revenue
 * added up.
 */
class FeedbackDemandBrowserTest extends ChromiumTest {
  FeedbackDemandBrowserTest() {
    super(1300, 1400);
  }

  private static final String CSV =
      """
      Ticket ID,Comment,Company,Created At,Priority
      T-1,Keep my card on file so I stop typing it at every order,Acme Stores,2026-03-04,3
      T-2,Saved cards please: our buyers re-enter cards all day,Brightwave Retail,2026-03-05,2
      T-3,The invoice PDF has the wrong VAT number,Acme Stores,2026-03-06,1
      """;

  @TempDir Path dir;

  private void clickButton(String text) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='" + text + "']")))
        .click();
  }

  private void linkToFeature(String base, String summaryStart, String featureKey) {
    driver.get(base);
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(summaryStart))).click();
    find("#link-target").sendKeys(featureKey);
    find("form[action$='/links'] button[type=submit]").click();
    wait.until(
        d ->
            d.findElement(By.tagName("main")).getText().contains(featureKey)
                && !d.findElement(By.tagName("main")).getText().contains("Not linked to any work"));
  }

  @Test
  void importedFeedbackLinkedToAFeatureShowsInItsDemand() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    var customers = server.app().discovery().customers();
    customers.create(
        ana,
        ws.slug(),
        new CustomerDraft("Acme Stores", null, "SMB", "", "", "", "", "120000", "arr"));
    customers.create(
        ana,
        ws.slug(),
        new CustomerDraft("Brightwave Retail", null, "Enterprise", "", "", "", "", "5000", "mrr"));
    WorkItem feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));
    String hat = server.url() + "/w/" + ws.slug() + "/" + product.slug();
    Path file = dir.resolve("tickets.csv");
    Files.writeString(file, CSV, StandardCharsets.UTF_8);

    signIn(ana);

    driver.get(hat + "/definition/items/" + feature.key());
    assertThat(find(".fb-demand").getText()).contains("No feedback supports this yet");

    driver.get(hat + "/discovery/feedback/import");
    find("#f-file").sendKeys(file.toAbsolutePath().toString());
    find("form[enctype='multipart/form-data'] button[type=submit]").click();
    clickButton("Check 3 rows");
    clickButton("Import 3 rows");
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Every row was saved"));
    assertThat(find("main").getText()).contains("3 new, 0 updated, 0 unchanged");

    String inbox = hat + "/discovery/feedback";
    linkToFeature(inbox, "Keep my card on file", feature.key());
    linkToFeature(inbox, "Saved cards please", feature.key());

    driver.get(hat + "/definition/items/" + feature.key());
    String demand = find(".fb-demand").getText();
    screenshot("feedback-demand");
    assertThat(demand).doesNotContain("No feedback supports this yet");
    assertThat(demand).containsPattern("Feedback\\s+2");
    assertThat(demand).containsPattern("Customers\\s+2");
    // 120,000 ARR plus 12 x 5,000 MRR.
    assertThat(demand).contains("180,000");
    assertThat(demand).containsPattern("Importance\\s+2\\.5");
  }
}
