package io.hatrack.browser;

import io.hatrack.kernel.auth.User;
import io.hatrack.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test's setting: Hatrack on a fresh SQLite database and a headless Chromium window of
 * the test's size, both stopped after each test, with the steps every such test takes: finding what
 * is visible, signing in through the form, and keeping a screenshot.
 */
abstract class ChromiumTest {
  /** The password of the users {@link TestServer#user} makes. */
  static final String PASSWORD = "password123";

  private final int width;
  private final int height;
  private final Duration patience;

  TestServer server;
  ChromeDriver driver;
  WebDriverWait wait;

  ChromiumTest(int width, int height, Duration patience) {
    this.width = width;
    this.height = height;
    this.patience = patience;
  }

  ChromiumTest(int width, int height) {
    this(width, height, Duration.ofSeconds(15));
  }

  @BeforeEach
  final void startBrowserAndServer() {
    driver = Chromium.start(width, height);
    server = TestServer.start();
    wait = new WebDriverWait(driver, patience);
    // htmx swaps the parts a wait reads; a part replaced mid-read is read again.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  final void stopBrowserAndServer() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Opens a page of the server, e.g. {@code /login}. */
  void go(String path) {
    driver.get(server.url() + path);
  }

  /** The visible element {@code css} selects, once it shows. */
  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Signs {@code user} in through the sign-in form and waits until it is left. */
  void signIn(User user) {
    signIn(user.email());
  }

  void signIn(String email) {
    go("/login");
    find("#f-email").sendKeys(email);
    find("#f-password").sendKeys(PASSWORD);
    find("form[action='/login'] button[type=submit]").click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Keeps what the window shows as target/browser-screenshots/{name}.png. */
  void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "browser-screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }
}
