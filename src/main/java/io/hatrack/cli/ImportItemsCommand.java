package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.ImportOptions;
import io.hatrack.delivery.imports.ItemImport;
import io.hatrack.delivery.imports.RecordProblem;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hatrack import jira|github|trello|csv FILE --product KEY}: another tool's file as work
 * items of a product, all or nothing, read from disk as a stream (so a large file is never held
 * whole). Prints the report: counts, the mapping used, notes, and every problem with its record.
 */
abstract class ImportItemsCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(
      names = "--product",
      required = true,
      paramLabel = "KEY",
      description = "The product's key (e.g. CHK) or slug.")
  String product;

  @Option(
      names = "--workspace",
      paramLabel = "SLUG",
      description = "The workspace, when several have a product with that key.")
  String workspace;

  @Option(
      names = "--map",
      paramLabel = "FROM=TO",
      description = {
        "A mapping (repeat it): status:NAME=STATE maps a status (or Trello list) to a workflow"
            + " state, type:NAME=TYPE a type to a work-item type, and for csv COLUMN=FIELD a column"
            + " to title, type, status, description, estimate, tags, parent, key, owner or ignore."
      })
  List<String> map = new ArrayList<>();

  @Option(names = "--dry-run", description = "Check the file and count; save nothing.")
  boolean dryRun;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The format this subcommand reads. */
  abstract String format();

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure("no file " + file);
    }
    String url = storage.databaseUrl();
    if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    ImportOptions options;
    try {
      options = ImportOptions.ofEntries(format(), dryRun, map);
    } catch (Invalid e) {
      throw new CommandFailure(e.errors().get(0).field() + ": " + e.errors().get(0).reason());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
    try (App app = new App(config)) {
      ItemImport imports = app.delivery().imports().items();
      ItemImport.Target target;
      try {
        target = imports.targetAsAdministrator(product, workspace);
      } catch (NotFound e) {
        throw new CommandFailure("no product " + product);
      } catch (Invalid e) {
        throw new CommandFailure(e.errors().get(0).reason());
      }
      User owner = app.accounts().byId(target.ownerId());
      ItemImport.Report report =
          imports.run(owner, target.productRef(), ImportFile.of(file), options, new Progress(err));
      err.println();
      print(report, out);
      if (!report.ok()) {
        for (RecordProblem p : report.problems()) {
          err.println("hatrack: " + report.fileName() + ": " + p);
        }
        err.println(
            "hatrack: nothing imported ("
                + report.problems().size()
                + (report.problems().size() == 1 ? " problem)" : " problems)"));
        return 1;
      }
      out.println(
          (dryRun ? "Checked " : "Imported ")
              + report.fileName()
              + (dryRun ? " for " : " into ")
              + product
              + ": "
              + String.format(Locale.ROOT, "%,d", report.records())
              + " records, "
              + report.counts()
              + "."
              + (dryRun ? " Nothing was saved (dry run)." : ""));
    }
    return 0;
  }

  private static void print(ItemImport.Report report, PrintWriter out) {
    out.println("Encoding: " + report.encoding());
    section(out, "Columns", report.columns());
    section(out, "Statuses", report.statuses());
    section(out, "Types", report.types());
    report.skipped().forEach((why, n) -> out.println("Skipped " + n + ": " + why));
    if (report.ok()) {
      out.println("Comments: " + report.comments() + ", links: " + report.links());
    }
    for (String n : report.notes()) {
      out.println("Note: " + n);
    }
  }

  private static void section(PrintWriter out, String title, Map<String, String> entries) {
    if (entries.isEmpty()) {
      return;
    }
    out.println(title + ":");
    entries.forEach((k, v) -> out.println("  " + k + " -> " + v));
  }

  /** {@code hatrack import jira FILE}. */
  @Command(
      name = "jira",
      mixinStandardHelpOptions = true,
      description = {
        "Import Jira's \"CSV (all fields)\" export as work items, all or nothing. Issue Type"
            + " becomes the type (Sub-task a task), Status the workflow state of that name (or as"
            + " --map status:NAME=STATE says, or the first of its status category), Parent id /"
            + " Epic Link the parent, Story Points the estimate, Labels and Component/s tags,"
            + " Sprint a tag sprint-NAME, Comment columns comments, issue links links. Importing"
            + " the file again updates the items it made."
      })
  static final class Jira extends ImportItemsCommand {
    @Override
    String format() {
      return "jira";
    }
  }

  /** {@code hatrack import github FILE}. */
  @Command(
      name = "github",
      mixinStandardHelpOptions = true,
      description = {
        "Import GitHub issues (a JSON array as GET /repos/{owner}/{repo}/issues returns it):"
            + " pull requests are skipped and counted; labels become tags, the milestone a tag"
            + " milestone-TITLE, open/closed/closed (not planned) workflow states."
      })
  static final class Github extends ImportItemsCommand {
    @Override
    String format() {
      return "github";
    }
  }

  /** {@code hatrack import trello FILE}. */
  @Command(
      name = "trello",
      mixinStandardHelpOptions = true,
      description = {
        "Import a Trello board's JSON export: cards become work items, lists workflow states"
            + " (--map status:LIST=STATE), labels tags, checklists task lists in the description,"
            + " comments comments; archived cards are skipped."
      })
  static final class Trello extends ImportItemsCommand {
    @Override
    String format() {
      return "trello";
    }
  }

  /** {@code hatrack import csv FILE}. */
  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description = {
        "Import any CSV file with a header row; columns are guessed from their names or mapped"
            + " with --map COLUMN=FIELD (title is required; map a key column so that importing"
            + " again updates)."
      })
  static final class Csv extends ImportItemsCommand {
    @Override
    String format() {
      return "csv";
    }
  }

  /** Progress on stderr, one line rewritten in place, at most every tenth of a second. */
  private static final class Progress implements JobProgress {
    private final PrintWriter err;
    private String phase = "";
    private long total;
    private long done;
    private long shown;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void phase(String name, long steps) {
      if (!phase.isEmpty()) {
        show(true);
        err.println();
      }
      phase = name;
      total = steps;
      done = 0;
      show(true);
    }

    @Override
    public void advance(long steps) {
      done += steps;
      show(total > 0 && done >= total);
    }

    private void show(boolean now) {
      long at = System.nanoTime();
      if (!now && at - shown < 100_000_000L) {
        return;
      }
      shown = at;
      err.print(
          "\r"
              + phase
              + (total > 0
                  ? String.format(
                      Locale.ROOT, ": %,d of %,d (%d %%)", done, total, done * 100 / total)
                  : String.format(Locale.ROOT, ": %,d", done)));
      err.flush();
    }
  }
}
