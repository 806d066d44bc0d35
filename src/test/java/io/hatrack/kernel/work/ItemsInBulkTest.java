package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ItemsInBulkTest {
  @Test
  void manyItemsAreNumberedInTheProductsSequenceCountedWatchedAndTaggedInBatches(TestApp app) {
    Team team = team(app);
    ProductAccess product = app.products().access(team.owner(), team.product().slug());
    app.pages().create(team.owner(), team.product().slug(), "Before", "");

    List<Long> ids =
        app.database()
            .tx(
                h -> {
                  List<Long> created =
                      app.items()
                          .createAll(h, team.owner(), product, "page", List.of("A", "B", "C"));
                  app.collaboration()
                      .tags()
                      .tagAll(
                          h,
                          team.workspace().id(),
                          Map.of(
                              created.get(0),
                              List.of("billing", "ux"),
                              created.get(2),
                              List.of("ux")));
                  return created;
                });

    List<Item> items =
        app.database()
            .read(
                h ->
                    ids.stream()
                        .map(id -> app.items().access(h, team.owner(), id).item())
                        .toList());
    assertThat(items).extracting(Item::title).containsExactly("A", "B", "C");
    assertThat(items).extracting(Item::key).containsExactly("CHK-2", "CHK-3", "CHK-4");
    long live = app.database().read(h -> app.items().liveCount(h, product.id(), "page"));
    Map<Long, List<String>> tags =
        app.database().read(h -> app.collaboration().tags().forItems(h, ids));
    long watched =
        app.database()
            .read(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM watcher WHERE user_id = :u AND entity_id IN"
                                + " (<ids>)")
                        .bind("u", team.owner().id())
                        .bindList("ids", ids)
                        .mapTo(Long.class)
                        .one());
    assertThat(live).isEqualTo(4);
    assertThat(tags)
        .containsEntry(ids.get(0), List.of("billing", "ux"))
        .containsEntry(ids.get(2), List.of("ux"));
    assertThat(watched).isEqualTo(3);
    Long next =
        app.pages().create(team.owner(), team.product().slug(), "After", "").item().number();
    assertThat(next).isEqualTo(5);
  }
}
