package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A PM sees in the inbox that two pieces of feedback say the same, opens the possible duplicates,
 * compares the texts side by side and merges them after confirming; the duplicate then counts on
 * the feedback kept, and nothing is suggested any more.
 */
class DuplicatesBrowserTest {
  private TestServer server;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void start() {
    driver = Chromium.start(1300, 1200);
    server = TestServer.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private void screenshot(String name) throws java.io.IOException {
    Path dir = Path.of("target", "browser-screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
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

    driver.get(server.url() + "/login");
    find("#f-email").sendKeys(ana.email());
    find("#f-password").sendKeys("password123");
    find("form[action='/login'] button[type=submit]").click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
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
