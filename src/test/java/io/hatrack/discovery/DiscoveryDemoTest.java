package io.hatrack.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerFilter;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.discovery.feedback.Demand;
import io.hatrack.discovery.feedback.FeedbackFilter;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.FeedbackStatus;
import io.hatrack.discovery.personas.Persona;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Item;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DiscoveryDemoTest {

  @Test
  void northwindHasCustomersInThreeSegmentsWithContactsAndCheckoutHasThreePersonas(
      @Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana =
        app.sessions().signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null).user();
    CustomerService customers = app.app().discovery().customers();

    CustomerService.Listing byRevenue =
        customers.list(
            ana, "northwind", new CustomerFilter(null, null, null, null, "-revenue"), null, 50);

    assertThat(byRevenue.slice().total()).isBetween(10L, 20L);
    Customer largest = byRevenue.slice().items().get(0);
    assertThat(largest.name()).isEqualTo("Brightwave Retail");
    assertThat(customers.facets(ana, "northwind").segments())
        .containsExactly("Enterprise", "Mid-market", "SMB");
    assertThat(byRevenue.slice().items()).allSatisfy(c -> assertThat(c.revenue()).isNotNull());
    assertThat(customers.contacts(ana, Long.toString(largest.id()))).hasSize(2);
    assertThat(app.collaboration().comments().list(ana, Long.toString(largest.id()), 0, 10).total())
        .isOne();
    assertThat(app.app().discovery().personas().list(ana, "checkout", null, 50).slice().items())
        .extracting(Persona::name)
        .containsExactly("Finance Felix", "Payments lead Priya", "Returning Riley");
  }

  @Test
  void checkoutHasAboutFiveHundredFeedbackItemsAndSavedCardsShowsRealDemand(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana =
        app.sessions().signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null).user();
    FeedbackService feedback = app.app().discovery().feedback().service();

    var inbox = feedback.list(ana, "checkout", FeedbackFilter.ALL, null, 50);
    Map<FeedbackStatus, Long> counts = feedback.statusCounts(ana, "checkout");
    Item savedCards =
        app.items().find(ana, "One-click saved cards", 5).stream()
            .filter(i -> i.title().equals("One-click saved cards"))
            .filter(i -> i.kind().equals("work_item"))
            .findFirst()
            .orElseThrow();
    Demand demand = feedback.demand(ana, savedCards.key());

    assertThat(inbox.slice().total()).isBetween(480L, 560L);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(
            feedback
                .list(
                    ana,
                    "checkout",
                    FeedbackFilter.parse(null, null, null, "wallets", null, null, null, null, null),
                    null,
                    50)
                .slice()
                .total())
        .isGreaterThan(20);
    assertThat(demand.feedback()).isGreaterThan(30);
    assertThat(demand.customers()).isGreaterThanOrEqualTo(8);
    assertThat(demand.revenueMinor()).isPositive();
    assertThat(demand.importanceMean()).isBetween(0.5, 3.0);
    assertThat(demand.trend().stream().filter(m -> m.count() > 0).count()).isGreaterThan(6);
  }

  @Test
  void checkoutsUntriagedFeedbackIsGroupedIntoThemesWithTermsAndQuotes(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana =
        app.sessions().signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null).user();

    var overview = app.app().discovery().themes().service().overview(ana, "checkout");

    assertThat(overview.runAt()).isNotNull();
    assertThat(overview.themes()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(overview.themes())
        .allSatisfy(
            t -> {
              assertThat(t.terms()).isNotEmpty();
              assertThat(t.quotes()).isNotEmpty();
            });
    assertThat(overview.unthemed()).isLessThan(overview.untriaged() / 4);
    assertThat(overview.themes())
        .anySatisfy(
            t -> {
              assertThat(t.name()).isEqualTo("Saved cards");
              assertThat(t.kept()).isTrue();
            });
  }
}
