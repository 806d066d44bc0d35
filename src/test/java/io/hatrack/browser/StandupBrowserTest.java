package io.hatrack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.planning.teams.TeamService;
import org.junit.jupiter.api.Test;

/** A member posts today's stand-up in real Chromium and sees it in the summary with the blocker. */
class StandupBrowserTest extends ChromiumTest {
  StandupBrowserTest() {
    super(1300, 1400);
  }

  @Test
  void aMemberPostsTodaysStandUpAndTheSummaryShowsItWithTheBlocker() throws Exception {
    User ana = server.user("Ana Lima");
    User ben = server.user("Ben Okafor");
    Workspace ws = server.workspace(ana);
    server
        .app()
        .workspaces()
        .addMember(ana, ws.slug(), ben.email(), io.hatrack.kernel.auth.Role.EDITOR);
    TeamService teams = server.app().planning().releasePlanning().teams();
    teams.create(ana, ws.slug(), TeamDraft.named("Payments"));
    teams.putMember(ana, ws.slug(), "payments", ana.handle(), 100);
    teams.putMember(ana, ws.slug(), "payments", ben.handle(), 100);

    signIn(ana);
    go("/w/" + ws.slug() + "/teams/payments");
    find("a[href$='/teams/payments/standups']").click();
    find("#f-yesterday").sendKeys("Reviewed the payout design");
    find("#f-today").sendKeys("Payout batching job");
    find("#f-blockers").sendKeys("Waiting for sandbox keys");
    find("#mine-h + form button[type=submit], form[action$='/standups'] button.primary").click();

    wait.until(d -> find(".cer-summary").getText().contains("Posted (1)"));
    String summary = find(".cer-summary").getText();
    assertThat(summary).contains("Not posted yet (1)").contains("Ben Okafor");
    assertThat(summary).contains("Waiting for sandbox keys").contains("raised today");
    assertThat(summary).contains("Payout batching job");
    assertThat(find("#f-today").getAttribute("value")).isEqualTo("Payout batching job");
    screenshot("standup");
  }
}
