package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.search.SearchHit;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hatrack reindex}: rebuilds the search index of every product, or of one. */
@OnEveryDatabase
class ReindexCommandTest {
  private final Dialect dialect;

  ReindexCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  @Test
  void reindexRebuildsAProductsIndexFromItsItems(TestApp app) {
    Team team = team(app);
    var item =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), team.product().slug(), NewWorkItem.of("task", "Capybara"));
    app.database()
        .txVoid(
            h ->
                app.app().search().index().removeAll(h, team.product().id(), List.of("work_item")));

    String[] store = storage(app.testDatabase());
    CommandLineRun run =
        CommandLineRun.of("reindex", "--product", team.product().slug(), store[0], store[1]);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Indexed 1 documents of " + team.product().slug());
    assertThat(
            app.app()
                .search()
                .search(
                    team.owner(),
                    SearchService.Request.of("capybara").inProduct(team.product().slug()))
                .slice()
                .items())
        .extracting(SearchHit::id)
        .containsExactly(item.id());
  }

  @Test
  void anUnknownProductIsRefusedWithItsName(TestApp app) {
    String[] store = storage(app.testDatabase());
    CommandLineRun run = CommandLineRun.of("reindex", "--product", "no-such", store[0], store[1]);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no product no-such");
  }
}
