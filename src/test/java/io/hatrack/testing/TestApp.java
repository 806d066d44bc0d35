package io.hatrack.testing;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.ApiTokenService;
import io.hatrack.kernel.auth.PasswordHasher;
import io.hatrack.kernel.auth.SessionService;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.pages.PageService;

/**
 * A Hatrack {@link App} (services only, no HTTP) on a test database, with a {@link MutableClock}
 * and a cheap password hasher. Close it to release the database connections.
 */
public final class TestApp implements AutoCloseable {
  /** Argon2id at its cheapest: the same code path as production, in a millisecond. */
  public static final PasswordHasher HASHER = new PasswordHasher(1024, 1);

  private final TestDatabase database;
  private final MutableClock clock;
  private final App app;
  private final boolean ownsDatabase;

  private TestApp(TestDatabase database, MutableClock clock, boolean ownsDatabase) {
    this.database = database;
    this.clock = clock;
    this.ownsDatabase = ownsDatabase;
    this.app =
        new App(
            new AppConfig(
                database.dataDir(), database.url(), "127.0.0.1", 0, null, 4, HASHER, clock));
  }

  /** An app on a new, empty database of {@code dialect}, which closing the app drops. */
  public static TestApp open(Dialect dialect) {
    return new TestApp(TestDatabases.fresh(dialect), new MutableClock(), true);
  }

  /** An app on an existing test database, which outlives the app. */
  public static TestApp on(TestDatabase database) {
    return new TestApp(database, new MutableClock(), false);
  }

  public App app() {
    return app;
  }

  public TestDatabase testDatabase() {
    return database;
  }

  public Dialect dialect() {
    return database.dialect();
  }

  public MutableClock clock() {
    return clock;
  }

  public Database database() {
    return app.database();
  }

  public AccountService accounts() {
    return app.accounts();
  }

  public SessionService sessions() {
    return app.sessions();
  }

  public ApiTokenService tokens() {
    return app.tokens();
  }

  public WorkspaceService workspaces() {
    return app.workspaces();
  }

  public ProductService products() {
    return app.products();
  }

  public ItemService items() {
    return app.items();
  }

  public Collaboration collaboration() {
    return app.collaboration();
  }

  public PageService pages() {
    return app.pages();
  }

  /** The number of rows in {@code table}, for checking that a failed change wrote nothing. */
  public long count(String table) {
    return database()
        .read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    app.close();
    if (ownsDatabase) {
      TestDatabases.discard(database);
    }
  }
}
