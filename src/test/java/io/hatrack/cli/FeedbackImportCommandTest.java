package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.db.Dialect;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hatrack import feedback FILE --product KEY}: a CSV or JSON file into a product's inbox.
 */
@OnEveryDatabase
class FeedbackImportCommandTest {
  private final Dialect dialect;

  @TempDir Path dir;

  FeedbackImportCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  private CommandLineRun run(TestApp app, String... args) {
    List<String> all = new ArrayList<>(List.of("import", "feedback"));
    all.addAll(List.of(args));
    all.addAll(List.of(storage(app.testDatabase())));
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  private Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static long feedbackOf(TestApp app, Team team) {
    return app.database()
        .read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM feedback WHERE product_id = :p")
                    .bind("p", team.product().id())
                    .mapTo(Long.class)
                    .one());
  }

  private static final String CSV =
      "Ticket,Said,Kind,Agent\nT-1,Saved cards please,support ticket,Eva\nT-2,Faster payouts,email,Dev\n";

  @Test
  void importsAFileShowingProgressOnStderrAndCountsOnStdoutAndASecondRunChangesNothing(TestApp app)
      throws IOException {
    Team team = team(app);
    Path csv = file("tickets.csv", CSV);
    String key = team.product().slug();

    CommandLineRun first =
        run(
            app,
            csv.toString(),
            "--product",
            key,
            "--map",
            "Said=text",
            "--map",
            "Kind=source",
            "--map",
            "Ticket=external_id");
    CommandLineRun second =
        run(
            app,
            csv.toString(),
            "--product",
            key,
            "--map",
            "Said=text,Kind=source,Ticket=external_id");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("checking: 2 of 2 (100 %)").contains("saving: 2 of 2 (100 %)");
    assertThat(first.out())
        .isEqualTo(
            "Ignored columns: Agent\nImported tickets.csv into "
                + key
                + ": 2 rows, 2 new, 0 updated, 0 unchanged.\n");
    assertThat(second.out()).contains("0 new, 0 updated, 2 unchanged");
    assertThat(feedbackOf(app, team)).isEqualTo(2);
  }

  @Test
  void aDryRunOfJsonCountsAndSavesNothing(TestApp app) throws IOException {
    Team team = team(app);
    Path json =
        file("export.json", "[{\"text\": \"One\"}, {\"text\": \"Two\", \"tags\": [\"a\"]}]");

    CommandLineRun run = run(app, json.toString(), "--product", team.product().slug(), "--dry-run");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Checked export.json for " + team.product().slug() + ": 2 rows, 2 new")
        .contains("Nothing was saved (dry run).");
    assertThat(feedbackOf(app, team)).isZero();
  }

  @Test
  void aBadFileIsRefusedWithEveryProblemByLineAndColumnAndNothingIsSaved(TestApp app)
      throws IOException {
    Team team = team(app);
    Path bad =
        file(
            "bad.csv",
            "text,source,date\nFine,email,2025-01-01\nNo,fax,2025-01-01\nAlso,email,01/02/2025\n");

    CommandLineRun run = run(app, bad.toString(), "--product", team.product().slug());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("hatrack: bad.csv: line 3, column source: \"fax\" is not a source")
        .contains("hatrack: bad.csv: line 4, column date: \"01/02/2025\" could be day/month")
        .contains("hatrack: nothing imported (2 problems)");
    assertThat(feedbackOf(app, team)).isZero();
  }

  @Test
  void anUnknownProductIsNamed(TestApp app) throws IOException {
    CommandLineRun run = run(app, file("a.csv", CSV).toString(), "--product", "NOPE9");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("product NOPE9 not found");
  }
}
