package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The foundation's end-to-end story in real Chromium: sign in, create a product, write a page,
 * comment with an @mention, and see the notification as the person mentioned.
 */
class MentionFlowBrowserTest extends ChromiumTest {
  MentionFlowBrowserTest() {
    super(1280, 900);
  }

  @Test
  void aMentionInACommentReachesTheMentionedMember() {
    User ana = server.user("Ana Lima");
    User ben = server.user("Ben Okafor");
    Workspace ws = server.workspace(ana);
    server
        .app()
        .database()
        .txVoid(
            h -> server.app().workspaces().addMemberAsAdministrator(h, ws.id(), ben, Role.EDITOR));

    signIn(ana.email());
    assertThat(driver.getCurrentUrl()).endsWith("/w/" + ws.slug());

    // Create a product.
    go("/w/" + ws.slug() + "/products/new");
    find("#f-name").sendKeys("Checkout");
    wait.until(d -> "CHE".equals(d.findElement(By.cssSelector("#f-key")).getAttribute("value")));
    find("#f-key").clear();
    find("#f-key").sendKeys("CHK");
    find("form[action$='/products'] button[type=submit]").click();
    wait.until(ExpectedConditions.urlContains("/" + ws.slug() + "/checkout"));
    assertThat(find("h1").getText()).contains("Checkout");

    // Write a page.
    find("a[href$='/pages/new']").click();
    find("#f-title").sendKeys("Saved cards PRD");
    find("#md-body").sendKeys("# Problem\nShoppers re-type their card.");
    find("#page-form button[type=submit]").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".item-main h1"), "Saved cards PRD"));
    assertThat(find(".prose h1").getText()).isEqualTo("Problem");
    assertThat(find(".item-main .key").getText()).isEqualTo("CHK-1");

    // Comment with a mention; htmx swaps the thread in place.
    WebElement comment = find("#comments textarea");
    comment.sendKeys("@" + ben.handle());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".autocomplete li")));
    comment.sendKeys(" can you check the 3-D Secure part?");
    find("#comments .comment-form button[type=submit]").click();
    WebElement mention =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#comments .comment .mention")));
    assertThat(mention.getText()).isEqualTo("@" + ben.handle());
    assertThat(find("#comments-h").getText()).contains("(1)");
    assertThat(severeConsoleErrors(driver)).isEmpty();

    // Ben sees the notification.
    find("details.user-menu summary").click();
    find("form[action='/logout'] button").click();
    wait.until(ExpectedConditions.urlContains("/login"));
    signIn(ben.email());
    assertThat(find(".badge-count").getText()).isEqualTo("1");
    go("/notifications");
    WebElement notification = find(".notification.unread");
    assertThat(notification.getText())
        .contains("Ana Lima mentioned you on CHK-1")
        .contains("Saved cards PRD");
    notification.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/pages/"));
    assertThat(find(".item-main h1").getText()).isEqualTo("Saved cards PRD");
    assertThat(driver.findElements(By.cssSelector(".badge-count"))).isEmpty();
  }

  @Test
  void thePageIsUsableAtPhoneWidthWithTheSidebarBehindAMenu() {
    // Headless Chromium keeps windows at least 500 px wide, so emulate the phone's viewport.
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    server.product(ana, ws);

    signIn(ana.email());
    WebElement sidebar = driver.findElement(By.id("sidebar"));
    WebElement toggle = find(".menu-toggle");
    assertThat(sidebar.getRect().getX() + sidebar.getRect().getWidth()).isLessThanOrEqualTo(0);

    toggle.click();
    wait.until(d -> d.findElement(By.id("sidebar")).getRect().getX() >= 0);
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    Long viewport = (Long) driver.executeScript("return window.innerWidth");
    Long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
    assertThat(viewport).isEqualTo(390L);
    assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
  }

  private static List<LogEntry> severeConsoleErrors(WebDriver driver) {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
