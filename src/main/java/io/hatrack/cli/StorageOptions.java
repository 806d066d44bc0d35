package io.hatrack.cli;

import io.hatrack.AppConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: {@code --data DIR} and {@code --db JDBC-URL}, shared by every command. */
public final class StorageOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default: ${DEFAULT-VALUE}; env HATRACK_DATA).",
      defaultValue = "${env:HATRACK_DATA:-./hatrack-data}")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "JDBC-URL",
      description =
          "Database URL, e.g. jdbc:postgresql://localhost:5432/hatrack?user=hatrack"
              + " (default: SQLite in the data directory; env HATRACK_DB).",
      defaultValue = "${env:HATRACK_DB}")
  String db;

  public Path dataDir() {
    return data;
  }

  /** The JDBC URL to use. */
  public String databaseUrl() {
    return db == null || db.isBlank() ? AppConfig.defaultDatabaseUrl(data) : db;
  }
}
