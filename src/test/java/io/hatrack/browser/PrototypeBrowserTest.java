package io.hatrack.browser;

import static io.hatrack.definition.prototypes.ScreenImagesForTests.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hatrack.definition.prototypes.HotspotArea;
import io.hatrack.definition.prototypes.Prototype;
import io.hatrack.definition.prototypes.PrototypeService;
import io.hatrack.definition.prototypes.Screen;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Prototypes in real Chromium: drawing a hotspot by dragging on the screen, then playing through it
 * with the mouse and the keyboard, with no script or style refused by the page's policy.
 */
class PrototypeBrowserTest extends ChromiumTest {
  PrototypeBrowserTest() {
    super(1280, 1000);
  }

  /** Where a point of the screen (fractions of its size) is in the window, in CSS pixels. */
  @SuppressWarnings("unchecked")
  private int[] onScreen(double fx, double fy) {
    Map<String, Number> p =
        (Map<String, Number>)
            driver.executeScript(
                "var svg = document.querySelector('svg.proto-svg');"
                    + "var pt = svg.createSVGPoint();"
                    + "pt.x = arguments[0] * Number(svg.getAttribute('data-width'));"
                    + "pt.y = arguments[1] * Number(svg.getAttribute('data-height'));"
                    + "var q = pt.matrixTransform(svg.getScreenCTM());"
                    + "return {x: Math.round(q.x), y: Math.round(q.y)};",
                fx,
                fy);
    return new int[] {p.get("x").intValue(), p.get("y").intValue()};
  }

  @Test
  void anEditorDrawsAHotspotByDraggingAndPlaysThroughItWithMouseAndKeys() {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    PrototypeService prototypes = server.app().definition().prototypes();
    Prototype p = prototypes.create(ana, product.slug(), "Saved cards", "");
    Screen cart = prototypes.addImage(ana, p.key(), 1, "Cart", png(400, 300), null).value();
    Screen paid = prototypes.addImage(ana, p.key(), 2, "Paid", png(400, 300), null).value();
    String editor = "/w/" + ws.slug() + "/" + product.slug() + "/definition/prototypes/" + p.key();
    signIn(ana.email());

    driver.get(server.url() + editor + "?screen=" + cart.id());
    find("svg.proto-svg[data-draw]");
    driver.executeScript("document.querySelector('svg.proto-svg').scrollIntoView()");
    int[] from = onScreen(0.1, 0.6);
    int[] to = onScreen(0.9, 0.8);
    new Actions(driver)
        .moveToLocation(from[0], from[1])
        .clickAndHold()
        .moveToLocation((from[0] + to[0]) / 2, (from[1] + to[1]) / 2)
        .moveToLocation(to[0], to[1])
        .release()
        .perform();

    assertThat(Double.parseDouble(find("#f-x").getAttribute("value"))).isCloseTo(10, within(1.0));
    assertThat(Double.parseDouble(find("#f-y").getAttribute("value"))).isCloseTo(60, within(1.0));
    assertThat(Double.parseDouble(find("#f-w").getAttribute("value"))).isCloseTo(80, within(1.0));
    assertThat(Double.parseDouble(find("#f-h").getAttribute("value"))).isCloseTo(20, within(1.0));
    assertThat(driver.findElements(By.cssSelector("svg.proto-svg rect.proto-drawing"))).hasSize(1);
    new Select(find("#f-target")).selectByValue(Long.toString(paid.id()));
    find("#f-label").sendKeys("Pay button");
    find("#hotspot-form button[type=submit]").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("table.data"), "Pay button"));

    HotspotArea area =
        prototypes.get(ana, p.key()).prototype().screens().get(0).hotspots().get(0).area();
    assertThat(area.x()).isCloseTo(0.1, within(0.01));
    assertThat(area.w()).isCloseTo(0.8, within(0.01));

    // Play: a click on the hotspot leads on; a click beside it hints; keys go back and forth.
    driver.get(server.url() + editor + "/play");
    find("svg.proto-svg");
    int[] beside = onScreen(0.5, 0.2);
    new Actions(driver).moveToLocation(beside[0], beside[1]).click().perform();
    assertThat(find("[data-stage]").getAttribute("class")).contains("hint");
    int[] button = onScreen(0.5, 0.7);
    new Actions(driver).moveToLocation(button[0], button[1]).click().perform();
    wait.until(ExpectedConditions.urlToBe(server.url() + editor + "/play/" + paid.id()));
    assertThat(find(".proto-bar-title").getText()).contains("Paid").contains("2 of 2");
    find("body").sendKeys(Keys.ARROW_LEFT);
    wait.until(ExpectedConditions.urlToBe(server.url() + editor + "/play/" + cart.id()));
    find("body").sendKeys("h");
    assertThat(
            (Boolean)
                driver.executeScript("return document.getElementById('proto-outlines').checked"))
        .isTrue();
    List<String> refused =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(e -> e.getMessage())
            .toList();
    assertThat(refused).as("console errors (CSP refusals show here)").isEmpty();
  }
}
