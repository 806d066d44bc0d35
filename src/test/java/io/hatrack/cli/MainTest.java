package io.hatrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line's own behaviour: version, help, usage errors and exit codes. */
class MainTest {

  /** Every command and subcommand, as the words that select it, e.g. {@code [user, add]}. */
  static Stream<List<String>> everyCommand() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> deeper = new ArrayList<>(path);
              deeper.add(name);
              collect(sub, deeper, into);
            });
  }

  private static String[] args(List<String> words, String... more) {
    List<String> all = new ArrayList<>(words);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void everyCommandIsCovered() {
    assertThat(everyCommand().map(words -> String.join(" ", words)))
        .contains(
            "", "serve", "demo", "user", "user add", "token", "token create", "backup", "restore");
  }

  @Test
  void versionPrintsTheBuildVersion() {
    CommandLineRun run = CommandLineRun.of("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.outLines()).containsExactly("hatrack " + Version.current());
    assertThat(Version.current()).isNotBlank().isNotEqualTo("development");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest(name = "hatrack {0} --help")
  @MethodSource("everyCommand")
  void helpOnEveryCommandPrintsItsUsage(List<String> command) {
    CommandLineRun run = CommandLineRun.of(args(command, "--help"));

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("Usage: " + String.join(" ", args(List.of("hatrack"), args(command))))
        .contains("--help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void withoutArgumentsTheUsageIsShown() {
    CommandLineRun run = CommandLineRun.of();

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Usage: hatrack").contains("backup").contains("restore");
  }

  /** What each command needs besides its options to get past parsing. */
  private static String[] required(List<String> command) {
    return switch (String.join(" ", command)) {
      case "user add" -> new String[] {"--email", "ana@example.test", "--name", "Ana"};
      case "token create" -> new String[] {"--email", "ana@example.test"};
      case "backup", "restore" -> new String[] {"backup.zip"};
      case "export gherkin" -> new String[] {"CHK-42"};
      case "import customers" -> new String[] {"customers.csv"};
      case "import feedback" -> new String[] {"feedback.csv", "--product", "CHK"};
      case "feedback add" -> new String[] {"--product", "CHK", "--text", "Saved cards"};
      case "feedback duplicates" -> new String[] {"--product", "CHK"};
      case "themes" -> new String[] {"--product", "CHK"};
      case "plan" -> new String[] {"--product", "CHK", "--periods", "2027-Q1"};
      case "import jira", "import github", "import trello", "import csv" ->
          new String[] {"items.file", "--product", "CHK"};
      case "export items" -> new String[] {"--product", "CHK"};
      default -> new String[0];
    };
  }

  @ParameterizedTest(name = "hatrack {0} --bogus")
  @MethodSource("everyCommand")
  void anUnknownOptionIsAUsageErrorOnOneLine(List<String> command) {
    List<String> valid = new ArrayList<>(command);
    valid.addAll(List.of(required(command)));
    CommandLineRun run = CommandLineRun.of(args(valid, "--bogus"));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: ")
        .contains("--bogus")
        .contains("--help");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "token", "export", "import"})
  void aGroupWithoutSubcommandIsAUsageError(String group) {
    CommandLineRun run = CommandLineRun.of(group);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith("hatrack: Missing subcommand");
  }

  @Test
  void requiredOptionsAreNamedWhenMissing() {
    CommandLineRun run = CommandLineRun.of("user", "add", "--name", "Ana");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: ")
        .contains("--email");
  }

  @Test
  void aRoleWithoutWorkspaceIsAUsageError() {
    CommandLineRun run =
        CommandLineRun.of(
            "user", "add", "--email", "ana@example.test", "--name", "Ana", "--role", "admin");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .isEqualTo("hatrack: --role needs --workspace (see 'hatrack user add --help')");
  }

  @Test
  void aMissingBackupFileFailsWithOneLine() {
    CommandLineRun run = CommandLineRun.of("restore", "/nonexistent/hatrack-backup.zip");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly("hatrack: no backup file /nonexistent/hatrack-backup.zip");
  }

  @Test
  void backingUpADataDirectoryWithoutDatabaseFails(@TempDir Path dir) {
    Path nothing = dir.resolve("empty-data");

    CommandLineRun run =
        CommandLineRun.of(
            "backup", dir.resolve("out.zip").toString(), "--data", nothing.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly("hatrack: no Hatrack database in " + nothing.toAbsolutePath());
    assertThat(dir.resolve("out.zip")).doesNotExist();
  }
}
