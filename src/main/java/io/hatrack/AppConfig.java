package io.hatrack;

import io.hatrack.kernel.auth.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How one Hatrack process is set up.
 *
 * @param dataDir where the SQLite database and other local files live
 * @param databaseUrl the JDBC URL; SQLite in {@code dataDir} when not set explicitly
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one (tests)
 * @param baseUrl the address people use to reach this Hatrack, for links in the CLI's output
 * @param poolSize database connections
 * @param hasher how passwords are hashed (tests use a cheaper Argon2id cost)
 * @param clock the time
 */
public record AppConfig(
    Path dataDir,
    String databaseUrl,
    String host,
    int port,
    String baseUrl,
    int poolSize,
    PasswordHasher hasher,
    Clock clock) {
  public AppConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(clock, "clock");
    if (databaseUrl == null || databaseUrl.isBlank()) {
      databaseUrl = defaultDatabaseUrl(dataDir);
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
    }
  }

  /** The SQLite database inside a data directory. */
  public static String defaultDatabaseUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.toAbsolutePath().normalize().resolve("hatrack.db");
  }

  /** The defaults of {@code hatrack serve}, for a data directory and database URL. */
  public static AppConfig defaults(Path dataDir, String databaseUrl, String host, int port) {
    return new AppConfig(
        dataDir,
        databaseUrl,
        host,
        port,
        System.getenv("HATRACK_BASE_URL"),
        Integer.getInteger("hatrack.db.pool", 8),
        PasswordHasher.DEFAULT,
        Clock.systemUTC());
  }

  /** Whether cookies must be marked Secure: when people reach Hatrack over HTTPS. */
  public boolean secureCookies() {
    return baseUrl.startsWith("https://");
  }
}
