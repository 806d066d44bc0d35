package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.escalations.Escalation;
import io.hatrack.escalations.EscalationFilter;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The escalations dashboard, an escalation's page and the SLA policies page over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Customer customer;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    customer =
        server
            .app()
            .discovery()
            .customers()
            .create(ana, ws.slug(), CustomerDraft.of("Harbor & Pine").in("Enterprise", "", ""));
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String base(Product p) {
    return "/w/" + ws.slug() + "/" + p.slug() + "/escalations";
  }

  @Test
  void anEscalationIsOpenedAnsweredAndMovedFromItsPageAndShowsOnTheDashboard() {
    Product p = server.product(ana, ws);
    Browser.Page empty = browser.get(base(p));
    browser.get(base(p) + "/new");
    Browser.Page refused = browser.post(base(p), "customer", "", "title", "", "severity", "S5");
    browser.get(base(p) + "/new");
    Browser.Page created =
        browser.post(
            base(p),
            "customer",
            Long.toString(customer.id()),
            "title",
            "Invoice export ignores refunds",
            "severity",
            "S1",
            "owner",
            ana.handle(),
            "description",
            "Totals are wrong.");
    String page = created.location();
    Browser.Page shown = browser.get(page);
    Browser.Page blank = browser.post(page + "/timeline", "kind", "note", "text", " ");
    browser.get(page);
    browser.post(page + "/timeline", "kind", "customer_update", "text", "We are on it.");
    Escalation x =
        server
            .app()
            .escalations()
            .escalations()
            .list(ana, p.slug(), EscalationFilter.ALL, 10)
            .escalations()
            .get(0)
            .escalation();
    browser.get(page);
    Browser.Page stale =
        browser.post(page + "/status", "version", "99", "status", "waiting_on_customer");
    browser.get(page);
    Browser.Page moved =
        browser.post(
            page + "/status",
            "version",
            Long.toString(x.version()),
            "status",
            "waiting_on_customer");
    Browser.Page after = browser.get(page);
    Browser.Page dashboard = browser.get(base(p));

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No open escalations");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("must name a customer").contains("S1, S2, S3, S4");
    assertThat(created.status()).isEqualTo(302);
    assertThat(shown.body())
        .contains("Invoice export ignores refunds")
        .contains("First response")
        .contains("On track");
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.body()).contains("must not be blank");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(moved.status()).isEqualTo(302);
    assertThat(after.body())
        .contains("We are on it.")
        .contains("Met")
        .contains("paused")
        .contains("Waiting on customer");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains(x.key())
        .contains("S1 open")
        .contains("Breaching soon")
        .contains("Metrics");
  }

  @Test
  void theDashboardRefusesABackwardPeriodWith422() {
    Product p = server.product(ana, ws);

    Browser.Page page = browser.get(base(p) + "?from=2026-05-01&to=2026-04-01");

    assertThat(page.status()).isEqualTo(422);
    assertThat(page.body()).contains("must not be before from");
  }

  @Test
  void slaPoliciesAreCreatedWithErrorsNextToTheFieldsAndPickedForAProduct() {
    Workspace own = server.workspace(ana);
    Product p = server.product(ana, own);
    String base = "/w/" + own.slug() + "/sla-policies";

    Browser.Page list = browser.get(base);
    Browser.Page bad =
        browser.postEach(
            base,
            "name",
            "Night shift",
            "business_hours",
            "on",
            "time_zone",
            "Europe/Berlin",
            "work_days",
            "mon",
            "start",
            "18:00",
            "end",
            "08:00",
            "targets.S1.first_response_minutes",
            "-5");
    browser.get(base);
    Browser.Page made =
        browser.postEach(
            base,
            "name",
            "Berlin office",
            "business_hours",
            "on",
            "time_zone",
            "Europe/Berlin",
            "work_days",
            "mon",
            "work_days",
            "fri",
            "start",
            "09:00",
            "end",
            "17:00",
            "holidays",
            "2026-12-25\n2026-12-26");
    Browser.Page shown = browser.get(base);
    long id =
        server.app().escalations().policies().list(ana, own.slug()).policies().stream()
            .filter(x -> x.name().equals("Berlin office"))
            .findFirst()
            .orElseThrow()
            .id();
    Browser.Page picked =
        browser.post(base + "/pick", "product", Long.toString(p.id()), "policy", Long.toString(id));

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("Standard (around the clock)").contains("Default");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("must be after the start").contains("more than 0");
    assertThat(made.status()).isEqualTo(302);
    assertThat(shown.body()).contains("Berlin office").contains("2 holidays");
    assertThat(picked.status()).isEqualTo(302);
    assertThat(server.app().escalations().policies().ofProduct(ana, p.slug()).name())
        .isEqualTo("Berlin office");
  }
}
