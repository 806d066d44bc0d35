package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.plans.PlanFixtures;
import io.hatrack.planning.plans.PlanItemRow;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Teams and release plans in the browser: forms, the plan page, a what-if and accepting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String plans(Product p) {
    return "/w/" + ws.slug() + "/" + p.slug() + "/planning/plans";
  }

  @Test
  void teamsAreCreatedAndShowMembersDaysOffAndCapacity() {
    Workspace own = server.workspace(ana);
    Browser.Page empty = browser.get("/w/" + own.slug() + "/teams");
    Browser.Page refused = browser.post("/w/" + own.slug() + "/teams", "name", "");
    browser.get("/w/" + own.slug() + "/teams");
    Browser.Page created =
        browser.post("/w/" + own.slug() + "/teams", "name", "Web team", "effort_unit", "days");
    String team = "/w/" + own.slug() + "/teams/web-team";
    browser.get(team);
    browser.post(team + "/members", "user", Long.toString(ana.id()), "allocation", "50");
    browser.get(team);
    Browser.Page badDay =
        browser.post(team + "/days-off", "user", "", "first_day", "someday", "last_day", "");
    browser.get(team);
    browser.post(team + "/days-off", "user", "", "first_day", "2027-01-01", "note", "New year");
    Browser.Page page = browser.get(team + "?period=month");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No teams yet");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(created.location()).isEqualTo(team);
    assertThat(badDay.status()).isEqualTo(422);
    assertThat(badDay.body()).contains("must be a date");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Capacity per month")
        .contains("value=\"50\"")
        .contains("New year")
        .contains("Jan 2027");
  }

  @Test
  void thePlanPageShowsLoadLeftOutItemsGreedyAndAWhatIf() {
    Product p = server.product(ana, ws);
    Browser.Page nothing = browser.get(plans(p));
    long rice = PlanFixtures.model(server.app(), p, "RICE", "rice");
    PlanFixtures.team(server.app(), ana, ws.slug(), "Plan web", Map.of(ana.handle(), 100));
    WorkItem big =
        PlanFixtures.feature(server.app(), ana, p, rice, "Big one", 9.0, Map.of("plan-web", 50.0));
    WorkItem small =
        PlanFixtures.feature(
            server.app(), ana, p, rice, "Small one", 2.0, Map.of("plan-web", 20.0));
    Browser.Page item = browser.htmxGet("/items/" + small.id() + "/efforts");

    browser.get(plans(p));
    Browser.Page solved =
        browser.postEach(
            plans(p),
            "periods",
            "2027-Q1, 2027-Q2",
            "teams",
            "plan-web",
            "types",
            "feature",
            "time_limit_seconds",
            "5",
            "name",
            "Web plan",
            "model",
            "RICE",
            "discount",
            "0",
            "exclusions",
            big.key());
    Browser.Page page = browser.open(solved.location());
    Browser.Page whatIf =
        browser.postEach(
            solved.location() + "/scenarios",
            "name",
            "Keep big",
            "team",
            "plan-web",
            "period",
            "*",
            "change",
            "5",
            "deadline_item",
            "",
            "deadline_period",
            "2027-Q1");
    Browser.Page withScenario = browser.open(whatIf.location());
    Browser.Page accepted = browser.post(solved.location() + "/accept");

    assertThat(nothing.status()).isEqualTo(200);
    assertThat(nothing.body()).contains("No release plans yet").contains("No scoring model yet");
    assertThat(item.body()).contains("Effort per team").contains("value=\"20\"");
    assertThat(solved.status()).isEqualTo(302);
    assertThat(page.body())
        .contains("Web plan")
        .contains("Proven optimal")
        .contains("Greedy (sort by value per effort and fill) would give")
        .contains("<meter")
        .contains("Excluded from the plan.")
        .contains(small.key());
    assertThat(whatIf.status()).isEqualTo(302);
    assertThat(withScenario.body()).contains("Keep big").contains("plan-web in 2027-Q1: +5");
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(browser.open(accepted.location()).body()).contains("accepted");
  }

  @Test
  void aPlanWithAnUnknownPeriodIsRefusedNamingIt() {
    Product p = server.product(ana, ws);
    long rice = PlanFixtures.model(server.app(), p, "RICE", "rice");
    PlanFixtures.team(server.app(), ana, ws.slug(), "Tight team", Map.of(ana.handle(), 10));
    WorkItem big =
        PlanFixtures.feature(server.app(), ana, p, rice, "Huge", 9.0, Map.of("tight-team", 500.0));
    browser.get(plans(p));

    Browser.Page refused =
        browser.postEach(plans(p), "periods", "2027-Q5", "teams", "tight-team", "model", "RICE");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("2027-Q5").contains("is not a quarter");
    assertThat(big.key()).isNotBlank();
  }

  @Test
  void pinsAndDeadlinesFromTheFormBindTheirItems() {
    Product p = server.product(ana, ws);
    long rice = PlanFixtures.model(server.app(), p, "RICE", "rice");
    PlanFixtures.team(server.app(), ana, ws.slug(), "Pin team", Map.of(ana.handle(), 100));
    WorkItem big =
        PlanFixtures.feature(server.app(), ana, p, rice, "Pinned", 9.0, Map.of("pin-team", 10.0));
    WorkItem small =
        PlanFixtures.feature(server.app(), ana, p, rice, "Due", 2.0, Map.of("pin-team", 10.0));
    browser.get(plans(p));

    Browser.Page solved =
        browser.postEach(
            plans(p),
            "periods",
            "2027-Q1, 2027-Q2",
            "teams",
            "pin-team",
            "types",
            "feature",
            "pins",
            big.key() + "=2027-Q2",
            "deadlines",
            small.key() + "=2027-Q1");
    Browser.Page bad = browser.postEach(plans(p), "periods", "2027-Q1", "pins", big.key());

    assertThat(solved.status()).isEqualTo(302);
    var plan = server.app().planning().releasePlanning().plans().list(ana, p.slug()).plans().get(0);
    var detail = server.app().planning().releasePlanning().plans().get(ana, p.slug(), plan.id());
    assertThat(detail.plan().request().request().pins()).containsEntry(big.key(), "2027-Q2");
    assertThat(detail.plan().request().request().deadlines()).containsEntry(small.key(), "2027-Q1");
    assertThat(detail.planned("2027-Q2")).extracting(PlanItemRow::key).contains(big.key());
    assertThat(detail.planned("2027-Q1")).extracting(PlanItemRow::key).contains(small.key());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("is not KEY=PERIOD");
  }
}
