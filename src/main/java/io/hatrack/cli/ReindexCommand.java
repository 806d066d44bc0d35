package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.search.SearchService;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack reindex}: rebuilds the full-text search index from the items. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the full-text search index of every product (or of one) from its work items,"
          + " feedback and insights. Hatrack keeps the index current by itself; this repairs it."
    })
public final class ReindexCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Option(
      names = "--product",
      paramLabel = "SLUG",
      description = "Only this product (its slug, as in its address).")
  String product;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String url = storage.databaseUrl();
    if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
    try (App app = new App(config)) {
      long started = System.nanoTime();
      SearchService search = app.search();
      long documents =
          product == null ? search.reindexAll() : search.reindexAsAdministrator(product);
      spec.commandLine()
          .getOut()
          .printf(
              "Indexed %d documents%s in %d ms.%n",
              documents,
              product == null ? "" : " of " + product,
              (System.nanoTime() - started) / 1_000_000);
    }
    return 0;
  }
}
