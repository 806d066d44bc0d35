package io.hatrack.definition;

import static io.hatrack.definition.WorkItems.create;
import static io.hatrack.definition.WorkItems.items;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Slice;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing a product's work items: filters, paging and exact totals. */
@OnEveryDatabase
class WorkItemListingTest {
  @Test
  void listingFiltersByTypeAndTitleWordsPagesWithTheCursorAndReportsTheExactTotal(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    List<WorkItem> stories = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      stories.add(create(app, team, "story", "Saved card story " + i));
      app.clock().advance(Duration.ofSeconds(1));
    }
    create(app, team, "feature", "Saved cards");
    create(app, team, "bug", "Card list is empty");
    WorkItem gone = create(app, team, "story", "Saved card, deleted");
    items(app).delete(team.owner(), gone.key(), 1);

    List<WorkItem> seen = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    String cursor = null;
    int rounds = 0;
    do {
      Slice<WorkItem> slice = items(app).list(team.owner(), slug, "story", null, cursor, 3).slice();
      assertThat(slice.items()).hasSizeLessThanOrEqualTo(3);
      seen.addAll(slice.items());
      totals.add(slice.total());
      cursor = slice.nextCursor();
      rounds++;
    } while (cursor != null && rounds < 10);

    assertThat(rounds).isEqualTo(3);
    assertThat(totals).containsOnly(7L);
    assertThat(seen)
        .extracting(WorkItem::id)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 7).mapToObj(i -> stories.get(6 - i).id()).toList());

    assertThat(items(app).list(team.owner(), slug, null, "SAVED card", null, 10).slice())
        .satisfies(
            s -> {
              assertThat(s.total()).isEqualTo(8);
              assertThat(s.items())
                  .extracting(WorkItem::title)
                  .allMatch(t -> t.startsWith("Saved"));
            });
    assertThat(items(app).list(team.owner(), slug, "feature", "saved", null, 10).slice().items())
        .extracting(WorkItem::title)
        .containsExactly("Saved cards");
    assertThat(items(app).list(team.owner(), slug, " Bug ", "", null, 10).slice().items())
        .extracting(WorkItem::title)
        .containsExactly("Card list is empty");
    assertThat(items(app).list(team.owner(), slug, null, "card story 3", null, 10).slice().items())
        .extracting(WorkItem::id)
        .containsExactly(stories.get(3).id());
    Slice<WorkItem> all = items(app).list(team.owner(), slug, null, null, null, 100).slice();
    assertThat(all.total()).isEqualTo(9);
    assertThat(all.nextCursor()).isNull();
    Slice<WorkItem> exactlyFull = items(app).list(team.owner(), slug, null, null, null, 9).slice();
    assertThat(exactlyFull.items()).hasSize(9);
    assertThat(exactlyFull.nextCursor()).isNull();
  }

  @Test
  void aPageInRankOrderAndItsTotalCountOnlyTheLiveItemsOfTheProduct(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    String slug = team.product().slug();
    WorkItem first = create(app, team, "story", "Ranked first");
    WorkItem second = create(app, team, "story", "Ranked second");
    create(app, team, "task", "Ranked third");
    WorkItem gone = create(app, team, "story", "Ranked but deleted");
    items(app).delete(team.owner(), gone.key(), 1);
    create(app, other, "story", "Ranked elsewhere");

    Slice<WorkItem> byRank = items(app).list(team.owner(), slug, null, "", "rank", null, 2).slice();
    Slice<WorkItem> byWord =
        items(app).list(team.owner(), slug, null, "ranked", "-rank", null, 1).slice();

    assertThat(byRank.items()).extracting(WorkItem::id).containsExactly(first.id(), second.id());
    assertThat(byRank.total()).isEqualTo(3);
    assertThat(byWord.items()).extracting(WorkItem::title).containsExactly("Ranked third");
    assertThat(byWord.total()).isEqualTo(3);
  }

  @Test
  void listingMatchesPercentAndUnderscoreLiterally(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    create(app, team, "story", "Raise limit to 100% of cart");
    create(app, team, "story", "Raise limit to 1000 cards");
    create(app, team, "story", "card_token rotation");
    create(app, team, "story", "cardXtoken rotation");
    create(app, team, "story", "Ship it! now");
    create(app, team, "story", "Ship it now");

    assertThat(items(app).list(team.owner(), slug, null, "100%", null, 10).slice().items())
        .extracting(WorkItem::title)
        .containsExactly("Raise limit to 100% of cart");
    assertThat(items(app).list(team.owner(), slug, null, "card_token", null, 10).slice().items())
        .extracting(WorkItem::title)
        .containsExactly("card_token rotation");
    assertThat(items(app).list(team.owner(), slug, null, "it!", null, 10).slice().items())
        .extracting(WorkItem::title)
        .containsExactly("Ship it! now");
  }

  @Test
  void listingRefusesAnUnknownTypeABadCursorAndAPageSizeBelowOne(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    create(app, team, "story", "One");
    create(app, team, "story", "Two");

    assertThatThrownBy(() -> items(app).list(team.owner(), slug, "saga", null, null, 10))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("type")).isNotEmpty());
    assertThatThrownBy(() -> items(app).list(team.owner(), slug, null, null, "bogus!", 10))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("cursor")).isNotEmpty());
    assertThatThrownBy(
            () ->
                items(app)
                    .list(team.owner(), slug, null, null, io.hatrack.kernel.Cursor.encode(-5), 10))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("cursor")).isNotEmpty());
    assertThatThrownBy(() -> items(app).list(team.owner(), slug, null, null, null, 0))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("limit")).isNotEmpty());
  }
}
