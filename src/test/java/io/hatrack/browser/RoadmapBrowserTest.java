package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.roadmap.Horizon;
import io.hatrack.planning.roadmap.RoadmapEntry;
import io.hatrack.planning.roadmap.RoadmapService;
import io.hatrack.planning.roadmap.RoadmapService.ScheduleInput;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The roadmap in real Chromium: a card dragged from Next to Now is saved at once, and a timeline
 * bar dragged to the right is rescheduled, with the dependency warning in a toast.
 */
class RoadmapBrowserTest extends ChromiumTest {
  RoadmapBrowserTest() {
    super(1400, 900);
  }

  private RoadmapEntry entry(User ana, Product p, WorkItem w) {
    return server.app().planning().roadmaps().service().entry(ana, p.slug(), w.key());
  }

  @Test
  void aCardDraggedToNowAndABarDraggedLaterAreSavedAtOnce() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    Product p = server.product(ana, ws);
    var items = server.app().definition().workItems();
    WorkItem payouts = items.create(ana, p.slug(), NewWorkItem.of("feature", "Next-day payouts"));
    WorkItem notes =
        items.create(ana, p.slug(), NewWorkItem.of("feature", "Payout status notifications"));
    server
        .app()
        .collaboration()
        .links()
        .add(ana, notes.key(), payouts.key(), LinkTypes.DEPENDS.id());
    RoadmapService roadmaps = server.app().planning().roadmaps().service();
    LocalDate today = LocalDate.now();
    roadmaps.schedule(
        ana,
        p.slug(),
        payouts.key(),
        null,
        new ScheduleInput(
            "next", today.toString(), today.plusDays(30).toString(), "R1", null, true));
    roadmaps.schedule(
        ana,
        p.slug(),
        notes.key(),
        null,
        new ScheduleInput(
            "later",
            today.plusDays(40).toString(),
            today.plusDays(60).toString(),
            "R2",
            null,
            false));
    String base = "/w/" + ws.slug() + "/" + p.slug() + "/roadmap";
    signIn(ana);

    go(base);
    WebElement card = find("li.card[data-key='" + payouts.key() + "']");
    WebElement now = find("ol.cards[data-horizon='now']");
    new Actions(driver)
        .clickAndHold(card)
        .moveByOffset(10, 10)
        .pause(Duration.ofMillis(200))
        .moveToElement(now)
        .pause(Duration.ofMillis(200))
        .moveByOffset(0, 5)
        .release()
        .perform();
    wait.until(d -> entry(ana, p, payouts).horizon() == Horizon.NOW);
    screenshot("roadmap-board");

    // Drag the payouts bar 15 days later: it now ends after notifications start.
    go(base + "/timeline");
    WebElement bar = find("g.bar[data-key='" + payouts.key() + "'] rect");
    new Actions(driver)
        .clickAndHold(bar)
        .pause(Duration.ofMillis(100))
        .moveByOffset(30, 0)
        .pause(Duration.ofMillis(100))
        .moveByOffset(30, 0)
        .pause(Duration.ofMillis(100))
        .release()
        .perform();
    wait.until(d -> entry(ana, p, payouts).start().equals(today.plusDays(15)));
    assertThat(entry(ana, p, payouts).end()).isEqualTo(today.plusDays(45));
    assertThat(find(".toast").getText()).contains("which it depends on");
    assertThat(
            driver
                .findElement(
                    org.openqa.selenium.By.cssSelector("g.bar[data-key='" + notes.key() + "']"))
                .getDomAttribute("class"))
        .contains("bar-warning");
    screenshot("roadmap-timeline");

    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }
}
