package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.customers.CustomerCsv;
import io.hatrack.discovery.customers.CustomerImport;
import io.hatrack.discovery.customers.ImportProblem;
import io.hatrack.discovery.feedback.imports.FeedbackImport;
import io.hatrack.discovery.feedback.imports.FileProblem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hatrack import}: data from other tools into Hatrack. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import data from other tools.",
    subcommands = {
      ImportCommand.Customers.class,
      ImportCommand.FeedbackFile.class,
      // Work items from other tools (the delivery hat).
      ImportItemsCommand.Jira.class,
      ImportItemsCommand.Github.class,
      ImportItemsCommand.Trello.class,
      ImportItemsCommand.Csv.class
    })
public final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: customers, feedback, jira, github, trello or csv");
  }

  /** {@code hatrack import customers FILE}. */
  @Command(
      name = "customers",
      mixinStandardHelpOptions = true,
      description = {
        "Import the customers of a CSV file (UTF-8, a header row) into a workspace, all or"
            + " nothing. Columns: name (required), external_id, segment, plan, tier, arr or mrr,"
            + " domain (or website), notes. A row whose external_id (or, without one, whose name)"
            + " matches a customer updates it, so importing the same file twice changes nothing."
            + " Every problem is printed with its line and column, and then nothing is saved."
      })
  public static final class Customers implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(
        names = "--workspace",
        paramLabel = "SLUG",
        description = "The workspace to import into; needed when there is more than one.")
    String workspace;

    @Option(names = "--dry-run", description = "Check the file and count; save nothing.")
    boolean dryRun;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new CommandFailure("no file " + file);
      }
      if (Files.size(file) > CustomerCsv.MAX_BYTES) {
        throw new CommandFailure(
            file
                + " is "
                + String.format(Locale.ROOT, "%,d", Files.size(file))
                + " bytes; the limit is "
                + String.format(Locale.ROOT, "%,d", CustomerCsv.MAX_BYTES)
                + " bytes: split it");
      }
      String url = storage.databaseUrl();
      if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
          && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
        throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
      }
      byte[] bytes = Files.readAllBytes(file);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
      try (App app = new App(config)) {
        CustomerImport imports = app.discovery().imports();
        CustomerImport.Target target = imports.targetAsAdministrator(workspace);
        User owner = app.accounts().byId(target.ownerId());
        String name = file.getFileName().toString();
        CustomerImport.Report report =
            imports.run(owner, target.workspaceSlug(), name, bytes, dryRun);
        if (!report.ok()) {
          for (ImportProblem p : report.problems()) {
            err.println("hatrack: " + name + ": " + p);
          }
          err.println(
              "hatrack: nothing imported ("
                  + report.problems().size()
                  + (report.problems().size() == 1 ? " problem)" : " problems)"));
          return 1;
        }
        if (dryRun) {
          out.println(
              "Checked "
                  + name
                  + " for "
                  + target.workspaceSlug()
                  + ": "
                  + report.rows()
                  + " rows would be "
                  + report.counts()
                  + ". Nothing was saved (dry run).");
        } else {
          out.println(
              "Imported "
                  + name
                  + " into "
                  + target.workspaceSlug()
                  + ": "
                  + report.counts()
                  + ".");
        }
      }
      return 0;
    }
  }

  /** {@code hatrack import feedback FILE --product KEY}. */
  @Command(
      name = "feedback",
      mixinStandardHelpOptions = true,
      description = {
        "Import the feedback of a CSV or JSON file into a product's inbox, all or nothing."
            + " Columns map to the fields text (required), title, source, customer (external id or"
            + " name), contact (e-mail), date, status, importance, tags and external_id; they are"
            + " guessed from the header names unless given with --map. A row whose external_id"
            + " names feedback of the product updates it, so importing the same file twice changes"
            + " nothing. Progress goes to stderr; every problem is printed with its line and column,"
            + " and then nothing is saved."
      })
  public static final class FeedbackFile implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or JSON file.")
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
        paramLabel = "COLUMN=FIELD",
        description = "Which field a column fills (repeat it); FIELD ignore leaves a column out.")
    java.util.List<String> map = new java.util.ArrayList<>();

    @Option(
        names = "--format",
        paramLabel = "csv|json",
        description = "The file's format (default: by its name, .json is JSON).")
    String format;

    @Option(
        names = "--date-format",
        paramLabel = "FORMAT",
        description =
            "How dates that are not ISO 8601 are written: dd/MM/yyyy, MM/dd/yyyy or"
                + " dd.MM.yyyy.")
    String dateFormat;

    @Option(names = "--dry-run", description = "Check the file and count; save nothing.")
    boolean dryRun;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new CommandFailure("no file " + file);
      }
      long size = Files.size(file);
      if (size > io.hatrack.discovery.feedback.imports.FeedbackFile.MAX_BYTES) {
        throw new CommandFailure(
            file
                + ": "
                + io.hatrack.discovery.feedback.imports.FeedbackFile.tooLarge(size)
                    .problems()
                    .get(0)
                    .message());
      }
      String url = storage.databaseUrl();
      if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
          && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
        throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
      }
      String name = file.getFileName().toString();
      FeedbackImport.Options options;
      try {
        options = FeedbackImport.Options.parse(format, name, map, dateFormat, dryRun);
      } catch (io.hatrack.kernel.Invalid e) {
        throw new CommandFailure(e.getMessage());
      }
      byte[] bytes = Files.readAllBytes(file);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
      try (App app = new App(config)) {
        FeedbackImport imports = app.discovery().feedbackImport();
        FeedbackImport.Target target = imports.targetAsAdministrator(product, workspace);
        User owner = app.accounts().byId(target.ownerId());
        FeedbackImport.Report report =
            imports.run(owner, target.productRef(), name, bytes, options, new Progress(err));
        err.println();
        if (!report.ok()) {
          for (FileProblem p : report.problems()) {
            err.println("hatrack: " + name + ": " + p);
          }
          err.println(
              "hatrack: nothing imported ("
                  + report.problems().size()
                  + (report.problems().size() == 1 ? " problem)" : " problems)"));
          return 1;
        }
        if (!report.ignoredColumns().isEmpty()) {
          out.println("Ignored columns: " + String.join(", ", report.ignoredColumns()));
        }
        out.println(
            (dryRun ? "Checked " : "Imported ")
                + name
                + (dryRun ? " for " : " into ")
                + product
                + ": "
                + String.format(Locale.ROOT, "%,d", report.rows())
                + " rows, "
                + report.counts()
                + "."
                + (dryRun ? " Nothing was saved (dry run)." : ""));
      }
      return 0;
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
      show(done >= total);
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
                  : "..."));
      err.flush();
    }
  }
}
