package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.wireframes.Images;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The wireframe editor in real Chromium: the preview follows the typing (htmx), a mistake shows its
 * line, saving leads to the drawing, and an image uploads into the gallery without a page load.
 */
class WireframeEditorBrowserTest extends ChromiumTest {
  WireframeEditorBrowserTest() {
    super(1280, 1000);
  }

  @TempDir Path dir;

  @Test
  void thePreviewFollowsTheTypingAndTheSavedWireframeTakesImages() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    signIn(ana);
    String base = "/w/" + ws.slug() + "/" + product.slug() + "/definition/wireframes";

    driver.get(server.url() + base + "/new");
    find("#f-title").sendKeys("Pay screen");
    WebElement source = find("#f-source");
    source.clear();
    source.sendKeys("{\n  [Pay now]\n");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#wireframe-preview"), "line 1: this { is never closed"));
    source.sendKeys("}");
    WebElement drawing = find("#wireframe-preview img.salt-drawing");
    assertThat(drawing.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
    wait.until(
        d ->
            (Boolean)
                ((ChromeDriver) d)
                    .executeScript(
                        "var i = document.querySelector('#wireframe-preview img'); return i.complete && i.naturalWidth > 0;"));

    source.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".wireframe-figure img")));
    assertThat(find(".item-main h1").getText()).isEqualTo("Pay screen");
    wait.until(
        d ->
            (Boolean)
                ((ChromeDriver) d)
                    .executeScript(
                        "var i = document.querySelector('.wireframe-figure img'); return i.complete && i.naturalWidth > 0;"));

    Path png = dir.resolve("mock.png");
    Files.write(png, Images.png(60, 40));
    String page = driver.getCurrentUrl();
    find(".attachment-upload input[type=file]").sendKeys(png.toString());
    find(".attachment-upload button[type=submit]").click();
    WebElement thumb = find(".attachment-grid .attachment img");
    assertThat(thumb.getAttribute("alt")).isEqualTo("mock.png");
    wait.until(
        d ->
            (Boolean)
                ((ChromeDriver) d)
                    .executeScript(
                        "var i = document.querySelector('.attachment-grid img'); return i.complete && i.naturalWidth === 60;"));
    assertThat(driver.getCurrentUrl()).isEqualTo(page);
    assertThat(severeConsoleErrors()).isEmpty();
  }

  private List<LogEntry> severeConsoleErrors() {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
