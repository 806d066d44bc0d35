package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.definition.fields.FieldValue;
import io.hatrack.definition.query.SavedView;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A board by a select field in real Chromium: group the board by Risk, save it as a view from the
 * page, reopen it from the picker, and drag a card to another option.
 */
class BoardViewsBrowserTest extends ChromiumTest {
  BoardViewsBrowserTest() {
    super(1400, 1000);
  }

  private String risk(WorkItem w) {
    FieldValue value =
        server
            .app()
            .database()
            .read(h -> server.app().definition().fields().values(h, List.of(w.id())))
            .get(w.id())
            .get("risk");
    return value == null ? null : value.display();
  }

  @Test
  void aBoardGroupedByRiskIsSavedAsAViewAndACardDraggedToHighGetsThatRisk() {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    server
        .app()
        .definition()
        .fields()
        .create(
            ana,
            product.slug(),
            FieldInput.of("Risk", "select").withOptions("Low", "Medium", "High"));
    var items = server.app().definition().workItems();
    WorkItem card =
        items.create(
            ana,
            product.slug(),
            NewWorkItem.of("feature", "3-D Secure retries"),
            Map.of("risk", TextNode.valueOf("Low")));
    items.create(ana, product.slug(), NewWorkItem.of("bug", "Payout delayed"));
    String base = "/w/" + ws.slug() + "/" + product.slug() + "/definition";
    signIn(ana);

    // Group the board by Risk with the group picker, then save it as a view.
    go(base + "/board");
    new Select(find("#group-pick")).selectByValue("risk");
    find(".group-picker button[type=submit]").click();
    wait.until(ExpectedConditions.urlContains("group=risk"));
    assertThat(find("ol.cards[data-title='Low']").getText()).contains("3-D Secure retries");
    find(".view-save summary").click();
    find("#vs-name").sendKeys("Risk board");
    assertThat(new Select(find("#vs-group")).getFirstSelectedOption().getText()).isEqualTo("Risk");
    find(".view-save-form button.primary").click();
    wait.until(ExpectedConditions.urlContains("/board?view="));
    SavedView view = server.app().definition().views().list(ana, product.slug()).get(0);
    assertThat(view.groupBy()).isEqualTo("risk");

    // Reopen it from the picker of the plain board.
    go(base + "/board");
    new Select(find("#view-pick")).selectByVisibleText("Risk board");
    find(".view-picker button[type=submit]").click();
    wait.until(ExpectedConditions.urlContains("view=" + view.id()));
    assertThat(find("h1").getText()).isEqualTo("Risk board");

    // Drag the card from Low to High.
    WebElement moving = find("li.card[data-key='" + card.key() + "']");
    WebElement high = find("ol.cards[data-title='High']");
    new Actions(driver)
        .clickAndHold(moving)
        .moveByOffset(10, 10)
        .pause(Duration.ofMillis(200))
        .moveToElement(high)
        .pause(Duration.ofMillis(200))
        .moveByOffset(0, 5)
        .release()
        .perform();
    wait.until(d -> "High".equals(risk(card)));
    go(base + "/board?view=" + view.id());
    assertThat(find("ol.cards[data-title='High']").getText()).contains("3-D Secure retries");

    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }
}
