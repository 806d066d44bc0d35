package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.email;
import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.unique;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TableDump;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import io.hatrack.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that work on a database: user add, token create, backup and restore. */
@OnEveryDatabase
class StorageCommandsTest {
  private final Dialect dialect;

  @TempDir Path dir;

  StorageCommandsTest(Dialect dialect) {
    this.dialect = dialect;
  }

  /** How the CLI is pointed at a database: the data directory for SQLite, a URL otherwise. */
  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  private CommandLineRun run(TestApp app, String... args) {
    return runWithStdin(app, null, args);
  }

  /** {@code hatrack user add --email EMAIL --name NAME} with {@code options}. */
  private CommandLineRun userAdd(TestApp app, String email, String name, String... options) {
    return userAddWithStdin(app, null, email, name, options);
  }

  private CommandLineRun userAddWithStdin(
      TestApp app, String stdin, String email, String name, String... options) {
    List<String> args = new ArrayList<>(List.of("user", "add", "--email", email, "--name", name));
    args.addAll(List.of(options));
    return runWithStdin(app, stdin, args.toArray(String[]::new));
  }

  private CommandLineRun runWithStdin(TestApp app, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(storage(app.testDatabase())));
    return CommandLineRun.withStdin(stdin, all.toArray(String[]::new));
  }

  @Test
  void userAddWithPasswordFromStdinCreatesAnAccountThatCanSignIn(TestApp app) {
    String email = email("ana");

    CommandLineRun run =
        userAddWithStdin(
            app, "a long password\nignored second line\n", email, "Ana Lima", "--password-stdin");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    User ana = app.accounts().byEmail(email).orElseThrow();
    assertThat(run.outLines())
        .containsExactly("Created the account @" + ana.handle() + " <" + email + ">.");
    assertThat(ana.name()).isEqualTo("Ana Lima");
    assertThat(app.sessions().signIn(email, "a long password", "cli-test", null).user())
        .isEqualTo(ana);
    assertThat(app.workspaces().mine(ana)).isEmpty();
  }

  @Test
  void userAddWithoutPasswordPrintsAOneTimeLinkToChooseOne(TestApp app) {
    String email = email("ben");

    CommandLineRun run = userAdd(app, email, "Ben");

    assertThat(run.exit()).isZero();
    String link = run.lastLine();
    assertThat(link).matches("https?://.+/reset/[A-Za-z0-9_-]{43}");
    String secret = link.substring(link.lastIndexOf('/') + 1);
    User ben = app.accounts().userForPasswordLink(secret);
    assertThat(ben.email()).isEqualTo(email);
    assertThat(ben.hasPassword()).isFalse();
    app.accounts().setPasswordWithLink(secret, "chosen by ben");
    assertThat(app.sessions().signIn(email, "chosen by ben", "cli-test", null).user().id())
        .isEqualTo(ben.id());
  }

  @Test
  void userAddWithANewWorkspaceNameCreatesItWithTheUserAsOwner(TestApp app) {
    String email = email("femi");
    String name = "Launch Team " + unique();

    CommandLineRun run =
        userAddWithStdin(
            app, "femi's password", email, "Femi", "--workspace", name, "--password-stdin");

    assertThat(run.exit()).isZero();
    User femi = app.accounts().byEmail(email).orElseThrow();
    assertThat(app.workspaces().mine(femi))
        .singleElement()
        .satisfies(
            access -> {
              assertThat(access.workspace().name()).isEqualTo(name);
              assertThat(access.role()).isEqualTo(Role.OWNER);
              assertThat(run.out())
                  .contains("created the workspace " + name)
                  .contains(access.workspace().slug());
            });
  }

  @Test
  void userAddWithAnExistingWorkspaceJoinsItWithTheRole(TestApp app) {
    Team team = team(app);
    String viewerEmail = email("vic");
    String editorEmail = email("ed");

    CommandLineRun asViewer =
        userAdd(
            app, viewerEmail, "Vic", "--workspace", team.workspace().slug(), "--role", "viewer");
    CommandLineRun byDefault =
        userAdd(app, editorEmail, "Ed", "--workspace", Long.toString(team.workspace().id()));

    assertThat(asViewer.exit()).isZero();
    assertThat(byDefault.exit()).isZero();
    assertThat(asViewer.outLines().get(0))
        .endsWith("and added to " + team.workspace().name() + " as viewer.");
    assertThat(roleOf(app, team, viewerEmail)).isEqualTo(Role.VIEWER);
    assertThat(roleOf(app, team, editorEmail)).isEqualTo(Role.EDITOR);
  }

  private static Role roleOf(TestApp app, Team team, String email) {
    User user = app.accounts().byEmail(email).orElseThrow();
    return app.workspaces().mine(user).stream()
        .filter(a -> a.workspace().id() == team.workspace().id())
        .map(WorkspaceAccess::role)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void userAddThatCannotFinishCreatesNoAccountAtAll(TestApp app) {
    String email = email("gus");
    String missing = "nowhere-" + unique();

    CommandLineRun run = userAdd(app, email, "Gus", "--workspace", missing, "--role", "admin");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: no workspace '" + missing + "'");
    assertThat(app.accounts().byEmail(email)).isEmpty();
  }

  @Test
  void userAddRefusesATakenOrMalformedEmailOnOneLine(TestApp app) {
    User ana = user(app, "ana");

    CommandLineRun taken = userAdd(app, ana.email(), "Ana 2");
    CommandLineRun malformed = userAdd(app, "not-an-email", "X");
    CommandLineRun badRole = userAdd(app, email("x"), "X", "--workspace", "w", "--role", "boss");

    assertThat(taken.exit()).isEqualTo(1);
    assertThat(taken.errLines())
        .containsExactly("hatrack: email '" + ana.email() + "' is already taken");
    assertThat(malformed.exit()).isEqualTo(1);
    assertThat(malformed.errLines()).singleElement().asString().startsWith("hatrack: email: ");
    assertThat(badRole.exit()).isEqualTo(1);
    assertThat(badRole.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: role: must be one of");
  }

  @Test
  void userAddWithAnEmptyStdinFails(TestApp app) {
    String email = email("eve");

    CommandLineRun run = userAddWithStdin(app, "", email, "Eve", "--password-stdin");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("standard input held no password");
    assertThat(app.accounts().byEmail(email)).isEmpty();
  }

  @Test
  void tokenCreatePrintsATokenLastThatAuthenticatesTheAccount(TestApp app) {
    User ana = user(app, "ana");

    CommandLineRun run =
        run(app, "token", "create", "--email", ana.email().toUpperCase(), "--name", "deploy");

    assertThat(run.exit()).isZero();
    String token = run.lastLine();
    assertThat(token).startsWith("htk_");
    assertThat(run.outLines()).hasSize(2);
    assertThat(app.tokens().userFor(token)).contains(ana);
    assertThat(app.tokens().list(ana))
        .singleElement()
        .satisfies(t -> assertThat(t.name()).isEqualTo("deploy"));
  }

  @Test
  void tokenCreateForAnUnknownEmailFailsWithOneLine(TestApp app) {
    String email = email("nobody");

    CommandLineRun run = run(app, "token", "create", "--email", email);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly("hatrack: no account has the e-mail address " + email);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void backupThenRestoreIntoAnEmptyDatabaseGivesTheSameRows(TestApp app) {
    Team team = team(app);
    page(app, team.owner(), team.product());
    Path file = dir.resolve("hatrack-backup.zip");

    CommandLineRun backup = run(app, "backup", file.toString());
    TestDatabase empty = TestDatabases.blank(dialect);
    CommandLineRun restore =
        CommandLineRun.of(concat(new String[] {"restore", file.toString()}, storage(empty)));

    assertThat(backup.exit()).isZero();
    assertThat(backup.lastLine())
        .startsWith("Backed up ")
        .contains("(schema version " + app.database().schemaVersion() + ")");
    assertThat(restore.exit()).isZero();
    assertThat(restore.lastLine()).startsWith("Restored ").contains(file.toString());
    assertThat(TableDump.of(empty)).isEqualTo(TableDump.of(app.database()));
  }

  @Test
  void restoreIntoADatabaseWithDataFailsWithOneLineAndChangesNothing(TestApp app) {
    team(app);
    Path file = dir.resolve("hatrack-backup.zip");
    assertThat(run(app, "backup", file.toString()).exit()).isZero();
    var before = TableDump.of(app.database());

    CommandLineRun restore = run(app, "restore", file.toString());

    assertThat(restore.exit()).isEqualTo(1);
    assertThat(restore.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: the target database already holds data");
    assertThat(TableDump.of(app.database())).isEqualTo(before);
  }

  @Test
  void restoringSomethingThatIsNotABackupFailsWithOneLine(TestApp app) throws Exception {
    Path notABackup = Files.writeString(dir.resolve("notes.txt"), "just some notes");
    TestDatabase empty = TestDatabases.blank(dialect);

    CommandLineRun restore =
        CommandLineRun.of(concat(new String[] {"restore", notABackup.toString()}, storage(empty)));

    assertThat(restore.exit()).isEqualTo(1);
    assertThat(restore.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: ")
        .contains("not a Hatrack backup");
  }

  private static String[] concat(String[] a, String[] b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }
}
