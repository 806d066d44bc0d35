package io.hatrack.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Where they are not installed the
 * browser tests are skipped with a message, unless HATRACK_REQUIRE_BROWSER=1 (as in CI), which
 * makes their absence a failure.
 */
final class Chromium {
  static final Path BROWSER =
      Path.of(System.getenv().getOrDefault("HATRACK_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("HATRACK_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  static ChromeDriver start(int width, int height) {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present && "1".equals(System.getenv("HATRACK_REQUIRE_BROWSER"))) {
      throw new IllegalStateException(
          "HATRACK_REQUIRE_BROWSER=1 but "
              + BROWSER
              + " or "
              + DRIVER
              + " is missing:"
              + " apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present,
        "Browser tests skipped: "
            + BROWSER
            + " or "
            + DRIVER
            + " not found"
            + " (install Debian's chromium and chromium-driver to run them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }
}
