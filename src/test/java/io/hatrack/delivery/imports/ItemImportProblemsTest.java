package io.hatrack.delivery.imports;

import static io.hatrack.delivery.imports.ItemImportTest.items;
import static io.hatrack.delivery.imports.ItemImportTest.sample;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files with surprises: a clear report, and nothing half-written. */
@OnEveryDatabase
class ItemImportProblemsTest {

  private static ItemImport.Report run(
      TestApp app, Team t, String name, byte[] bytes, ImportOptions options) {
    return app.app()
        .delivery()
        .imports()
        .items()
        .run(t.owner(), t.product().slug(), ImportFile.of(name, bytes), options, JobProgress.NONE);
  }

  private static ItemImport.Report jira(TestApp app, Team t, String csv) {
    return run(
        app,
        t,
        "jira.csv",
        csv.getBytes(StandardCharsets.UTF_8),
        ImportOptions.of(ImportFormat.JIRA, false));
  }

  @Test
  void oneBadRecordKeepsTheWholeFileOutAndEveryProblemNamesItsLineAndKey(TestApp app) {
    Team t = team(app);

    ItemImport.Report report =
        jira(
            app,
            t,
            "Summary,Issue key,Issue Type,Custom field (Story Points)\n"
                + "Fine,ABC-1,Story,3\n"
                + ",ABC-2,Story,\n"
                + "Points,ABC-3,Story,lots\n"
                + "Twice,ABC-1,Bug,\n");

    assertThat(report.saved()).isFalse();
    assertThat(report.problems())
        .extracting(RecordProblem::toString)
        .containsExactly(
            "line 3 (ABC-2): has no title",
            "line 4 (ABC-3): the estimate \"lots\" is not a number",
            "line 5 (ABC-1): ABC-1 appears twice (first at line 2 (ABC-1))");
    assertThat(report.created()).isZero();
    assertThat(items(app, t)).isEmpty();
  }

  @Test
  void aFileWithoutJirasColumnsIsRefusedNamingTheColumnsItHas(TestApp app) {
    Team t = team(app);

    ItemImport.Report report = jira(app, t, "Title,Key\nA,B\n");

    assertThat(report.problems()).hasSize(1);
    assertThat(report.problems().get(0).toString())
        .startsWith("line 1: no column Summary")
        .contains("The columns are Title, Key");
  }

  @Test
  void aDryRunCountsEverythingAndSavesNothing(TestApp app) {
    Team t = team(app);

    ItemImport.Report report =
        run(
            app,
            t,
            "jira-all-fields.csv",
            sample("jira-all-fields.csv"),
            ImportOptions.of(ImportFormat.JIRA, true));

    assertThat(report.ok()).isTrue();
    assertThat(report.dryRun()).isTrue();
    assertThat(report.saved()).isFalse();
    assertThat(report.created()).isEqualTo(6);
    assertThat(report.comments()).isEqualTo(4);
    assertThat(items(app, t)).isEmpty();
  }

  @Test
  void windows1252AndGermanDatesAreDetectedAndReported(TestApp app) {
    Team t = team(app);

    ItemImport.Report latin =
        run(
            app,
            t,
            "jira-windows-1252.csv",
            sample("jira-windows-1252.csv"),
            ImportOptions.of(ImportFormat.JIRA, false));
    ItemImport.Report german =
        run(
            app,
            t,
            "jira-german-dates.csv",
            sample("jira-german-dates.csv"),
            ImportOptions.parse("jira", false, List.of("status:Erledigt=Done")));

    assertThat(latin.problems()).isEmpty();
    assertThat(latin.encoding()).isEqualTo("Windows-1252");
    assertThat(latin.notes()).anySatisfy(n -> assertThat(n).contains("not UTF-8 (from line 2)"));
    Map<String, WorkItem> items = items(app, t);
    assertThat(items).containsKey("Café receipts in £");
    assertThat(items.get("Café receipts in £").description())
        .isEqualTo("Windows-1252 \u201cquotes\u201d");
    assertThat(german.problems()).isEmpty();
    assertThat(german.notes())
        .anySatisfy(n -> assertThat(n).startsWith("dates read as dd.MM.yy HH:mm"));
    WorkItem export = items.get("Rechnungsexport als CSV");
    assertThat(export.state().name()).isEqualTo("Done");
    assertThat(items.get("Zahlungsfehler anzeigen").state().name()).isEqualTo("In progress");
    var comment =
        app.collaboration().comments().list(t.owner(), export.key(), 0, 10).comments().get(0);
    assertThat(comment.body()).contains("Grüße");
    assertThat(
            comment.createdAt().atZone(java.time.ZoneId.of(t.owner().timeZone())).toLocalDateTime())
        .isEqualTo(java.time.LocalDateTime.of(2024, 3, 13, 9, 10));
  }

  @Test
  void aByteOrderMarkBlankTrailingRowsAndShortRowsAreReadButARowTooLongIsAProblem(TestApp app) {
    Team t = team(app);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        "key,title,status\nK-1,With a BOM,Ready\nK-2,Short row\n,,\n\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(body, 0, file, bom.length, body.length);

    ItemImport.Report ok = run(app, t, "bom.csv", file, ImportOptions.of(ImportFormat.CSV, false));
    ItemImport.Report tooLong =
        run(
            app,
            t,
            "long.csv",
            "key,title\nK-9,Fine\nK-10,Too,many\n".getBytes(StandardCharsets.UTF_8),
            ImportOptions.of(ImportFormat.CSV, false));

    assertThat(ok.problems()).isEmpty();
    assertThat(ok.encoding()).isEqualTo("UTF-8 with a byte-order mark");
    assertThat(ok.columns()).containsEntry("key", "key");
    assertThat(ok.created()).isEqualTo(2);
    assertThat(tooLong.problems())
        .extracting(RecordProblem::toString)
        .containsExactly(
            "line 3: has 3 fields but the header has 2 (a comma too many, or a quote not closed?)");
    assertThat(items(app, t)).containsOnlyKeys("With a BOM", "Short row");
  }

  @Test
  void aGenericCsvWithARepeatedHeaderOrAMappingToNothingIsRefused(TestApp app) {
    Team t = team(app);

    ItemImport.Report repeated =
        run(
            app,
            t,
            "r.csv",
            "title,title\nA,B\n".getBytes(StandardCharsets.UTF_8),
            ImportOptions.of(ImportFormat.CSV, false));
    ItemImport.Report badMapping =
        run(
            app,
            t,
            "m.csv",
            "name,state\nA,Open\n".getBytes(StandardCharsets.UTF_8),
            ImportOptions.parse(
                "csv", false, List.of("name=headline", "status:Open=Nowhere", "Missing=title")));

    assertThat(repeated.problems())
        .extracting(RecordProblem::toString)
        .containsExactly(
            "line 1, column title: appears twice in the header: rename one (a generic CSV maps"
                + " each column once)");
    assertThat(badMapping.problems())
        .extracting(RecordProblem::toString)
        .contains(
            "mapping status:Open: \"Nowhere\" is not a state of the workflow (Backlog, Ready, In"
                + " progress, In review, Done, Won't do)",
            "column name: \"headline\" is not a field; the fields are title, type, status,"
                + " description, estimate, tags, parent, key, owner",
            "line 1: the mapping names a column \"Missing\" the file lacks");
    assertThat(items(app, t)).isEmpty();
  }

  @Test
  void parentsTheHierarchyDoesNotAllowOrOutsideTheFileAreLeftOutWithANote(TestApp app) {
    Team t = team(app);

    ItemImport.Report report =
        jira(
            app,
            t,
            "Summary,Issue key,Issue Type,Parent\n"
                + "Story A,L-1,Story,L-2\n"
                + "Story B,L-2,Story,\n"
                + "Task A,L-3,Task,L-4\n"
                + "Task B,L-4,Task,L-3\n"
                + "Orphan,L-5,Story,L-99\n");

    assertThat(report.problems()).isEmpty();
    assertThat(report.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("hierarchy does not allow")
                    .contains("(story) under L-2 (story)"))
        .anySatisfy(n -> assertThat(n).contains("(task) under L-4 (task)"))
        .anySatisfy(n -> assertThat(n).contains("not in the file").contains("L-99"));
    Map<String, WorkItem> items = items(app, t);
    assertThat(items.get("Story A").parent()).isNull();
    assertThat(items.get("Orphan").parent()).isNull();
    // Tasks under each other would loop; the hierarchy allows neither.
    assertThat(items.get("Task A").parent()).isNull();
    assertThat(items.get("Task B").parent()).isNull();
  }
}
