package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.feedback.themes.ThemeRunReport;
import io.hatrack.discovery.feedback.themes.ThemeService;
import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.jobs.JobProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack themes --product KEY [--run]}: the themes of a product's feedback. */
@Command(
    name = "themes",
    mixinStandardHelpOptions = true,
    description = {
      "List the themes of a product's untriaged feedback with their size and top terms; with"
          + " --run, group the feedback into themes first (keeping the themes you shaped), in the"
          + " name of the first owner of the product's workspace."
    })
public final class ThemesCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Option(
      names = "--product",
      required = true,
      paramLabel = "KEY",
      description = "The product's key (CHK) or slug.")
  String product;

  @Option(names = "--run", description = "Group the feedback into themes first.")
  boolean run;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String url = storage.databaseUrl();
    if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    PrintWriter out = spec.commandLine().getOut();
    AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
    try (App app = new App(config)) {
      ThemeService themes = app.discovery().themes().service();
      ThemeService.Acting acting = themes.actingOn(product);
      if (run) {
        ThemeRunReport r = themes.run(acting.owner(), acting.product(), JobProgress.NONE);
        out.printf(
            Locale.ROOT,
            "Grouped %,d pieces of feedback into %d themes (%d kept) in %,d ms; %,d in no theme.%n",
            r.grouped(),
            r.themes(),
            r.kept(),
            r.millis(),
            r.unthemed());
      }
      ThemeService.Overview o = themes.overview(acting.owner(), acting.product());
      if (o.themes().isEmpty()) {
        out.println("No themes yet: run with --run to group the feedback into themes.");
      }
      for (ThemeView t : o.themes()) {
        out.printf(
            Locale.ROOT,
            "%6d  %-40s %,7d  %s%n",
            t.id(),
            t.name(),
            t.members(),
            String.join(", ", t.terms()));
      }
      out.println("Method: " + o.method() + ".");
      return 0;
    } catch (Invalid e) {
      for (FieldError fe : e.errors()) {
        spec.commandLine().getErr().println("hatrack: --" + fe.field() + " " + fe.reason());
      }
      return 1;
    }
  }
}
