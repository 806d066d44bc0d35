package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A PM sees in the inbox that two pieces of feedback say the same, opens the possible duplicates,
 * compares the texts side by side and merges them after confirming; the duplicate then counts on
 * the feedback kept, and nothing is suggested any more.
 */
class DuplicatesBrowserTest extends ChromiumTest {
  DuplicatesBrowserTest() {
    super(1300, 1200);
  }

  @Test
  void theInboxShowsAPossibleDuplicateAndMergingItAfterConfirmingKeepsItsSource() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    FeedbackService feedback = server.app().discovery().feedback().service();
    Feedback first =
        feedback.create(
            ana,
            product.slug(),
            FeedbackDraft.of(
                "Please let us save cards so that customers can pay with one click at checkout",
                "support_ticket"));
    Feedback second =
        feedback.create(
            ana,
            product.slug(),
            FeedbackDraft.of(
                "Please let us save cards so customers can pay with one click at checkout again",
                "sales_call"));
    feedback.create(
        ana, product.slug(), FeedbackDraft.of("Payouts arrive three days late", "email"));
    String inbox = server.url() + "/w/" + ws.slug() + "/" + product.slug() + "/discovery/feedback";

    signIn(ana);
    driver.get(inbox);

    WebElement banner = find(".dup-banner a");
    assertThat(banner.getText()).isEqualTo("1 possible duplicate");
    banner.click();
    WebElement pair = find(".dup-pair");
    assertThat(pair.getText())
        .contains(first.key())
        .contains(second.key())
        .contains("with one click at checkout again")
        .contains("sales call");
    screenshot("duplicates");

    pair.findElement(By.cssSelector("form[action$='/duplicates/merge'] button")).click();
    wait.until(ExpectedConditions.alertIsPresent());
    assertThat(driver.switchTo().alert().getText())
        .contains("Merge " + second.key() + " into " + first.key());
    driver.switchTo().alert().accept();

    assertThat(find("#toasts .toast").getText()).contains("Merged " + second.key());
    assertThat(find(".empty h2").getText()).isEqualTo("No possible duplicates");
    FeedbackService.View kept = feedback.get(ana, first.key());
    assertThat(kept.duplicates()).extracting(Feedback::id).containsExactly(second.id());
    assertThat(kept.duplicates().get(0).source().id()).isEqualTo("sales_call");

    driver.get(inbox + "/" + first.id());
    assertThat(find(".dup-section").getText()).contains("No feedback of this product says");
    var refused =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(e -> e.getMessage())
            .toList();
    assertThat(refused).as("console errors (CSP refusals show here)").isEmpty();
  }
}
