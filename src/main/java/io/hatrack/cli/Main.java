package io.hatrack.cli;

import io.hatrack.Version;
import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.Invalid;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hatrack} command. Exit codes: 0 success, 2 usage error, 1 failure, each failure with a
 * one-line reason on standard error.
 */
@Command(
    name = "hatrack",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Hatrack, the open-source workbench for product managers.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      UserCommand.class,
      TokenCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      FeedbackCommand.class,
      ReindexCommand.class,
      ThemesCommand.class,
      PlanCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::failure);
    cli.setParameterExceptionHandler(Main::usageError);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof Invalid invalid) {
      err.println("hatrack: " + invalid.getMessage());
      return 1;
    }
    if (e instanceof HatrackException || e instanceof CommandFailure) {
      err.println("hatrack: " + e.getMessage());
      return 1;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("hatrack: " + reason.lines().findFirst().orElse(reason));
    if (System.getenv("HATRACK_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return 1;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(
        "hatrack: "
            + e.getMessage()
            + " (see '"
            + e.getCommandLine().getCommandSpec().qualifiedName()
            + " --help')");
    return 2;
  }

  /** Prints Hatrack's version. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hatrack " + Version.current()};
    }
  }
}
