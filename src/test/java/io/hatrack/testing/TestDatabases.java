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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Hands out empty databases for tests, on either dialect, and cleans up after them.
 *
 * <p>SQLite: a file in a new temporary directory. PostgreSQL: a new database on the server named by
 * the environment variable {@value #PG_URL_ENV} (default {@value #DEFAULT_PG_URL}), created with
 * {@code CREATE DATABASE hatrack_test_<pid>_<n>}. Fresh databases are copies of one that was
 * migrated once per run, which is quicker than migrating each. A database is dropped when the test
 * that owned it is done with it ({@link #discard}), or else when the JVM ends. Databases that
 * earlier runs left behind are dropped the first time PostgreSQL is used, unless the process that
 * made them is still alive (a test run going on next to this one).
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
  private static final String SQLITE_FILE = "hatrack.db";
  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** Drops discarded databases while the tests go on; dropping takes PostgreSQL a moment. */
  private static final ExecutorService dropper =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "hatrack-test-database-dropper");
            t.setDaemon(true);
            return t;
          });

  private static final Set<String> liveDatabases = new LinkedHashSet<>();
  private static final List<Path> createdDirectories = new ArrayList<>();
  private static String postgresProblem;
  private static boolean postgresChecked;
  private static String postgresTemplate;
  private static Path sqliteTemplate;

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestDatabases::cleanUp, "hatrack-test-databases-cleanup"));
  }

  private TestDatabases() {}

  /** A new database with Hatrack's newest schema and no rows. */
  public static TestDatabase fresh(Dialect dialect) {
    Path dir = newDirectory();
    if (dialect == Dialect.SQLITE) {
      try {
        Path template = sqliteTemplate();
        Files.copy(template, dir.resolve(SQLITE_FILE));
        Path wal = template.resolveSibling(SQLITE_FILE + "-wal");
        if (Files.exists(wal)) {
          Files.copy(wal, dir.resolve(SQLITE_FILE + "-wal"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return sqlite(dir);
    }
    requirePostgres();
    return new TestDatabase(dialect, urlOf(createDatabase(postgresTemplate())), dir);
  }

  /** A new database without any tables: what a first start or a restore finds. */
  public static TestDatabase blank(Dialect dialect) {
    Path dir = newDirectory();
    if (dialect == Dialect.SQLITE) {
      return sqlite(dir);
    }
    requirePostgres();
    return new TestDatabase(dialect, urlOf(createDatabase(null)), dir);
  }

  /** Drops a database that no test uses any more (in the background), and deletes its directory. */
  public static void discard(TestDatabase db) {
    if (db.dialect() == Dialect.POSTGRESQL) {
      String name = databaseName(db.url());
      dropper.execute(() -> dropQuietly(name));
    }
    dropper.execute(() -> deleteRecursively(db.dataDir()));
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
          where
              + "PostgreSQL store tests cannot run, and "
              + REQUIRE_PG_ENV
              + "=1 requires them"
              + why);
    }
    Assumptions.abort(where + "PostgreSQL store tests skipped" + why);
  }

  /** The JDBC URL of the PostgreSQL database that test databases are created from. */
  public static String adminUrl() {
    String url = System.getenv(PG_URL_ENV);
    return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
  }

  private static TestDatabase sqlite(Path dir) {
    return new TestDatabase(Dialect.SQLITE, "jdbc:sqlite:" + dir.resolve(SQLITE_FILE), dir);
  }

  private static synchronized Path sqliteTemplate() {
    if (sqliteTemplate == null) {
      TestDatabase template = sqlite(newDirectory());
      // Closing the last connection normally checkpoints the WAL into the file; fresh() copies
      // a WAL that is left over all the same.
      template.open().close();
      sqliteTemplate = template.dataDir().resolve(SQLITE_FILE);
    }
    return sqliteTemplate;
  }

  private static synchronized String postgresTemplate() {
    if (postgresTemplate == null) {
      String name = createDatabase(null);
      new TestDatabase(Dialect.POSTGRESQL, urlOf(name), newDirectory()).open().close();
      postgresTemplate = name;
    }
    return postgresTemplate;
  }

  /** Creates a database, empty or as a copy of {@code template}; returns its name. */
  private static String createDatabase(String template) {
    String name = PREFIX + PID + "_" + COUNTER.incrementAndGet();
    String sql = "CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template);
    for (int attempt = 1; ; attempt++) {
      try (Connection c = DriverManager.getConnection(adminUrl());
          Statement st = c.createStatement()) {
        st.execute(sql);
        break;
      } catch (SQLException e) {
        // The template's last connections may still be closing ("being accessed by other users").
        if (template == null || attempt == 20) {
          throw new IllegalStateException("cannot create the test database " + name, e);
        }
        sleep(100);
      }
    }
    synchronized (TestDatabases.class) {
      liveDatabases.add(name);
    }
    return name;
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

  private static void dropQuietly(String name) {
    try (Connection c = DriverManager.getConnection(adminUrl())) {
      drop(c, name);
      synchronized (TestDatabases.class) {
        liveDatabases.remove(name);
      }
    } catch (SQLException e) {
      System.err.println("could not drop the test database " + name + ": " + e.getMessage());
    }
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

  private static void cleanUp() {
    List<Path> directories;
    synchronized (TestDatabases.class) {
      directories = List.copyOf(createdDirectories);
    }
    // Local files first: the JVM may not be given long to finish.
    directories.forEach(TestDatabases::deleteRecursively);
    dropper.shutdown();
    try {
      dropper.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> remaining;
    synchronized (TestDatabases.class) {
      remaining = List.copyOf(liveDatabases);
    }
    // Dropping waits on PostgreSQL's checkpoint; a few at a time finish sooner.
    remaining.parallelStream().forEach(TestDatabases::dropQuietly);
  }

  private static String urlOf(String database) {
    Matcher m = PG_URL.matcher(adminUrl());
    if (!m.matches()) {
      throw new IllegalStateException(
          PG_URL_ENV + " must look like jdbc:postgresql://HOST:PORT/DB?user=...: " + adminUrl());
    }
    return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
  }

  private static String databaseName(String url) {
    Matcher m = PG_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL URL: " + url);
    }
    return m.group(2);
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
