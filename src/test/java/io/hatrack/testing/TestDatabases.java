package io.hatrack.testing;

import io.hatrack.kernel.db.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Hands out empty databases for tests, on either dialect, and cleans up after the test run.
 *
 * <p>SQLite: a file in a new temporary directory. PostgreSQL: a new database on the server named
 * by the environment variable {@value #PG_URL_ENV} (default {@value #DEFAULT_PG_URL}), created
 * with {@code CREATE DATABASE hatrack_test_<pid>_<n>} and dropped when the JVM ends. Databases
 * that earlier runs left behind are dropped the first time PostgreSQL is used, unless the process
 * that made them is still alive (a test run going on next to this one).
 *
 * <p>When PostgreSQL is not reachable, PostgreSQL tests are skipped with a message saying so,
 * unless {@value #REQUIRE_PG_ENV}{@code =1} is set (as in CI): then they fail.
 */
public final class TestDatabases {
  static final String PG_URL_ENV = "HATRACK_TEST_PG_URL";
  static final String REQUIRE_PG_ENV = "HATRACK_REQUIRE_POSTGRES";
  static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private static final String PREFIX = "hatrack_test_";
  private static final Pattern NAME = Pattern.compile("^" + PREFIX + "(\\d+)_(\\d+)$");
  private static final Pattern PG_URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static final List<String> createdDatabases = new ArrayList<>();
  private static final List<Path> createdDirectories = new ArrayList<>();
  private static String postgresProblem;
  private static boolean postgresChecked;

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestDatabases::cleanUp, "hatrack-test-databases-cleanup"));
  }

  private TestDatabases() {}

  /** A new database with Hatrack's newest schema and no rows. */
  public static TestDatabase fresh(Dialect dialect) {
    TestDatabase db = blank(dialect);
    db.open().close();
    return db;
  }

  /** A new database without any tables: what a first start or a restore finds. */
  public static TestDatabase blank(Dialect dialect) {
    Path dir = newDirectory();
    if (dialect == Dialect.SQLITE) {
      return new TestDatabase(dialect, "jdbc:sqlite:" + dir.resolve("hatrack.db"), dir);
    }
    requirePostgres();
    String name = PREFIX + PID + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    synchronized (TestDatabases.class) {
      createdDatabases.add(name);
    }
    return new TestDatabase(dialect, urlOf(name), dir);
  }

  /**
   * Skips the calling test when PostgreSQL cannot be reached, or fails it when the environment
   * demands PostgreSQL.
   */
  public static void requirePostgres() {
    String problem = postgresProblem();
    if (problem == null) {
      return;
    }
    String where = "PostgreSQL not reachable at " + describe(adminUrl()) + ": ";
    String why = " (" + problem + "). " + PG_URL_ENV + " can name another server.";
    if ("1".equals(System.getenv(REQUIRE_PG_ENV))) {
      throw new IllegalStateException(
          where + "PostgreSQL store tests cannot run, and " + REQUIRE_PG_ENV + "=1 requires them" + why);
    }
    Assumptions.abort(where + "PostgreSQL store tests skipped" + why);
  }

  /** The JDBC URL of the PostgreSQL database that test databases are created from. */
  public static String adminUrl() {
    String url = System.getenv(PG_URL_ENV);
    return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
  }

  private static synchronized String postgresProblem() {
    if (!postgresChecked) {
      postgresChecked = true;
      DriverManager.setLoginTimeout(5);
      try (Connection c = DriverManager.getConnection(adminUrl())) {
        dropLeftovers(c);
      } catch (SQLException e) {
        postgresProblem = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      }
    }
    return postgresProblem;
  }

  /** Drops the test databases of earlier runs whose JVM is gone. */
  private static void dropLeftovers(Connection admin) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (PreparedStatement ps =
            admin.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
      ps.setString(1, PREFIX.replace("_", "\\_") + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Matcher m = NAME.matcher(rs.getString(1));
          if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
            stale.add(rs.getString(1));
          }
        }
      }
    }
    for (String name : stale) {
      drop(admin, name);
    }
  }

  private static boolean alive(long pid) {
    return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void drop(Connection admin, String name) throws SQLException {
    try (PreparedStatement terminate =
        admin.prepareStatement(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      terminate.setString(1, name);
      terminate.executeQuery().close();
    }
    try (Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  private static synchronized void cleanUp() {
    if (!createdDatabases.isEmpty()) {
      try (Connection c = DriverManager.getConnection(adminUrl())) {
        for (String name : createdDatabases) {
          try {
            drop(c, name);
          } catch (SQLException e) {
            System.err.println("could not drop the test database " + name + ": " + e.getMessage());
          }
        }
      } catch (SQLException e) {
        System.err.println("could not drop the test databases: " + e.getMessage());
      }
    }
    for (Path dir : createdDirectories) {
      deleteRecursively(dir);
    }
  }

  private static String urlOf(String database) {
    Matcher m = PG_URL.matcher(adminUrl());
    if (!m.matches()) {
      throw new IllegalStateException(
          PG_URL_ENV + " must look like jdbc:postgresql://HOST:PORT/DB?user=...: " + adminUrl());
    }
    return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** The URL without its query, which may hold a password. */
  private static String describe(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static synchronized Path newDirectory() {
    try {
      Path dir = Files.createTempDirectory("hatrack-test-");
      createdDirectories.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
