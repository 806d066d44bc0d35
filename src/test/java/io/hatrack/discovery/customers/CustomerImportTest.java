package io.hatrack.discovery.customers;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class CustomerImportTest {
  private static final String FILE =
      """
      name,external_id,segment,plan,tier,arr,mrr,domain
      Brightwave Retail,CRM-1,Enterprise,Enterprise,Strategic,"480,000",,brightwave.com
      "Pebble & Moss, Studio",CRM-2,SMB,Starter,Bronze,,349.50,pebbleandmoss.com
      Fable Kids,,SMB,Starter,Bronze,,,
      """;

  private static CustomerImport imports(TestApp app) {
    return app.app().discovery().imports();
  }

  private static CustomerImport.Report run(TestApp app, Team team, String csv, boolean dryRun) {
    return imports(app)
        .run(
            team.owner(),
            team.workspace().slug(),
            "customers.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            dryRun);
  }

  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "customer", app.count("customer"),
        "activity", app.count("activity"));
  }

  private static List<Customer> customers(TestApp app, Team team) {
    return app.app()
        .discovery()
        .customers()
        .list(team.owner(), team.workspace().slug(), CustomerFilter.ALL, null, 100)
        .slice()
        .items();
  }

  @Test
  void aFileOfCustomersIsImportedWithExactRevenueAndCounted(TestApp app) {
    Team team = team(app);

    CustomerImport.Report report = run(app, team, FILE, false);

    assertThat(report.problems()).isEmpty();
    assertThat(report.saved()).isTrue();
    assertThat(report.counts()).isEqualTo("3 created, 0 updated, 0 unchanged");
    List<Customer> all = customers(app, team);
    assertThat(all)
        .extracting(Customer::name)
        .containsExactly("Brightwave Retail", "Fable Kids", "Pebble & Moss, Studio");
    Customer pebble = all.get(2);
    assertThat(pebble.revenue()).isEqualTo(new Revenue(34_950, RevenuePeriod.MRR));
    assertThat(pebble.externalId()).isEqualTo("CRM-2");
    assertThat(all.get(0).revenue()).isEqualTo(new Revenue(48_000_000, RevenuePeriod.ARR));
    assertThat(all.get(1).revenue()).isNull();
  }

  @Test
  void importingTheSameFileAgainChangesNothingAndAChangedRowUpdatesByExternalId(TestApp app) {
    Team team = team(app);
    run(app, team, FILE, false);
    Map<String, Long> before = footprint(app);

    CustomerImport.Report again = run(app, team, FILE, false);

    assertThat(again.counts()).isEqualTo("0 created, 0 updated, 3 unchanged");
    assertThat(footprint(app)).isEqualTo(before);
    CustomerImport.Report changed =
        run(
            app,
            team,
            "external_id,name,tier,arr\nCRM-1,Brightwave,Gold,500000\nCRM-9,Kestrel Bikes,,\n",
            false);
    assertThat(changed.counts()).isEqualTo("1 created, 1 updated, 0 unchanged");
    Customer brightwave =
        customers(app, team).stream()
            .filter(c -> "CRM-1".equals(c.externalId()))
            .findFirst()
            .orElseThrow();
    assertThat(brightwave.name()).isEqualTo("Brightwave");
    assertThat(brightwave.tier()).isEqualTo("Gold");
    // Columns the file does not have are kept.
    assertThat(brightwave.segment()).isEqualTo("Enterprise");
    assertThat(brightwave.domain()).isEqualTo("brightwave.com");
    assertThat(brightwave.version()).isEqualTo(2);
    assertThat(customers(app, team)).hasSize(4);
  }

  @Test
  void aRowWithoutExternalIdUpdatesTheCustomerOfTheSameName(TestApp app) {
    Team team = team(app);
    run(app, team, FILE, false);

    CustomerImport.Report report = run(app, team, "name,segment\nfable kids,Mid-market\n", false);

    assertThat(report.counts()).isEqualTo("0 created, 1 updated, 0 unchanged");
    assertThat(customers(app, team))
        .filteredOn(c -> c.name().equals("fable kids"))
        .extracting(Customer::segment)
        .containsExactly("Mid-market");
  }

  @Test
  void aDryRunCountsWhatItWouldDoAndSavesNothing(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    CustomerImport.Report report = run(app, team, FILE, true);

    assertThat(report.ok()).isTrue();
    assertThat(report.saved()).isFalse();
    assertThat(report.counts()).isEqualTo("3 created, 0 updated, 0 unchanged");
    assertThat(report.preview())
        .extracting(CustomerImport.Planned::line)
        .containsExactly(2L, 3L, 4L);
    assertThat(footprint(app)).isEqualTo(before);
  }

  /** Imports {@code csv}, expects it refused with exactly {@code problems}, and nothing saved. */
  private static void refused(TestApp app, Team team, String csv, String... problems) {
    refused(app, team, csv.getBytes(StandardCharsets.UTF_8), problems);
  }

  private static void refused(TestApp app, Team team, byte[] bytes, String... problems) {
    Map<String, Long> before = footprint(app);
    CustomerImport.Report report =
        imports(app).run(team.owner(), team.workspace().slug(), "bad.csv", bytes, false);
    assertThat(report.saved()).isFalse();
    assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly(problems);
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void oneBadAmountRefusesTheWholeFileNamingItsLineAndColumn(TestApp app) {
    Team team = team(app);

    refused(
        app,
        team,
        "name,ARR\nGood One,1000\nGood Two,2000\nBad,12k\n",
        "line 4, column ARR: \"12k\" is not an amount");
    assertThat(customers(app, team)).isEmpty();
  }

  @Test
  void everyBadValueIsListedWithItsLineAndColumn(TestApp app) {
    Team team = team(app);

    refused(
        app,
        team,
        "name,external_id,arr,mrr,domain\n"
            + ",A,1,,\n"
            + "Twice,A,,2,\n"
            + "Both,B,1,2,\n"
            + "Site,C,,,not a domain\n",
        "line 2, column name: must not be blank",
        "line 3, column external_id: \"A\" is already on line 2",
        "line 4, column arr: and mrr both have an amount; give one of them",
        "line 5, column domain: must be a domain such as brightwave.com");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLine(TestApp app) {
    Team team = team(app);
    byte[] latin1 = "name\nAcme\nCaf\u00e9 Noir\n".getBytes(StandardCharsets.ISO_8859_1);

    refused(
        app,
        team,
        latin1,
        "line 3: the file is not UTF-8 text (save it as \"CSV UTF-8\" and try again)");
  }

  @Test
  void unbalancedQuotesAreRefused(TestApp app) {
    Team team = team(app);

    refused(
        app,
        team,
        "name,segment\nAcme,SMB\n\"Open quote,SMB\nNext,SMB\n",
        "line 3: the quotes do not balance (a quote \" without its partner, or text right after"
            + " a closing quote)");
  }

  @Test
  void aHeaderWithoutNameADuplicateOrAnUnknownColumnIsRefused(TestApp app) {
    Team team = team(app);

    refused(
        app,
        team,
        "segment,plan\nSMB,Starter\n",
        "line 1: the header has no column name, which every customer needs");
    refused(
        app,
        team,
        "name,Segment,segment\nAcme,SMB,SMB\n",
        "line 1, column segment: appears twice in the header (also as \"Segment\")");
    refused(
        app,
        team,
        "name,domain,website\nAcme,a.com,a.com\n",
        "line 1, column website: appears twice in the header (also as \"domain\")");
    refused(
        app,
        team,
        "name,segmnet\nAcme,SMB\n",
        "line 1, column segmnet: is not a column Hatrack knows; the columns are name,"
            + " external_id, segment, plan, tier, arr, mrr, domain, notes, contact_name,"
            + " contact_email, contact_role (website for domain, contact for contact_name)");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsRefused(TestApp app) {
    Team team = team(app);

    refused(
        app,
        team,
        "name,segment\nAcme,SMB,extra\n",
        "line 2: has 3 fields but the header has 2 (a comma too many or too few, or a quote not"
            + " closed?)");
  }

  @Test
  void anEmptyFileOrOneTooLargeIsRefused(TestApp app) {
    Team team = team(app);

    refused(app, team, "", "the file is empty: it needs a header row with at least name");
    refused(app, team, "name\n", "the file has a header but no customers");
    byte[] huge = new byte[CustomerCsv.MAX_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    refused(
        app,
        team,
        huge,
        "the file is 1,000,001 bytes; the limit is 1,000,000 bytes (about 10,000 customers):"
            + " split it");
  }

  @Test
  void aStagedFileIsImportedOnConfirmationOnlyOnce(TestApp app) {
    Team team = team(app);
    String ws = team.workspace().slug();
    Map<String, Long> before = footprint(app);

    CustomerImport.Report staged =
        imports(app).stage(team.owner(), ws, "crm.csv", FILE.getBytes(StandardCharsets.UTF_8));

    assertThat(staged.ok()).isTrue();
    assertThat(staged.stagedId()).isNotNull();
    assertThat(footprint(app)).isEqualTo(before);
    CustomerImport.Report done = imports(app).confirm(team.owner(), ws, staged.stagedId());
    assertThat(done.saved()).isTrue();
    assertThat(done.counts()).isEqualTo("3 created, 0 updated, 0 unchanged");
    assertThat(app.count("customer_import")).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> imports(app).confirm(team.owner(), ws, staged.stagedId()))
        .isInstanceOf(io.hatrack.kernel.NotFound.class);
  }

  private List<Contact> contactsOf(TestApp app, Team team, String name) {
    Customer c =
        customers(app, team).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    return app.app().discovery().customers().contacts(team.owner(), Long.toString(c.id()));
  }

  @Test
  void aRowsContactIsAddedOnceAndAnotherAddressAddsAnotherContact(TestApp app) {
    Team team = team(app);
    String file =
        """
        name,external_id,Contact,Contact Email,contact_role
        Brightwave Retail,CRM-1,Lena Fischer,lena@brightwave.example,Head of Payments
        Fable Kids,CRM-2,,,
        """;

    CustomerImport.Report first = run(app, team, file, false);
    CustomerImport.Report again = run(app, team, file, false);
    CustomerImport.Report more =
        run(
            app,
            team,
            "name,external_id,contact_name,contact_email\n"
                + "Brightwave Retail,CRM-1,Lena F.,LENA@brightwave.example\n"
                + "Fable Kids,CRM-2,Tom Berg,tom@fable.example\n",
            false);

    assertThat(first.counts()).isEqualTo("2 created, 0 updated, 0 unchanged");
    assertThat(first.preview().get(0).contact()).isEqualTo("Lena Fischer");
    assertThat(again.counts()).isEqualTo("0 created, 0 updated, 2 unchanged");
    assertThat(more.counts()).isEqualTo("0 created, 1 updated, 1 unchanged");
    List<Contact> lena = contactsOf(app, team, "Brightwave Retail");
    assertThat(lena).hasSize(1);
    assertThat(lena.get(0).email()).isEqualTo("lena@brightwave.example");
    assertThat(lena.get(0).role()).isEqualTo("Head of Payments");
    assertThat(contactsOf(app, team, "Fable Kids"))
        .extracting(Contact::name)
        .containsExactly("Tom Berg");
  }

  @Test
  void aContactWithABadAddressRefusesTheFileNamingItsLineAndColumn(TestApp app) {
    Team team = team(app);

    refused(
        app,
        team,
        "name,contact_name,Contact Email\nGood,Ann,ann@good.example\nBad,Bob,bob-at-bad\n",
        "line 3, column Contact Email: must be an e-mail address such as lena@brightwave.com");
    assertThat(customers(app, team)).isEmpty();
  }
}
