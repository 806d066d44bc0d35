package io.hatrack.kernel.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection to Hatrack's database, SQLite or PostgreSQL, and the only way services reach it.
 *
 * <p>On SQLite, writes go through a pool of exactly one connection whose transactions begin with
 * {@code BEGIN IMMEDIATE}: SQLite allows one writer at a time, and queuing writers in the pool is
 * faster and more predictable than letting them collide on the file lock. Reads use a separate pool
 * and, thanks to WAL, never wait for the writer. On PostgreSQL both go through one pool.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final String url;
  private final Dialect dialect;
  private final HikariDataSource writePool;
  private final HikariDataSource readPool;
  private final Jdbi writer;
  private final Jdbi reader;

  private Database(
      String url, Dialect dialect, HikariDataSource writePool, HikariDataSource readPool) {
    this.url = url;
    this.dialect = dialect;
    this.writePool = writePool;
    this.readPool = readPool;
    this.writer = Jdbi.create(writePool);
    this.reader = readPool == writePool ? writer : Jdbi.create(readPool);
  }

  /**
   * Opens the database at {@code jdbcUrl}, migrating its schema to the newest version first.
   *
   * @param poolSize the number of connections for reads (SQLite) or for everything (PostgreSQL)
   */
  public static Database open(String jdbcUrl, int poolSize) {
    Database db = openWithoutMigrating(jdbcUrl, poolSize);
    try {
      db.migrate();
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Opens the database as it is; for tools such as backup that must not change the schema. */
  public static Database openWithoutMigrating(String jdbcUrl, int poolSize) {
    Dialect dialect = Dialect.of(jdbcUrl);
    if (dialect == Dialect.SQLITE) {
      ensureParentDirectory(jdbcUrl);
      HikariDataSource writes = pool("hatrack-write", sqlite(jdbcUrl, true), 1);
      HikariDataSource reads = pool("hatrack-read", sqlite(jdbcUrl, false), poolSize);
      return new Database(jdbcUrl, dialect, writes, reads);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("hatrack");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    HikariDataSource shared = new HikariDataSource(config);
    return new Database(jdbcUrl, dialect, shared, shared);
  }

  private static void ensureParentDirectory(String jdbcUrl) {
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create the data directory " + parent, e);
    }
  }

  /** How much of the database file each reader maps into memory. */
  static final long READER_MMAP_BYTES = Long.getLong("hatrack.sqlite.mmap", 1L << 30);

  private static DataSource sqlite(String jdbcUrl, boolean forWriting) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(15_000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // 8 MB of page cache per reading connection: with a reader pool of 8 a larger cache mostly
    // grows the resident memory (32 MB took it past 400 MB) without serving more requests. The one
    // writer gets 64 MB: an import inserts into indexes (the duplicate check's LSH bands) in random
    // key order, which a small cache turns into page reads and rewrites.
    config.setCacheSize(forWriting ? -64_000 : -8_000);
    if (forWriting) {
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    } else {
      // Readers map the file instead of copying its pages into each connection's cache: a
      // search over a million documents touches more pages than 8 MB hold, and mapped pages are
      // the operating system's file cache, shared by every reader, not extra heap or cache.
      config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(READER_MMAP_BYTES));
    }
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(jdbcUrl);
    return ds;
  }

  private static HikariDataSource pool(String name, DataSource ds, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDataSource(ds);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    return new HikariDataSource(config);
  }

  /** Brings the schema to the newest migration; a no-op when it is already there. */
  public void migrate() {
    Flyway flyway = flyway();
    var result = flyway.migrate();
    if (result.migrationsExecuted > 0) {
      log.info(
          "database migrated to version {} ({} migrations)",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }

  /** Migrates an empty database up to {@code version} only (restoring an older backup). */
  public void migrateTo(String version) {
    flywayConfig().target(version).load().migrate();
  }

  /** The version of the newest applied migration, e.g. {@code "1"}. */
  public String schemaVersion() {
    var current = flyway().info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /** The schema version as seen inside a transaction (for a consistent backup). */
  public String schemaVersion(Handle h) {
    return h.createQuery(
            "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                + " ORDER BY installed_rank DESC LIMIT 1")
        .mapTo(String.class)
        .findOne()
        .orElse("0");
  }

  private Flyway flyway() {
    return flywayConfig().load();
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flywayConfig() {
    return Flyway.configure()
        .dataSource(writePool)
        .locations("classpath:db/migration")
        .placeholders(dialect.placeholders())
        .placeholderReplacement(true);
  }

  public Dialect dialect() {
    return dialect;
  }

  public String url() {
    return url;
  }

  /** The pools, for metrics. */
  public java.util.List<HikariDataSource> pools() {
    return readPool == writePool
        ? java.util.List.of(writePool)
        : java.util.List.of(writePool, readPool);
  }

  /** Runs {@code work} in one write transaction: all of it is committed, or none of it. */
  public <T> T tx(HandleCallback<T, RuntimeException> work) {
    return writer.inTransaction(work);
  }

  /** Runs {@code work} in one write transaction, for work that returns nothing. */
  public void txVoid(java.util.function.Consumer<Handle> work) {
    writer.useTransaction(work::accept);
  }

  /** Runs read-only {@code work} in one transaction, so that it sees one consistent state. */
  public <T> T read(HandleCallback<T, RuntimeException> work) {
    return reader.inTransaction(work);
  }

  /**
   * Runs read-only {@code work} on one snapshot of the whole database, even while others write: a
   * repeatable-read transaction on PostgreSQL, a read transaction in WAL mode on SQLite.
   */
  public <T> T snapshot(HandleCallback<T, RuntimeException> work) {
    if (dialect == Dialect.POSTGRESQL) {
      return reader.inTransaction(
          org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ,
          h -> {
            h.execute("SET TRANSACTION READ ONLY");
            return work.withHandle(h);
          });
    }
    return reader.inTransaction(work);
  }

  /** True when the database answers a trivial query. */
  public boolean isHealthy() {
    try {
      return reader.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      log.warn("database health check failed: {}", e.getMessage());
      return false;
    }
  }

  /** True when {@code e} was caused by a unique constraint, on either database. */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if ("23505".equals(sql.getSQLState())) {
          return true;
        }
        String message = String.valueOf(sql.getMessage());
        if (message.contains("UNIQUE constraint failed")
            || message.contains("PRIMARY KEY constraint failed")) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (readPool != writePool) {
      readPool.close();
    }
    writePool.close();
  }
}
