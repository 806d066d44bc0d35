package io.hatrack.kernel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Backups;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import io.hatrack.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The index over the demo story: searchable once seeded, rebuilt when a backup is restored (the
 * index itself is never in a backup) and when a database starts with an empty index.
 */
@OnEveryDatabase
class SearchRestoreTest {
  @TempDir Path dir;

  private static User ana(TestApp app) {
    return app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
  }

  /** Every hit of a search in the demo's Checkout product, page after page, best first. */
  private static List<Long> found(TestApp app, String q) {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    do {
      SearchService.Results page =
          app.app()
              .search()
              .search(
                  ana(app),
                  new SearchService.Request(
                      q,
                      "checkout",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      cursor,
                      SearchService.MAX_LIMIT));
      page.slice().items().forEach(hit -> ids.add(hit.id()));
      cursor = page.slice().nextCursor();
    } while (cursor != null);
    return ids;
  }

  @Test
  void theDemoIsSearchableOnceSeeded(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();

    SearchService.Results results =
        app.app().search().search(ana(app), SearchService.Request.of("saved cards"));

    assertThat(results.slice().items()).isNotEmpty();
    assertThat(results.slice().items().get(0).titleHtml()).contains("<mark>");
    assertThat(results.slice().items()).extracting(SearchHit::kind).contains("work_item");
  }

  @ParameterizedTest(name = "into {0}")
  @EnumSource(Dialect.class)
  void aRestoredBackupFindsWhatTheOriginalFound(Dialect target, @Fresh TestApp source) {
    source.app().seedDemoIfEmpty();
    List<Long> before = found(source, "card*");
    assertThat(before).isNotEmpty();
    Path file = dir.resolve("backup.zip");
    Backups backups = new Backups();
    backups.backup(source.database(), file, "test");
    TestDatabase restored = TestDatabases.blank(target);

    backups.restore(file, restored.url());

    try (TestApp app = TestApp.on(restored)) {
      // Each database ranks in its own way; on the same kind the order is the same too.
      assertThat(found(app, "card*")).containsExactlyInAnyOrderElementsOf(before);
      if (target == source.dialect()) {
        assertThat(found(app, "card*")).isEqualTo(before);
      }
    }
  }

  @Test
  void aDatabaseWhoseIndexIsEmptyIsIndexedWhenHatrackStarts(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    List<Long> before = found(app, "checkout");
    app.database().txVoid(h -> h.execute("DELETE FROM search_doc"));
    assertThat(found(app, "checkout")).isEmpty();

    try (TestApp restarted = TestApp.on(app.testDatabase())) {
      assertThat(found(restarted, "checkout")).containsExactlyInAnyOrderElementsOf(before);
    }
  }
}
