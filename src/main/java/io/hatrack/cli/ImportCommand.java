package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.customers.CustomerCsv;
import io.hatrack.discovery.customers.CustomerImport;
import io.hatrack.discovery.customers.ImportProblem;
import io.hatrack.kernel.auth.User;
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
    subcommands = ImportCommand.Customers.class)
public final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: customers");
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
}
