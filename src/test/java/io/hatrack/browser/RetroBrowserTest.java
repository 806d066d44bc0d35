package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.planning.teams.TeamService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A team runs a retrospective in real Chromium: starts it from the form, writes a card, votes on it
 * and agrees an action item, the board changing in place (htmx) without leaving the page.
 */
class RetroBrowserTest extends ChromiumTest {
  RetroBrowserTest() {
    super(1300, 1400);
  }

  @Test
  void aRetroTakesACardAVoteAndAnActionItemInPlace() throws Exception {
    User ana = server.user("Ana Lima");
    Workspace ws = server.workspace(ana);
    TeamService teams = server.app().planning().releasePlanning().teams();
    teams.create(ana, ws.slug(), TeamDraft.named("Payments"));
    teams.putMember(ana, ws.slug(), "payments", ana.handle(), 100);
    String retros = "/w/" + ws.slug() + "/teams/payments/retros";

    signIn(ana);
    go(retros);
    find("#f-title").sendKeys("Sprint 13 retrospective");
    find("form[action='" + retros + "'] button[type=submit]").click();
    wait.until(d -> d.getCurrentUrl().matches(".*/retros/\\d+$"));
    String board = driver.getCurrentUrl();

    find("#card-0").sendKeys("Pair on payout reconciliation");
    find("#card-0").findElement(By.xpath("following-sibling::button")).click();
    wait.until(d -> d.findElements(By.cssSelector(".cer-card")).size() == 1);
    assertThat(find(".cer-card").getText()).contains("Pair on payout reconciliation");

    find(".cer-card button[aria-label^='Vote for']").click();
    wait.until(d -> find(".cer-votes-left").getText().contains("2 of 3"));
    assertThat(find(".cer-card").getText()).contains("mine: 1");

    find("#f-action-text").sendKeys("Pair on Tuesdays");
    find("form[action$='/actions'] button[type=submit]").click();
    wait.until(
        d -> find("#actions-h").findElement(By.xpath("..")).getText().contains("Pair on Tuesdays"));
    assertThat(driver.getCurrentUrl()).isEqualTo(board);
    screenshot("retro-board");
  }
}
