package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerFilter;
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

/** {@code hatrack import customers FILE}: a CSV file of customers into a workspace. */
@OnEveryDatabase
class ImportCommandTest {
  private final Dialect dialect;

  @TempDir Path dir;

  ImportCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  private CommandLineRun run(TestApp app, String... args) {
    List<String> all = new ArrayList<>(List.of("import", "customers"));
    all.addAll(List.of(args));
    all.addAll(List.of(storage(app.testDatabase())));
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  private Path file(String name, String csv) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  private static List<Customer> customers(TestApp app, Team team) {
    return app.app()
        .discovery()
        .customers()
        .list(team.owner(), team.workspace().slug(), CustomerFilter.ALL, null, 100)
        .slice()
        .items();
  }

  private static final String CSV =
      "name,external_id,segment,mrr\nKestrel Bikes,K-1,Mid-market,\"6,041.67\"\nFable Kids,F-1,SMB,420\n";

  @Test
  void importsTheCustomersOfAFileIntoTheNamedWorkspaceAndCountsThem(TestApp app)
      throws IOException {
    Team team = team(app);
    Path csv = file("crm.csv", CSV);

    CommandLineRun first = run(app, csv.toString(), "--workspace", team.workspace().slug());
    CommandLineRun second = run(app, csv.toString(), "--workspace", team.workspace().slug());

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .isEqualTo(
            "Imported crm.csv into "
                + team.workspace().slug()
                + ": 2 created, 0 updated, 0 unchanged.\n");
    assertThat(second.out()).contains("0 created, 0 updated, 2 unchanged");
    assertThat(customers(app, team))
        .extracting(c -> c.name() + " " + c.revenue().minor())
        .containsExactly("Fable Kids 42000", "Kestrel Bikes 604167");
  }

  @Test
  void aDryRunReportsAndSavesNothing(TestApp app) throws IOException {
    Team team = team(app);

    CommandLineRun run =
        run(
            app,
            file("crm.csv", CSV).toString(),
            "--workspace",
            team.workspace().slug(),
            "--dry-run");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("2 rows would be 2 created, 0 updated, 0 unchanged")
        .contains("Nothing was saved (dry run).");
    assertThat(customers(app, team)).isEmpty();
  }

  @Test
  void aBadFileIsRefusedWithEveryProblemAndNothingIsSaved(TestApp app) throws IOException {
    Team team = team(app);
    Path bad = file("bad.csv", "name,arr\nGood,100\nBad,12k\n,5\n");

    CommandLineRun run = run(app, bad.toString(), "--workspace", team.workspace().slug());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "hatrack: bad.csv: line 3, column arr: \"12k\" is not an amount",
            "hatrack: bad.csv: line 4, column name: must not be blank",
            "hatrack: nothing imported (2 problems)");
    assertThat(customers(app, team)).isEmpty();
  }

  @Test
  void withSeveralWorkspacesTheWorkspaceMustBeNamed(TestApp app) throws IOException {
    team(app);
    team(app);

    CommandLineRun run = run(app, file("crm.csv", CSV).toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("hatrack: workspace: name the workspace with --workspace");
  }

  @Test
  void aMissingFileIsAOneLineFailure(TestApp app) {
    CommandLineRun run = run(app, dir.resolve("nope.csv").toString(), "--workspace", "x");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("hatrack: no file " + dir.resolve("nope.csv") + "\n");
  }
}
