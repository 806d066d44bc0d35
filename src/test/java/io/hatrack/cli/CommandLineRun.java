package io.hatrack.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the {@code hatrack} command line inside the test JVM, with what it printed.
 *
 * @param exit the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CommandLineRun(int exit, String out, String err) {

  static CommandLineRun of(String... args) {
    return withStdin(null, args);
  }

  /** Runs the command with {@code stdin} as what {@code user add --password-stdin} reads. */
  static CommandLineRun withStdin(String stdin, String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    if (stdin != null) {
      UserCommand.Add add =
          cli.getSubcommands().get("user").getSubcommands().get("add").getCommand();
      add.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    int exit = cli.execute(args);
    return new CommandLineRun(exit, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** The last line printed to standard output. */
  String lastLine() {
    List<String> lines = outLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
