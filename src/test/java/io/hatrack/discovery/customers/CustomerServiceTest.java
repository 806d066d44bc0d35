package io.hatrack.discovery.customers;

import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static io.hatrack.testing.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class CustomerServiceTest {

  private static CustomerService customers(TestApp app) {
    return app.app().discovery().customers();
  }

  private static String ws(Team team) {
    return team.workspace().slug();
  }

  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "customer", app.count("customer"),
        "customer_contact", app.count("customer_contact"),
        "activity", app.count("activity"));
  }

  private static Customer brightwave(TestApp app, Team team) {
    return customers(app)
        .create(
            team.owner(),
            ws(team),
            CustomerDraft.of("Brightwave Retail")
                .withExternalId("CRM-1")
                .in("Enterprise", "Enterprise", "Strategic")
                .paying("480,000", "arr")
                .withDomain("https://www.Brightwave.com/about"));
  }

  @Test
  void anEditorAddsACustomerOfTheWholeWorkspaceWithExactRevenue(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");

    Customer c =
        customers(app)
            .create(
                ben,
                ws(team),
                CustomerDraft.of("  Luma Home Goods ")
                    .in("Mid-market", "Growth", "Gold")
                    .paying("10,400.50", "MRR")
                    .withDomain("lumahome.co"));

    assertThat(c.name()).isEqualTo("Luma Home Goods");
    assertThat(c.item().kind()).isEqualTo("customer");
    assertThat(c.item().productId()).isNull();
    assertThat(c.item().key()).isNull();
    assertThat(c.item().workspaceId()).isEqualTo(team.workspace().id());
    assertThat(c.revenue()).isEqualTo(new Revenue(1_040_050, RevenuePeriod.MRR));
    assertThat(c.segment()).isEqualTo("Mid-market");
    assertThat(c.version()).isEqualTo(1);
    CustomerService.View read = customers(app).get(team.owner(), Long.toString(c.id()));
    assertThat(read.customer()).isEqualTo(c);
    assertThat(read.settings().currencyCode()).isEqualTo("USD");
  }

  @Test
  void revenueIsNormalisedToAYearTwelveTimesTheMonthlyAmount(TestApp app) {
    Team team = team(app);
    Customer monthly =
        customers(app).create(team.owner(), ws(team), CustomerDraft.of("M").paying("5400", "mrr"));
    Customer yearly =
        customers(app)
            .create(team.owner(), ws(team), CustomerDraft.of("Y").paying("64800.01", "arr"));

    assertThat(monthly.revenue().arrMinor()).isEqualTo(6_480_000);
    assertThat(yearly.revenue().arrMinor()).isEqualTo(6_480_001);
    CustomerService.Listing byRevenue =
        customers(app)
            .list(
                team.owner(),
                ws(team),
                new CustomerFilter(null, null, null, null, "-revenue"),
                null,
                10);
    assertThat(byRevenue.slice().items()).extracting(Customer::name).containsExactly("Y", "M");
    assertThat(byRevenue.totalArrMinor()).isEqualTo(12_960_001);
  }

  @Test
  void aBrokenCustomerIsRefusedNamingEveryFieldAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    brightwave(app, team);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                customers(app)
                    .create(
                        team.owner(),
                        ws(team),
                        new CustomerDraft(
                            " ", "CRM-1", null, null, null, "not a domain", null, "12k", "yearly")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError("name", "must not be blank"),
                        new FieldError(
                            "external_id", "is already the external id of Brightwave Retail"),
                        new FieldError("domain", "must be a domain such as brightwave.com"),
                        new FieldError("revenue_amount", "\"12k\" is not an amount"),
                        new FieldError(
                            "revenue_period", "must be arr (per year) or mrr (per month)")));
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void anAmountNeedsAPeriodAndNoMoreDecimalsThanTheCurrencyHas(TestApp app) {
    Team team = team(app);

    assertThatThrownBy(
            () ->
                customers(app)
                    .create(team.owner(), ws(team), CustomerDraft.of("A").paying("10.005", "arr")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("revenue_amount"))
                    .isEqualTo("\"10.005\" has more decimals than the currency has (2 digits)"));
    assertThatThrownBy(
            () ->
                customers(app)
                    .create(team.owner(), ws(team), CustomerDraft.of("A").paying("10", "")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("revenue_period")).startsWith("is needed"));
  }

  @Test
  void aStaleVersionIsAConflictAndTheFirstWriteStays(TestApp app) {
    Team team = team(app);
    Customer c = brightwave(app, team);
    String id = Long.toString(c.id());

    Customer changed =
        customers(app)
            .update(
                team.owner(),
                id,
                1,
                CustomerDraft.of("Brightwave")
                    .withExternalId("CRM-1")
                    .in("Enterprise", "Enterprise", "Gold")
                    .paying("500000", "arr"));

    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.tier()).isEqualTo("Gold");
    assertThatThrownBy(
            () -> customers(app).update(team.owner(), id, 1, CustomerDraft.of("Lost update")))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("you had version 1, it is now at version 2");
    assertThat(customers(app).get(team.owner(), id).customer().name()).isEqualTo("Brightwave");
  }

  @Test
  void aDeletedCustomerLeavesTheListAndComesBackWhenRestored(TestApp app) {
    Team team = team(app);
    Customer c = brightwave(app, team);
    String id = Long.toString(c.id());

    customers(app).delete(team.owner(), id, c.version());

    assertThat(
            customers(app)
                .list(team.owner(), ws(team), CustomerFilter.ALL, null, 10)
                .slice()
                .total())
        .isZero();
    assertThatThrownBy(() -> customers(app).get(team.owner(), id)).isInstanceOf(NotFound.class);
    Customer back = customers(app).restore(team.owner(), id);
    assertThat(back.item().deleted()).isFalse();
    assertThat(back.version()).isEqualTo(3);
    assertThat(
            customers(app)
                .list(team.owner(), ws(team), CustomerFilter.ALL, null, 10)
                .slice()
                .items())
        .extracting(Customer::id)
        .containsExactly(c.id());
  }

  @Test
  void anotherWorkspaceCannotSeeOrTouchTheCustomers(TestApp app) {
    Team team = team(app);
    Customer c = brightwave(app, team);
    User stranger = user(app, "sam");
    Workspace theirs = workspace(app, stranger);

    assertThat(
            customers(app)
                .list(stranger, theirs.slug(), CustomerFilter.ALL, null, 10)
                .slice()
                .total())
        .isZero();
    assertThatThrownBy(() -> customers(app).list(stranger, ws(team), CustomerFilter.ALL, null, 10))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> customers(app).get(stranger, Long.toString(c.id())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> customers(app).update(stranger, Long.toString(c.id()), 1, CustomerDraft.of("X")))
        .isInstanceOf(NotFound.class);
    // The same external id is free in another workspace.
    Customer other =
        customers(app)
            .create(stranger, theirs.slug(), CustomerDraft.of("Other").withExternalId("CRM-1"));
    assertThat(other.externalId()).isEqualTo("CRM-1");
  }

  @Test
  void aViewerReadsButCannotAddCustomers(TestApp app) {
    Team team = team(app);
    brightwave(app, team);
    User vic = team.member(app, Role.VIEWER, "vic");

    assertThat(customers(app).list(vic, ws(team), CustomerFilter.ALL, null, 10).slice().total())
        .isEqualTo(1);
    assertThatThrownBy(() -> customers(app).create(vic, ws(team), CustomerDraft.of("No")))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void theListSearchesFiltersAndPages(TestApp app) {
    Team team = team(app);
    brightwave(app, team);
    customers(app)
        .create(
            team.owner(),
            ws(team),
            CustomerDraft.of("Pebble 100% Moss")
                .in("SMB", "Starter", "Bronze")
                .withDomain("pebble.com"));
    customers(app)
        .create(
            team.owner(), ws(team), CustomerDraft.of("Fable Kids").in("SMB", "Starter", "Bronze"));

    var service = customers(app);
    User o = team.owner();
    assertThat(
            names(
                service.list(
                    o, ws(team), new CustomerFilter("BRIGHT", null, null, null, null), null, 10)))
        .containsExactly("Brightwave Retail");
    assertThat(
            names(
                service.list(
                    o, ws(team), new CustomerFilter("100%", null, null, null, null), null, 10)))
        .containsExactly("Pebble 100% Moss");
    assertThat(
            names(
                service.list(
                    o,
                    ws(team),
                    new CustomerFilter("pebble.com", null, null, null, null),
                    null,
                    10)))
        .containsExactly("Pebble 100% Moss");
    assertThat(
            names(
                service.list(
                    o, ws(team), new CustomerFilter(null, "SMB", null, null, "-name"), null, 10)))
        .containsExactly("Pebble 100% Moss", "Fable Kids");
    var first = service.list(o, ws(team), CustomerFilter.ALL, null, 2);
    assertThat(names(first)).containsExactly("Brightwave Retail", "Fable Kids");
    assertThat(first.slice().total()).isEqualTo(3);
    assertThat(names(service.list(o, ws(team), CustomerFilter.ALL, first.slice().nextCursor(), 2)))
        .containsExactly("Pebble 100% Moss");
    assertThat(service.facets(o, ws(team)).segments()).containsExactly("Enterprise", "SMB");
    assertThatThrownBy(() -> new CustomerFilter(null, null, null, null, "colour"))
        .isInstanceOf(Invalid.class);
  }

  private static List<String> names(CustomerService.Listing listing) {
    return listing.slice().items().stream().map(Customer::name).toList();
  }

  @Test
  void contactsAreAddedChangedWithTheirVersionAndRemoved(TestApp app) {
    Team team = team(app);
    String id = Long.toString(brightwave(app, team).id());

    Contact lena =
        customers(app)
            .addContact(
                team.owner(),
                id,
                new ContactDraft(" Lena Fischer ", "lena@brightwave.com", "VP", null));
    assertThat(lena.name()).isEqualTo("Lena Fischer");
    assertThatThrownBy(
            () ->
                customers(app)
                    .addContact(team.owner(), id, new ContactDraft("X", "not-an-email", "", "")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("email")).startsWith("must be an e-mail"));
    Contact changed =
        customers(app)
            .updateContact(
                team.owner(), id, lena.id(), 1, new ContactDraft("Lena Fischer", "", "CDO", ""));
    assertThat(changed.role()).isEqualTo("CDO");
    assertThat(changed.version()).isEqualTo(2);
    assertThatThrownBy(() -> customers(app).removeContact(team.owner(), id, lena.id(), 1))
        .isInstanceOf(Conflict.class);
    customers(app).removeContact(team.owner(), id, lena.id(), 2);
    assertThat(customers(app).contacts(team.owner(), id)).isEmpty();
  }

  @Test
  void changingTheCurrencyRelabelsAmountsExactlyOrRefusesLostCents(TestApp app) {
    Team team = team(app);
    Customer c =
        customers(app)
            .create(team.owner(), ws(team), CustomerDraft.of("Cents").paying("100.50", "arr"));
    CustomerSettings usd = customers(app).settings(team.owner(), ws(team));

    assertThatThrownBy(
            () -> customers(app).changeCurrency(team.owner(), ws(team), usd.version(), "JPY"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("currency")).contains("Cents"));
    assertThatThrownBy(
            () -> customers(app).changeCurrency(team.owner(), ws(team), usd.version(), "XYZ"))
        .isInstanceOf(Invalid.class);
    CustomerSettings kwd =
        customers(app).changeCurrency(team.owner(), ws(team), usd.version(), "kwd");

    assertThat(kwd.currencyCode()).isEqualTo("KWD");
    assertThat(usd.version()).isEqualTo(1);
    assertThat(kwd.version()).isEqualTo(2);
    Customer after = customers(app).get(team.owner(), Long.toString(c.id())).customer();
    assertThat(after.revenue().minor()).isEqualTo(100_500);
    assertThat(kwd.plain(after.revenue().minor())).isEqualTo("100.500");
    assertThatThrownBy(() -> customers(app).changeCurrency(team.owner(), ws(team), 1, "EUR"))
        .isInstanceOf(Conflict.class);
    User ben = team.member(app, Role.EDITOR, "ben");
    assertThatThrownBy(() -> customers(app).changeCurrency(ben, ws(team), 2, "EUR"))
        .isInstanceOf(Forbidden.class);
  }
}
