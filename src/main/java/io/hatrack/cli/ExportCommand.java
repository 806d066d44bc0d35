package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.definition.story.StoryService;
import io.hatrack.definition.story.StoryStore;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hatrack export}: data out of Hatrack, in the formats other tools read. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export data in the formats other tools read.",
    subcommands = {ExportCommand.Gherkin.class, ExportItemsCommand.class})
public final class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: gherkin or items");
  }

  /** {@code hatrack export gherkin KEY}. */
  @Command(
      name = "gherkin",
      mixinStandardHelpOptions = true,
      description = {
        "Write the acceptance criteria of a story, or of every story under a feature or epic, as"
            + " a Gherkin .feature file (Cucumber, SpecFlow, Behave...). Prints to standard output"
            + " unless --out is given."
      })
  public static final class Gherkin implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Parameters(
        index = "0",
        paramLabel = "KEY",
        description = "The work item, e.g. CHK-42 (or its numeric id).")
    String key;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        description = "Write the feature file to FILE instead of standard output.")
    Path out;

    @Option(
        names = "--workspace",
        paramLabel = "W",
        description = "The workspace's slug, when KEY exists in more than one workspace.")
    String workspace;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      String url = storage.databaseUrl();
      if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
          && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
        throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
      }
      PrintWriter err = spec.commandLine().getErr();
      AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
      try (App app = new App(config)) {
        StoryService stories = app.definition().stories();
        StoryStore.Located located;
        try {
          located = stories.locateAsAdministrator(key, workspace);
        } catch (NotFound e) {
          err.println(
              "hatrack: no work item "
                  + key
                  + (workspace == null ? "" : " in the workspace " + workspace));
          return 2;
        } catch (Invalid e) {
          err.println("hatrack: " + e.errors().get(0).reason());
          return 2;
        }
        User owner = app.accounts().byId(located.ownerId());
        StoryService.Export export = stories.gherkin(owner, Long.toString(located.itemId()));
        if (out == null) {
          PrintWriter stdout = spec.commandLine().getOut();
          stdout.print(export.text());
          stdout.flush();
        } else {
          Files.writeString(out, export.text(), StandardCharsets.UTF_8);
          spec.commandLine().getOut().println("Wrote " + export.fileName() + " to " + out + ".");
        }
      }
      return 0;
    }
  }
}
