package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 6's sprint loop in real Chromium: a PM plans a sprint of the Payments team from the
 * backlog, starts it, marks an item done, closes it with the rest returned to the backlog, and sees
 * the burndown on the sprint's page and the velocity on the team's sprints page.
 */
class SprintBrowserTest extends ChromiumTest {
  SprintBrowserTest() {
    super(1300, 1600, Duration.ofSeconds(30));
  }

  @Test
  void aSprintIsPlannedStartedWorkedClosedAndShowsItsBurndownAndTheVelocity() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product product = server.product(ana, ws);
    var teams = server.app().planning().releasePlanning().teams();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    teams.create(
        ana, ws.slug(), new TeamDraft("Payments", "payments", null, "days", 2, today, null));
    teams.putMember(ana, ws.slug(), "payments", ana.handle(), 100);
    WorkItem cards = story(ana, product, "Saved card picker", 5.0);
    WorkItem retry = story(ana, product, "3-D Secure retry", 3.0);
    WorkItem invoices = story(ana, product, "Invoice export", 8.0);
    signIn(ana);
    String sprints = "/w/" + ws.slug() + "/teams/payments/sprints";

    go(sprints);
    assertThat(find(".empty").getText()).contains("No sprints yet");
    find("#f-goal").sendKeys("Returning buyers pay with a saved card");
    find("form[action='" + sprints + "'] button[type=submit]").click();
    wait.until(d -> d.getCurrentUrl().endsWith(sprints + "/1"));
    addFromBacklog(cards);
    addFromBacklog(retry);
    assertThat(find(".sprint-load").getText()).contains("8 of 10 person-days capacity");
    assertThat(find("#sprint-items").getText()).contains(cards.key()).contains(retry.key());
    // Dragged in, the third item takes the sprint over its capacity; dragged back, it is not.
    drag("#sprint-backlog li[data-item='" + invoices.key() + "']", "#sprint-items");
    wait.until(d -> !d.findElements(By.cssSelector(".sprint-over")).isEmpty());
    assertThat(find(".sprint-over").getText()).contains("Over capacity").contains("16 person-days");
    screenshot("sprint-planned");
    drag("#sprint-items li[data-item='" + invoices.key() + "']", "#sprint-backlog");
    wait.until(d -> d.findElements(By.cssSelector(".sprint-over")).isEmpty());
    assertThat(find("#sprint-backlog").getText()).contains(invoices.key());

    find("form[action$='/start'] button").click();
    driver.switchTo().alert().accept();
    wait.until(d -> d.findElement(By.cssSelector("h1")).getText().contains("Active"));
    find("form[action$='/items/" + cards.key() + "/done'] button").click();
    wait.until(
        d ->
            d.findElement(By.cssSelector("li[data-item='" + cards.key() + "']"))
                .getText()
                .contains("Done"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sprint-chart svg")));
    assertThat(find("#burndown-summary").getText())
        .contains("Committed 8 person-days")
        .contains("5 completed and 3 remaining");
    screenshot("sprint-active-burndown");

    find("input[name='unfinished'][value='backlog']").click();
    find("form[action$='/close'] button[type=submit]").click();
    driver.switchTo().alert().accept();
    wait.until(d -> d.findElement(By.cssSelector("h1")).getText().contains("Closed"));
    assertThat(find(".sprint-record").getText()).contains("Completed").contains("5");
    assertThat(find("li[data-item='" + retry.key() + "']").getText()).contains("returned");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sprint-chart svg")));

    go(sprints);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#velocity svg")));
    assertThat(find("#velocity-summary").getText())
        .contains("completed 5 person-days per sprint on average (committed 8)");
    find("#f-remaining").sendKeys("12");
    find(".sprint-forecast button").click();
    assertThat(find(".sprint-forecast-answer").getText()).contains("need 3 sprints");
    screenshot("sprint-velocity");
  }

  /** Drags a card onto a list with the mouse, as SortableJS's pointer fallback reads it. */
  private void drag(String card, String list) {
    var from = find(card);
    var to = find(list);
    new Actions(driver)
        .clickAndHold(from)
        .moveByOffset(5, 5)
        .moveToElement(to)
        .moveByOffset(0, 10)
        .pause(Duration.ofMillis(200))
        .release()
        .perform();
    // The page reloads once the move is saved.
    wait.until(ExpectedConditions.stalenessOf(to));
  }

  private void addFromBacklog(WorkItem item) {
    find("li[data-item='" + item.key() + "'] form[action$='/items'] button").click();
    wait.until(
        d ->
            !d.findElements(By.cssSelector("#sprint-items li[data-item='" + item.key() + "']"))
                .isEmpty());
  }

  private WorkItem story(User ana, Product product, String title, double estimate) {
    return server
        .app()
        .definition()
        .workItems()
        .create(
            ana,
            product.slug(),
            new NewWorkItem(
                "story", title, null, null, null, estimate, null, null, null, null, null, null,
                List.of()));
  }
}
