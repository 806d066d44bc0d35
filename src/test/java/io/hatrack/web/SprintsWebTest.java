package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sprints in the browser without JavaScript: the forms' buttons plan, start and close. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SprintsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String team(String name) {
    var teams = server.app().planning().releasePlanning().teams();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    var t = teams.create(ana, ws.slug(), new TeamDraft(name, null, null, "days", 2, today, null));
    teams.putMember(ana, ws.slug(), t.slug(), ana.handle(), 50);
    return "/w/" + ws.slug() + "/teams/" + t.slug();
  }

  private WorkItem story(String title, double estimate) {
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

  @Test
  void aSprintIsPlannedWithButtonsWarnedOverCapacityStartedAndClosed() {
    String team = team("Web buttons");
    Browser.Page empty = browser.get(team + "/sprints");
    Browser.Page refused =
        browser.post(team + "/sprints", "name", "S1", "start", "2027-03-10", "end", "2027-03-01");
    browser.get(team + "/sprints");
    Browser.Page created = browser.post(team + "/sprints", "name", "", "goal", "Cards");
    String sprint = team + "/sprints/1";
    WorkItem big = story("Saved card picker", 4.0);
    WorkItem more = story("Card validation", 3.0);
    browser.get(sprint);
    browser.post(sprint + "/items", "item", big.key());
    browser.get(sprint);
    browser.post(sprint + "/items", "item", more.key());
    Browser.Page planned = browser.get(sprint);
    Browser.Page twice = browser.post(sprint + "/items", "item", more.key());
    browser.get(sprint);
    browser.post(sprint + "/start");
    browser.get(sprint);
    browser.post(sprint + "/items/" + big.key() + "/done");
    Browser.Page active = browser.get(sprint);
    browser.post(sprint + "/close", "unfinished", "backlog");
    Browser.Page closed = browser.get(sprint);
    Browser.Page list = browser.get(team + "/sprints");
    Browser.Page landing = browser.get("/w/" + ws.slug() + "/" + product.slug() + "/delivery");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No sprints yet");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("must not be before the start");
    assertThat(created.location()).isEqualTo(sprint);
    assertThat(planned.body())
        .contains(big.key())
        .contains("Over capacity")
        .contains("7 of 5 person-days capacity");
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.body()).contains("already in Sprint 1");
    assertThat(active.body()).contains("Active").contains("Burndown and burnup").contains("Done");
    assertThat(closed.body()).contains("Record").contains("Carried over").contains("returned");
    assertThat(list.body()).contains("Velocity").contains("completed 4 person-days per sprint");
    assertThat(landing.status()).isEqualTo(200);
    assertThat(landing.body())
        .contains("Web buttons")
        .contains(team + "/standups")
        .contains(team + "/retros")
        .contains(team + "/reviews")
        .contains("/" + product.slug() + "/delivery/import");
  }

  @Test
  void theDeliveryPageShowsAnActiveSprintsProgressAndDaysLeft() {
    String team = team("Web landing");
    browser.get(team + "/sprints");
    browser.post(team + "/sprints", "goal", "Wallets first");
    WorkItem w = story("Wallet buttons", 2.0);
    browser.get(team + "/sprints/1");
    browser.post(team + "/sprints/1/items", "item", w.key());
    browser.get(team + "/sprints/1");
    browser.post(team + "/sprints/1/start");

    Browser.Page landing = browser.get("/w/" + ws.slug() + "/" + product.slug() + "/delivery");

    assertThat(landing.body())
        .contains("Wallets first")
        .contains("0 of 2 person-days done")
        .contains("14 days left");
  }
}
