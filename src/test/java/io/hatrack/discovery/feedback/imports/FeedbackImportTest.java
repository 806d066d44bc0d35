package io.hatrack.discovery.feedback.imports;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.ContactDraft;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackFilter;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.jobs.JobStatus;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class FeedbackImportTest {
  private static final String FILE =
      """
      Ticket ID,Comment,Channel,Company,Requester,Created At,Priority,Labels,Agent
      T-1,"Saved cards would save us minutes, every order",support_ticket,CRM-1,,2025-03-04,3,saved cards;checkout,Eva
      T-2,3-D Secure fails on Safari,email,Brightwave Retail,kim@brightwave.example,2025-03-05T10:12:00Z,2,3ds,Eva
      ,Invoice export as CSV please,Sales call,,,,,invoices,Dev
      """;

  private static FeedbackImport imports(TestApp app) {
    return app.app().discovery().feedbackImport();
  }

  private static Team teamWithCustomers(TestApp app) {
    Team team = team(app);
    var customers = app.app().discovery().customers();
    Customer brightwave =
        customers.create(
            team.owner(),
            team.workspace().slug(),
            new CustomerDraft(
                "Brightwave Retail", "CRM-1", "Enterprise", "", "", "", "", null, null));
    customers.addContact(
        team.owner(),
        Long.toString(brightwave.id()),
        new ContactDraft("Kim", "kim@brightwave.example", "", ""));
    return team;
  }

  private static FeedbackImport.Report run(
      TestApp app, Team team, String text, FileFormat format, boolean dryRun, String... map) {
    return imports(app)
        .run(
            team.owner(),
            team.product().slug(),
            "tickets." + format.id(),
            text.getBytes(StandardCharsets.UTF_8),
            new FeedbackImport.Options(format, List.of(map), DateFormat.ISO, dryRun),
            JobProgress.NONE);
  }

  private static FeedbackImport.Report csv(TestApp app, Team team, String text, String... map) {
    return run(app, team, text, FileFormat.CSV, false, map);
  }

  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "feedback", app.count("feedback"),
        "entity_tag", app.count("entity_tag"),
        "activity", app.count("activity"));
  }

  private static List<Feedback> inbox(TestApp app, Team team) {
    return app.app()
        .discovery()
        .feedback()
        .service()
        .list(team.owner(), team.product().slug(), FeedbackFilter.ALL, null, 100)
        .slice()
        .items();
  }

  @Test
  void aFileIsImportedWithCustomersContactsDatesAndTagsAndTheUnmappedColumnIsListed(TestApp app) {
    Team team = teamWithCustomers(app);

    FeedbackImport.Report report = csv(app, team, FILE);

    assertThat(report.problems()).isEmpty();
    assertThat(report.saved()).isTrue();
    assertThat(report.counts()).isEqualTo("3 new, 0 updated, 0 unchanged");
    assertThat(report.ignoredColumns()).containsExactly("Agent");
    assertThat(report.mapping())
        .containsEntry("Comment", "text")
        .containsEntry("Company", "customer");
    List<Feedback> all = inbox(app, team);
    assertThat(all).hasSize(3);
    Feedback safari =
        all.stream().filter(f -> "T-2".equals(f.externalId())).findFirst().orElseThrow();
    assertThat(safari.customerName()).isEqualTo("Brightwave Retail");
    assertThat(safari.contactName()).isEqualTo("Kim");
    assertThat(safari.happenedAt()).isEqualTo(Instant.parse("2025-03-05T10:12:00Z"));
    assertThat(safari.importance()).isEqualTo(2);
    assertThat(safari.source().id()).isEqualTo("email");
    Feedback invoice = all.stream().filter(f -> f.externalId() == null).findFirst().orElseThrow();
    assertThat(invoice.source().id()).isEqualTo("sales_call");
    assertThat(invoice.key()).startsWith("CHK-");
    assertThat(
            app.app()
                .collaboration()
                .tags()
                .list(
                    team.owner(),
                    all.stream()
                        .filter(f -> "T-1".equals(f.externalId()))
                        .findFirst()
                        .orElseThrow()
                        .key()))
        .containsExactly("checkout", "saved cards");
  }

  @Test
  void importingTheSameFileAgainChangesNothingAndAChangedRowUpdatesItsFeedback(TestApp app) {
    Team team = teamWithCustomers(app);
    csv(app, team, FILE);
    String withoutTheRowLackingAnId = FILE.substring(0, FILE.indexOf(",Invoice export"));
    csv(app, team, FILE.substring(0, FILE.indexOf(",Invoice export")));
    Map<String, Long> before = footprint(app);

    FeedbackImport.Report again = csv(app, team, withoutTheRowLackingAnId);

    assertThat(again.counts()).isEqualTo("0 new, 0 updated, 2 unchanged");
    assertThat(footprint(app)).isEqualTo(before);
    FeedbackImport.Report changed =
        csv(
            app,
            team,
            "external_id,text,status\nT-1,Saved cards would save us minutes,triaged\nT-9,New one,\n");
    assertThat(changed.counts()).isEqualTo("1 new, 1 updated, 0 unchanged");
    Feedback first =
        inbox(app, team).stream()
            .filter(f -> "T-1".equals(f.externalId()))
            .findFirst()
            .orElseThrow();
    assertThat(first.text()).isEqualTo("Saved cards would save us minutes");
    assertThat(first.status().id()).isEqualTo("triaged");
    assertThat(first.customerName())
        .as("columns the file lacks are kept")
        .isEqualTo("Brightwave Retail");
    assertThat(first.importance()).isEqualTo(3);
    assertThat(first.version()).isEqualTo(2);
  }

  @Test
  void aDryRunCountsWhatItWouldDoAndSavesNothing(TestApp app) {
    Team team = teamWithCustomers(app);
    Map<String, Long> before = footprint(app);

    FeedbackImport.Report report = run(app, team, FILE, FileFormat.CSV, true);

    assertThat(report.ok()).isTrue();
    assertThat(report.saved()).isFalse();
    assertThat(report.dryRun()).isTrue();
    assertThat(report.counts()).isEqualTo("3 new, 0 updated, 0 unchanged");
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void everyBadRowIsNamedWithItsLineAndColumnAndNothingIsWritten(TestApp app) {
    Team team = teamWithCustomers(app);
    Map<String, Long> before = footprint(app);
    String bad =
        """
        id,text,source,customer,date,importance,contact
        A-1,Fine,portal,CRM-1,2025-01-02,1,
        A-2,Unknown customer,portal,Nobody Inc,2025-01-02,,
        A-3,Bad source,chat,,2025-01-02,,
        A-1,Same id again,portal,,,,
        A-4,,portal,,,,
        A-5,Ambiguous date,portal,,03/04/2025,,
        A-6,Unknown date,portal,,next week,,
        A-7,Too important,portal,,,5,
        A-8,Stranger,portal,,,,who@nowhere.example
        """;

    FeedbackImport.Report report = csv(app, team, bad);

    assertThat(report.saved()).isFalse();
    assertThat(report.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "line 3, column customer: no customer of the workspace has the external id or name"
                + " \"Nobody Inc\" (or several have that name); add the customer first, or fix the"
                + " file",
            "line 4, column source: \"chat\" is not a source; the sources are support_ticket,"
                + " sales_call, interview, survey, portal, email, api, sprint_review, other",
            "line 5, column id: \"A-1\" is already the external id of the record on line 2; each"
                + " piece of feedback needs its own",
            "line 6, column text: is empty: every piece of feedback needs its text",
            "line 7, column date: \"03/04/2025\" could be day/month or month/day: choose the date"
                + " format (dd/MM/yyyy or MM/dd/yyyy)",
            "line 8, column date: \"next week\" is not a date Hatrack reads; write 2025-03-04 or"
                + " 2025-03-04T09:30:00Z, or choose one of the formats iso, dd/MM/yyyy, MM/dd/yyyy,"
                + " dd.MM.yyyy",
            "line 9, column importance: \"5\" is not an importance; write 0 (not important), 1"
                + " (nice to have), 2 (important) or 3 (critical)",
            "line 10, column contact: no contact of the workspace's customers has the e-mail"
                + " address \"who@nowhere.example\"");
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aFileWithoutATextColumnIsRefusedAtItsHeader(TestApp app) {
    Team team = teamWithCustomers(app);
    Map<String, Long> before = footprint(app);

    FeedbackImport.Report report = csv(app, team, "id,channel\n1,email\n");

    assertThat(report.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "line 1: no column holds the text of the feedback (the columns are id, channel): name"
                + " one text, or map it with COLUMN:text");
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aWrittenMappingAndAChosenDateFormatAreUsed(TestApp app) {
    Team team = teamWithCustomers(app);

    FeedbackImport.Report report =
        imports(app)
            .run(
                team.owner(),
                team.product().slug(),
                "notes.csv",
                "Said,When,Who\nFaster payouts,03/04/2025,brightwave retail\n"
                    .getBytes(StandardCharsets.UTF_8),
                new FeedbackImport.Options(
                    FileFormat.CSV,
                    List.of("Said:text", "When:date", "Who:customer"),
                    DateFormat.MONTH_DAY_YEAR,
                    false),
                JobProgress.NONE);

    assertThat(report.problems()).isEmpty();
    Feedback f = inbox(app, team).get(0);
    assertThat(f.happenedAt().atZone(team.owner().zone()).toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2025, 3, 4));
    assertThat(f.customerName()).isEqualTo("Brightwave Retail");
  }

  @Test
  void jsonIsImportedAndItsProblemsNameTheRecordLineAndColumn(TestApp app) {
    Team team = teamWithCustomers(app);
    String json =
        """
        {"feedback": [
          {"text": "Saved cards", "tags": ["checkout", "cards"], "id": "J-1"},
          {"text": "Bad source", "source": "fax"}
        ]}
        """;

    FeedbackImport.Report refused = run(app, team, json, FileFormat.JSON, false);
    FeedbackImport.Report imported =
        run(app, team, json.replace("\"fax\"", "\"portal\""), FileFormat.JSON, false);

    assertThat(refused.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "record 2 (line 3, column 36), field source: \"fax\" is not a source; the sources are"
                + " support_ticket, sales_call, interview, survey, portal, email, api,"
                + " sprint_review, other");
    assertThat(imported.counts()).isEqualTo("2 new, 0 updated, 0 unchanged");
  }

  @Test
  void anImportRunsAsAJobWhoseReportIsItsResultAndAFileWithProblemsFailsIt(TestApp app) {
    Team team = teamWithCustomers(app);
    FeedbackImport imports = imports(app);
    FeedbackImport.Options options =
        new FeedbackImport.Options(FileFormat.CSV, List.of(), DateFormat.ISO, false);

    Job ok =
        imports.start(
            team.owner(),
            team.product().slug(),
            "a.csv",
            FILE.getBytes(StandardCharsets.UTF_8),
            options,
            null);
    Job bad =
        imports.start(
            team.owner(),
            team.product().slug(),
            "b.csv",
            "text,source\nx,fax\n".getBytes(StandardCharsets.UTF_8),
            options,
            null);
    Job done = app.app().jobs().await(ok.id(), Duration.ofSeconds(30));
    Job failed = app.app().jobs().await(bad.id(), Duration.ofSeconds(30));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(((FeedbackImport.Report) done.result()).created()).isEqualTo(3);
    assertThat(done.title()).isEqualTo("Import a.csv into " + team.product().name());
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error())
        .startsWith("b.csv cannot be imported: one problem (the first: line 2, column source");
    assertThat(((FeedbackImport.Report) failed.result()).problems()).hasSize(1);
  }
}
