package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.feedback.FeedbackIntake;
import io.hatrack.discovery.feedback.duplicates.DuplicateGroup;
import io.hatrack.discovery.feedback.duplicates.DuplicateService;
import io.hatrack.discovery.feedback.duplicates.PossibleDuplicate;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.jobs.JobProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack feedback duplicates --product KEY [--scan]}: the possible duplicates. */
@Command(
    name = "duplicates",
    mixinStandardHelpOptions = true,
    description = {
      "List the possible duplicates in a product's feedback, grouped, most similar first (as the"
          + " first owner of its workspace). With --scan, first scan all of its feedback."
    })
public final class FeedbackDuplicatesCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Option(
      names = "--product",
      required = true,
      paramLabel = "KEY",
      description = "The product's key (CHK) or slug.")
  String product;

  @Option(names = "--scan", description = "Scan all of the product's feedback first.")
  boolean scan;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "List the N most similar pairs at most (default 100).")
  int limit = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }

  @Override
  public Integer call() {
    String url = storage.databaseUrl();
    if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (App app = new App(AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0))) {
      FeedbackIntake.Administrator admin =
          app.discovery().feedback().intake().asAdministrator(product);
      DuplicateService duplicates = app.discovery().duplicates().service();
      String ref = Long.toString(admin.product().id());
      if (scan) {
        DuplicateService.ScanReport r = duplicates.scan(admin.product().id(), JobProgress.NONE);
        out.printf(
            Locale.ROOT,
            "Scanned %s of feedback (%,d indexed now): %s found, %s.%n",
            count(r.compared(), "piece", "pieces"),
            r.indexed(),
            count(r.suggested(), "pair", "pairs"),
            count(r.groups(), "group", "groups"));
      }
      List<DuplicateGroup> groups = duplicates.groups(admin.owner(), ref, Math.max(1, limit));
      long total = duplicates.count(admin.owner(), ref);
      if (groups.isEmpty()) {
        out.println("No possible duplicates in " + admin.product().product().name() + ".");
        return 0;
      }
      out.printf(
          Locale.ROOT,
          "%s in %s:%n",
          count(total, "possible duplicate", "possible duplicates"),
          count(groups.size(), "group", "groups"));
      for (DuplicateGroup g : groups) {
        out.printf(Locale.ROOT, "%n%d pieces, keep %s%n", g.members().size(), g.keep().key());
        for (PossibleDuplicate p : g.pairs()) {
          out.printf(
              Locale.ROOT,
              "  %3d %%  %s \u201c%s\u201d  ~  %s \u201c%s\u201d%n",
              p.percent(),
              p.older().key(),
              p.older().summary(),
              p.newer().key(),
              p.newer().summary());
        }
      }
      return 0;
    } catch (Invalid e) {
      for (FieldError fe : e.errors()) {
        err.println("hatrack: --" + fe.field() + " " + fe.reason());
      }
      return 1;
    }
  }
}
