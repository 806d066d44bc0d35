package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.themes.ThemeServiceTestTexts;
import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A PM opens the empty themes page in real Chromium, runs the grouping and watches its progress
 * until the themes show with their terms and quotes, renames one, merges another into it (after
 * confirming), and moves a piece of feedback into a theme from its page.
 */
class ThemesBrowserTest extends ChromiumTest {
  ThemesBrowserTest() {
    super(1300, 1400, Duration.ofSeconds(30));
  }

  @Test
  void runningRenamingAndMergingThemesOnTheThemesPage() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    List<FeedbackDraft> drafts = new ArrayList<>();
    for (List<String> topic :
        List.of(
            ThemeServiceTestTexts.INVOICES,
            ThemeServiceTestTexts.PAYOUTS,
            ThemeServiceTestTexts.CARDS)) {
      topic.forEach(t -> drafts.add(FeedbackDraft.of(t, "support_ticket")));
    }
    var made = server.app().discovery().feedback().service().createAll(ana, product.slug(), drafts);
    String hat = server.url() + "/w/" + ws.slug() + "/" + product.slug() + "/discovery";

    signIn(ana);
    driver.get(hat + "/feedback");
    find("nav.hat-tabs a[href$='/themes']").click();

    assertThat(find(".empty h2").getText()).isEqualTo("No themes yet");
    assertThat(find(".theme-method").getText()).contains("Spherical k-means");
    find("form[action$='/themes/runs'] button").click();
    find("#theme-run-report");
    // The report can arrive a moment before the swapped-in list of themes.
    wait.until(d -> d.findElements(By.cssSelector(".theme-card")).size() >= 2);
    screenshot("themes-after-run");
    List<WebElement> cards = driver.findElements(By.cssSelector(".theme-card"));
    assertThat(cards).hasSizeGreaterThanOrEqualTo(2);
    assertThat(find("#theme-run-report").getText()).contains("Grouped 24 pieces of feedback");
    assertThat(find(".theme-card .theme-quotes q").getText()).isNotBlank();
    assertThat(find(".theme-card .theme-terms .pill").getText()).isNotBlank();

    List<ThemeView> themes =
        server.app().discovery().themes().service().overview(ana, product.slug()).themes();
    long first = themes.get(0).id();
    long second = themes.get(1).id();
    find("#theme-" + first + " details summary").click();
    find("#name-" + first).sendKeys("Money matters");
    find("#theme-" + first + " form[action$='/rename'] button").click();
    wait.until(d -> find("#theme-name-" + first).getText().startsWith("Money matters"));
    assertThat(find("#theme-name-" + first).getText()).contains("kept");

    find("#theme-" + first + " details summary").click();
    new Select(find("#other-" + first)).selectByValue(Long.toString(second));
    find("#theme-" + first + " form[action$='/merge'] button").click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(d -> d.findElements(By.id("theme-" + second)).isEmpty());
    long members = themes.get(0).members() + themes.get(1).members();
    assertThat(find("#theme-" + first + " .theme-count").getText())
        .isEqualTo(members + " pieces of feedback");
    screenshot("themes-after-merge");

    find("#theme-" + first + " .theme-count").click();
    wait.until(d -> d.getCurrentUrl().contains("theme=" + first));
    driver.get(hat + "/feedback/" + made.get(20).id());
    WebElement select = find("#fb-theme-select");
    String current = new Select(select).getFirstSelectedOption().getDomProperty("value");
    long third = current.equals(Long.toString(first)) ? themes.get(2).id() : first;
    new Select(select).selectByValue(Long.toString(third));
    wait.until(d -> find("#fb-theme").getText().contains("Put here by hand"));
    assertThat(
            server
                .app()
                .discovery()
                .themes()
                .service()
                .placement(ana, made.get(20).key())
                .themeId())
        .isEqualTo(third);
  }
}
