package io.hatrack.cli;

import io.hatrack.Version;
import io.hatrack.kernel.db.Backups;
import io.hatrack.kernel.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hatrack backup FILE}: a consistent snapshot, safe to take while Hatrack runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write a consistent backup of the database to FILE (a ZIP of JSON lines), while Hatrack"
          + " keeps running. Backups restore into SQLite or PostgreSQL alike."
    })
public final class BackupCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the backup.")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String url = storage.databaseUrl();
    if (url.startsWith("jdbc:sqlite:")
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))
        && url.equals(io.hatrack.AppConfig.defaultDatabaseUrl(storage.dataDir()))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    try (Database db = Database.openWithoutMigrating(url, 2)) {
      long started = System.nanoTime();
      Backups.Summary summary = new Backups().backup(db, file, Version.current());
      spec.commandLine()
          .getOut()
          .printf(
              "Backed up %d rows in %d tables (schema version %s) to %s in %d ms.%n",
              summary.totalRows(),
              summary.rows().size(),
              summary.schemaVersion(),
              file,
              (System.nanoTime() - started) / 1_000_000);
    }
    return 0;
  }
}
