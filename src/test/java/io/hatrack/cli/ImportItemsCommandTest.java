package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hatrack import jira|github|trello|csv FILE} and {@code hatrack export items}. */
@OnEveryDatabase
class ImportItemsCommandTest {
  private final Dialect dialect;

  @TempDir Path dir;

  ImportItemsCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  private CommandLineRun run(TestApp app, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(storage(app.testDatabase())));
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  private Path sample(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/imports/" + name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  private static List<WorkItem> items(TestApp app, Team t) {
    return app.app()
        .definition()
        .workItems()
        .list(t.owner(), t.product().slug(), null, null, "key", null, 200)
        .slice()
        .items();
  }

  @Test
  void aDryRunPrintsTheReportAndSavesNothingThenTheImportSavesAndARepeatChangesNothing(TestApp app)
      throws IOException {
    Team t = team(app);
    Path jira = sample("jira-all-fields.csv");
    String ws = t.workspace().slug();

    CommandLineRun dry =
        run(
            app,
            "import",
            "jira",
            jira.toString(),
            "--product",
            "chk",
            "--workspace",
            ws,
            "--dry-run",
            "--map",
            "status:QA Verification=In review");
    int afterDry = items(app, t).size();
    CommandLineRun real =
        run(
            app,
            "import",
            "jira",
            jira.toString(),
            "--product",
            "CHK",
            "--workspace",
            ws,
            "--map",
            "status:QA Verification=In review");
    CommandLineRun again =
        run(
            app,
            "import",
            "jira",
            jira.toString(),
            "--product",
            "CHK",
            "--workspace",
            ws,
            "--map",
            "status:QA Verification=In review");

    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("  QA Verification -> In review (mapped)")
        .contains("Note: dates read as dd/MMM/yy h:mm a")
        .contains(
            "Checked jira-all-fields.csv for chk: 6 records, 6 created, 0 updated, 0 unchanged,"
                + " 0 skipped. Nothing was saved (dry run).");
    assertThat(afterDry).isZero();
    assertThat(real.exit()).as(real.err()).isZero();
    assertThat(real.out()).contains("Imported jira-all-fields.csv into CHK: 6 records, 6 created");
    assertThat(again.out()).contains("0 created, 0 updated, 6 unchanged");
    assertThat(items(app, t)).hasSize(6);
  }

  @Test
  void everyProblemIsPrintedWithItsRecordAndTheExitCodeSaysNothingWasImported(TestApp app)
      throws IOException {
    Team t = team(app);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "Summary,Issue key\nOK,X-1\n,X-2\n", StandardCharsets.UTF_8);

    CommandLineRun r =
        run(
            app,
            "import",
            "jira",
            bad.toString(),
            "--product",
            "CHK",
            "--workspace",
            t.workspace().slug());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("hatrack: bad.csv: line 3 (X-2): has no title")
        .contains("hatrack: nothing imported (1 problem)");
    assertThat(items(app, t)).isEmpty();
  }

  @Test
  void githubTrelloAndCsvFilesImportAndTheItemsExportAsCsvAndJson(TestApp app) throws IOException {
    Team t = team(app);
    String ws = t.workspace().slug();

    CommandLineRun github =
        run(
            app,
            "import",
            "github",
            sample("github-issues.json").toString(),
            "--product",
            "CHK",
            "--workspace",
            ws);
    CommandLineRun trello =
        run(
            app,
            "import",
            "trello",
            sample("trello-board.json").toString(),
            "--product",
            "CHK",
            "--workspace",
            ws);
    CommandLineRun csv =
        run(
            app,
            "import",
            "csv",
            sample("generic.csv").toString(),
            "--product",
            "CHK",
            "--workspace",
            ws,
            "--map",
            "Parent Ref=parent",
            "--map",
            "Notes=description");
    Path out = dir.resolve("items.json");
    CommandLineRun json =
        run(
            app,
            "export",
            "items",
            "--product",
            "CHK",
            "--workspace",
            ws,
            "--format",
            "json",
            "--output",
            out.toString());
    CommandLineRun stories =
        run(app, "export", "items", "--product", "CHK", "--workspace", ws, "--type", "bug");

    assertThat(github.out()).contains("Skipped 2: pull requests are not imported");
    assertThat(github.exit()).as(github.err()).isZero();
    assertThat(trello.exit()).as(trello.err()).isZero();
    assertThat(csv.exit()).as(csv.err()).isZero();
    assertThat(json.out()).isEqualTo("Wrote 10 work items of CHK to " + out + ".\n");
    assertThat(Files.readString(out)).startsWith("[{\"key\":\"CHK-1\"").contains("\"tags\":[");
    assertThat(stories.out())
        .startsWith(
            "key,type,title,status,status_category,parent,owner,estimate,size,tags,description,"
                + "created_at,updated_at\r\n");
    List<org.apache.commons.csv.CSVRecord> rows =
        org.apache.commons.csv.CSVParser.parse(
                stories.out(), org.apache.commons.csv.CSVFormat.RFC4180)
            .getRecords();
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> row.get(1) + " " + row.get(2))
        .containsExactlyInAnyOrder(
            "bug 3-D Secure challenge fails on Safari 17",
            "bug Card list flickers on slow networks",
            "bug Totals are off by one cent");
  }
}
