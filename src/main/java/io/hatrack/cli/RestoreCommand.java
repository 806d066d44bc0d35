package io.hatrack.cli;

import io.hatrack.kernel.db.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hatrack restore FILE}: into an empty data directory or database. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a backup made by 'hatrack backup' into an empty data directory (SQLite) or an"
          + " empty PostgreSQL database. All or nothing: on any error nothing is written."
    })
public final class RestoreCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore.")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure("no backup file " + file);
    }
    Backups backups = new Backups();
    backups.manifest(file);
    long started = System.nanoTime();
    Backups.Summary summary;
    try {
      summary = backups.restore(file, storage.databaseUrl());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Restored %d rows in %d tables from %s in %d ms.%n",
            summary.totalRows(),
            summary.rows().size(),
            file,
            (System.nanoTime() - started) / 1_000_000);
    return 0;
  }
}
