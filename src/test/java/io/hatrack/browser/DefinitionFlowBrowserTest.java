package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The definition hat's story in real Chromium: create a feature, add a story under it with its
 * acceptance criteria, read the story's quality check, and drag the story's card on the board.
 */
class DefinitionFlowBrowserTest extends ChromiumTest {
  DefinitionFlowBrowserTest() {
    super(1400, 1000);
  }

  private void submit(String formSelector) {
    find(formSelector + " button[type=submit].primary").click();
  }

  @Test
  void aFeatureGetsAStoryWithAcceptanceCriteriaAQualityCheckAndABoardMove() {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    String base = "/w/" + ws.slug() + "/" + product.slug() + "/definition";
    signIn(ana.email());

    // A feature through the form.
    go(base + "/items/new?type=feature");
    find("#f-title").sendKeys("One-click saved cards");
    find("#f-estimate").sendKeys("8");
    submit("#item-form");
    wait.until(ExpectedConditions.urlContains(base + "/items/" + product.key() + "-"));
    String featureKey = driver.getCurrentUrl().replaceAll(".*/items/", "");
    assertThat(find("h1").getText()).isEqualTo("One-click saved cards");

    // A story under it, from the feature's "Add story" action.
    find("a[href*='/items/new?parent=" + featureKey + "']").click();
    new Select(find("#f-type")).selectByValue("story");
    find("#f-title").sendKeys("Pay with a saved card");
    find("#f-story_role").sendKeys("returning shopper");
    find("#f-story_goal").sendKeys("to pay with a card I saved before");
    find("#f-story_benefit").sendKeys("I do not type my card number again");
    find("#f-estimate").sendKeys("3");
    submit("#item-form");
    // The form's own address has /items/ too: wait for the new story's key.
    wait.until(ExpectedConditions.urlContains(base + "/items/" + product.key() + "-"));
    String storyKey = driver.getCurrentUrl().replaceAll(".*/items/", "");
    assertThat(find(".sub").getText()).contains(featureKey);
    assertThat(find("#story-acceptance").getText()).contains("returning shopper");

    // Acceptance criteria, then the quality check that reads them.
    assertThat(find("#story-quality").getText()).contains("Testable");
    find("#story-acceptance details.story-edit summary").click();
    WebElement criteria = find("#story-acceptance textarea[name=acceptance]");
    criteria.sendKeys(
        "Scenario: Pay with the default card\n"
            + "  Given a returning shopper with a saved card\n"
            + "  When they choose Pay now\n"
            + "  Then the payment uses the saved card\n");
    find("#story-acceptance button[type=submit]").click();
    wait.until(
        d -> find("#story-acceptance").getText().contains("the payment uses the saved card"));
    wait.until(d -> find("#story-quality").getText().contains("One acceptance scenario says"));
    String quality = find("#story-quality").getText();
    assertThat(quality).contains("Testable").contains("Valuable").contains("Estimable");

    // Drag the story's card from Backlog to Ready on the board.
    go(base + "/board");
    WebElement card = find("li.card[data-key='" + storyKey + "']");
    WebElement ready = find("ol.cards[data-title='Ready']");
    new Actions(driver)
        .clickAndHold(card)
        .moveByOffset(10, 10)
        .pause(Duration.ofMillis(200))
        .moveToElement(ready)
        .pause(Duration.ofMillis(200))
        .moveByOffset(0, 5)
        .release()
        .perform();
    wait.until(
        d -> {
          WorkItem now = server.app().definition().workItems().get(ana, storyKey).item();
          return now.state().name().equals("Ready");
        });
    go(base + "/board");
    assertThat(find("ol.cards[data-title='Ready']").getText()).contains("Pay with a saved card");

    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }
}
