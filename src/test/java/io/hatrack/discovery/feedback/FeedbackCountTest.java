package io.hatrack.discovery.feedback;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inbox's status chips read a live count per status that the feedback store keeps as feedback
 * arrives (one at a time and in import batches), changes status (by hand, by linking, by being
 * merged, by an edit), is deleted and restored; after every step it equals a count over the rows.
 */
@OnEveryDatabase
class FeedbackCountTest {

  private static FeedbackService feedback(TestApp app) {
    return app.app().discovery().feedback().service();
  }

  /** The live feedback per status, counted over the rows. */
  private static Map<FeedbackStatus, Long> overRows(TestApp app, Team team) {
    Map<FeedbackStatus, Long> out = new LinkedHashMap<>();
    for (FeedbackStatus s : FeedbackStatus.values()) {
      out.put(s, 0L);
    }
    app.database()
        .read(
            h ->
                h.createQuery(
                        "SELECT f.status, COUNT(*) AS n FROM feedback f JOIN entity e ON e.id ="
                            + " f.id WHERE f.product_id = :p AND e.deleted_at IS NULL"
                            + " GROUP BY f.status")
                    .bind("p", team.product().id())
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                    .list())
        .forEach(e -> out.put(FeedbackStatus.parse("status", e.getKey()), e.getValue()));
    return out;
  }

  private static void assertCountsMatchTheRows(TestApp app, Team team) {
    assertThat(feedback(app).statusCounts(team.owner(), team.product().slug()))
        .isEqualTo(overRows(app, team));
  }

  @Test
  void theStatusCountsFollowEveryWayFeedbackArrivesChangesAndLeaves(TestApp app) {
    Team team = team(app);
    FeedbackService svc = feedback(app);
    String product = team.product().slug();
    Feedback a = svc.create(team.owner(), product, FeedbackDraft.of("Saved cards", "email"));
    Feedback b = svc.create(team.owner(), product, FeedbackDraft.of("Keep my card", "email"));
    Feedback c =
        svc.create(
            team.owner(), product, FeedbackDraft.of("Dark mode", "email").withStatus("triaged"));
    assertCountsMatchTheRows(app, team);
    assertThat(svc.statusCounts(team.owner(), product))
        .containsEntry(FeedbackStatus.NEW, 2L)
        .containsEntry(FeedbackStatus.TRIAGED, 1L);

    app.database()
        .txVoid(
            h -> {
              ProductAccess access = app.products().access(h, team.owner(), product);
              svc.createAll(
                  h,
                  team.owner(),
                  access,
                  List.of(
                      FeedbackDraft.of("Imported one", "api"),
                      FeedbackDraft.of("Imported two", "api").withStatus("archived"),
                      FeedbackDraft.of("Imported three", "api").withStatus("archived")),
                  "a test");
            });
    assertCountsMatchTheRows(app, team);
    assertThat(svc.statusCounts(team.owner(), product)).containsEntry(FeedbackStatus.ARCHIVED, 2L);

    svc.setStatus(team.owner(), a.key(), a.version(), "triaged");
    assertCountsMatchTheRows(app, team);
    WorkItem feature =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), product, NewWorkItem.of("feature", "Saved cards"));
    svc.link(team.owner(), b.key(), feature.key());
    assertCountsMatchTheRows(app, team);
    svc.merge(team.owner(), b.key(), List.of(c.key()));
    assertCountsMatchTheRows(app, team);
    Feedback again = svc.get(team.owner(), a.key()).feedback();
    svc.update(
        team.owner(),
        a.key(),
        again.version(),
        FeedbackService.draftOf(again).withStatus("archived"));
    assertCountsMatchTheRows(app, team);

    Feedback deleted = svc.get(team.owner(), a.key()).feedback();
    svc.delete(team.owner(), a.key(), deleted.version());
    assertCountsMatchTheRows(app, team);
    assertThat(svc.statusCounts(team.owner(), product)).containsEntry(FeedbackStatus.ARCHIVED, 3L);
    svc.restore(team.owner(), a.key());
    assertCountsMatchTheRows(app, team);
    assertThat(svc.statusCounts(team.owner(), product)).containsEntry(FeedbackStatus.ARCHIVED, 4L);
  }

  @Test
  void aFilteredInboxCountsItsMatchesUpToTheLimitAndTheWholeInboxExactly(TestApp app) {
    Team team = team(app);
    FeedbackService svc = feedback(app);
    List<FeedbackDraft> drafts =
        java.util.stream.IntStream.range(0, FeedbackService.COUNT_LIMIT + 5)
            .mapToObj(i -> FeedbackDraft.of("Piece " + i, i == 0 ? "email" : "api"))
            .toList();
    app.database()
        .txVoid(
            h ->
                svc.createAll(
                    h,
                    team.owner(),
                    app.products().access(h, team.owner(), team.product().slug()),
                    drafts,
                    "a test"));

    var all = svc.list(team.owner(), team.product().slug(), FeedbackFilter.ALL, null, 10);
    var api =
        svc.list(
            team.owner(),
            team.product().slug(),
            FeedbackFilter.parse(null, "api", null, null, null, null, null, null, null),
            null,
            10);
    var email =
        svc.list(
            team.owner(),
            team.product().slug(),
            FeedbackFilter.parse(null, "email", null, null, null, null, null, null, null),
            null,
            10);

    assertThat(all.slice().total()).isEqualTo(FeedbackService.COUNT_LIMIT + 5);
    assertThat(api.slice().total()).isEqualTo(FeedbackService.COUNT_LIMIT);
    assertThat(email.slice().total()).isEqualTo(1);
  }

  private static long total(TestApp app, Team team, String status, String tag) {
    return feedback(app)
        .list(
            team.owner(),
            team.product().slug(),
            FeedbackFilter.parse(status, null, null, tag, null, null, null, null, null),
            null,
            1)
        .slice()
        .total();
  }

  @Test
  void filteredTotalsCountOnlyTheLiveMatchesOfTheProduct(TestApp app) {
    Team team = team(app);
    FeedbackService svc = feedback(app);
    String product = team.product().slug();
    var other =
        app.products()
            .create(
                team.owner(),
                team.workspace().slug(),
                new io.hatrack.kernel.work.ProductService.ProductInput(
                    "Other", "other-" + team.product().slug(), "OTH", ""));
    svc.create(
        team.owner(),
        other.slug(),
        FeedbackDraft.of("Elsewhere", "api").withTags(List.of("cards")));
    svc.create(team.owner(), product, FeedbackDraft.of("One", "api").withTags(List.of("cards")));
    svc.create(
        team.owner(),
        product,
        FeedbackDraft.of("Two", "api").withTags(List.of("cards")).withStatus("triaged"));
    Feedback gone =
        svc.create(
            team.owner(), product, FeedbackDraft.of("Three", "api").withTags(List.of("cards")));
    svc.create(team.owner(), product, FeedbackDraft.of("Untagged", "api"));
    svc.delete(team.owner(), gone.key(), gone.version());

    assertThat(total(app, team, null, "cards")).isEqualTo(2);
    assertThat(total(app, team, "triaged", "cards")).isEqualTo(1);
    assertThat(total(app, team, "new", null)).isEqualTo(2);
    assertThat(total(app, team, "new", "cards")).isEqualTo(1);
    assertThat(total(app, team, null, "nothing-has-this")).isZero();
  }
}
