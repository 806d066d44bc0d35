package io.hatrack.testing;

import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.db.Dialect;
import java.nio.file.Path;

/**
 * A database made for tests: its JDBC URL, its dialect, and a data directory of its own (where the
 * SQLite file lives, and what the CLI's {@code --data} can point at).
 *
 * @param dialect SQLite or PostgreSQL
 * @param url the JDBC URL Hatrack opens
 * @param dataDir a fresh directory for this database's files
 */
public record TestDatabase(Dialect dialect, String url, Path dataDir) {
  /** Opens the database, migrating it to the newest schema first (a no-op once migrated). */
  public Database open() {
    return Database.open(url, 2);
  }

  /** Opens the database as it is, without touching its schema. */
  public Database openWithoutMigrating() {
    return Database.openWithoutMigrating(url, 2);
  }

  @Override
  public String toString() {
    return dialect + " " + url;
  }
}
