package io.hatrack.planning.roadmap;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.planning.roadmap.RoadmapService.ScheduleInput;
import io.hatrack.planning.roadmap.RoadmapService.Scheduled;
import io.hatrack.planning.roadmap.TimelineLayout.Scale;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class RoadmapServiceTest {

  static RoadmapService roadmaps(TestApp app) {
    return app.app().planning().roadmaps().service();
  }

  static SnapshotService snapshots(TestApp app) {
    return app.app().planning().roadmaps().snapshots();
  }

  static WorkItem item(TestApp app, Team team, String type, String title) {
    return app.app()
        .definition()
        .workItems()
        .create(team.owner(), team.product().slug(), NewWorkItem.of(type, title));
  }

  static ScheduleInput at(String horizon, String start, String end) {
    return new ScheduleInput(horizon, start, end, "", null, false);
  }

  static Scheduled schedule(TestApp app, Team team, WorkItem item, ScheduleInput in) {
    return roadmaps(app).schedule(team.owner(), team.product().slug(), item.key(), null, in);
  }

  static long teamRow(TestApp app, Team team, String name) {
    long now = System.currentTimeMillis();
    return app.database()
        .tx(
            h ->
                h.createQuery(
                        "INSERT INTO team (workspace_id, slug, name, created_at, updated_at)"
                            + " VALUES (:ws, :slug, :name, :now, :now) RETURNING id")
                    .bind("ws", team.workspace().id())
                    .bind("slug", name.toLowerCase(java.util.Locale.ROOT))
                    .bind("name", name)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void schedulingPutsAnItemOnTheRoadmapAndAStaleVersionIsAConflict(TestApp app) {
    Team team = team(app);
    teamRow(app, team, "Payments");
    WorkItem cards = item(app, team, "feature", "One-click saved cards");
    String product = team.product().slug();

    Scheduled first =
        roadmaps(app)
            .schedule(
                team.owner(),
                product,
                cards.key(),
                null,
                new ScheduleInput("now", "2026-01-05", "2026-03-20", "2026 Q1", "payments", true));

    assertThat(first.created()).isTrue();
    RoadmapEntry e = first.entry();
    assertThat(e.key()).isEqualTo(cards.key());
    assertThat(e.horizon()).isEqualTo(Horizon.NOW);
    assertThat(e.horizonSet()).isTrue();
    assertThat(e.start()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(e.end()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(e.release()).isEqualTo("2026 Q1");
    assertThat(e.team()).isEqualTo("Payments");
    assertThat(e.isPublic()).isTrue();
    assertThat(e.version()).isEqualTo(1);

    Scheduled moved = roadmaps(app).move(team.owner(), product, cards.key(), 1L, "later");
    assertThat(moved.created()).isFalse();
    assertThat(moved.entry().horizon()).isEqualTo(Horizon.LATER);
    assertThat(moved.entry().version()).isEqualTo(2);
    assertThat(moved.entry().start()).isEqualTo(e.start());
    assertThat(moved.entry().team()).isEqualTo("Payments");

    assertThatThrownBy(() -> roadmaps(app).move(team.owner(), product, cards.key(), 1L, "next"))
        .isInstanceOf(Conflict.class);
    RoadmapService.Roadmap roadmap =
        roadmaps(app).roadmap(team.owner(), product, RoadmapFilter.NONE);
    assertThat(roadmap.in(Horizon.LATER))
        .extracting(RoadmapEntry::key)
        .containsExactly(cards.key());
    assertThat(roadmap.in(Horizon.NOW)).isEmpty();
    assertThat(roadmaps(app).candidates(team.owner(), product))
        .extracting(RoadmapStore.Item::key)
        .doesNotContain(cards.key());

    roadmaps(app).remove(team.owner(), product, cards.key(), 2L);
    assertThat(roadmaps(app).roadmap(team.owner(), product, RoadmapFilter.NONE).entries())
        .isEmpty();
    assertThatThrownBy(() -> roadmaps(app).entry(team.owner(), product, cards.key()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void badDatesHorizonsAndTeamsAreRefusedWithTheirFields(TestApp app) {
    Team team = team(app);
    WorkItem item = item(app, team, "feature", "Invoice export");

    assertThatThrownBy(() -> schedule(app, team, item, at("now", "2026-03-01", "2026-02-01")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("end_date")).contains("not be before start_date"));
    assertThatThrownBy(() -> schedule(app, team, item, at("soon", "2026-13-01", null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("horizon")).contains("now, next, later");
              assertThat(e.reasonFor("start_date")).contains("YYYY-MM-DD");
            });
    assertThatThrownBy(() -> schedule(app, team, item, at(null, "2026-01-01", null)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("end_date")).contains("needed"));
    assertThatThrownBy(
            () ->
                schedule(
                    app, team, item, new ScheduleInput("now", null, null, "", "nobody", false)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("team")).contains("not a team"));
    var second = io.hatrack.testing.Fixtures.product(app, team.owner(), team.workspace(), "OTH");
    WorkItem elsewhere =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), second.slug(), NewWorkItem.of("feature", "Elsewhere"));
    assertThatThrownBy(
            () ->
                roadmaps(app)
                    .schedule(
                        team.owner(),
                        team.product().slug(),
                        elsewhere.key(),
                        null,
                        at("now", null, null)))
        .isInstanceOf(NotFound.class);
    assertThat(
            roadmaps(app).roadmap(team.owner(), team.product().slug(), RoadmapFilter.NONE).total())
        .isZero();
  }

  @Test
  void movingAnItemBeforeAnItemItDependsOnEndsIsSavedWithAWarning(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    WorkItem payouts = item(app, team, "feature", "Next-day payouts");
    WorkItem notes = item(app, team, "feature", "Payout status notifications");
    app.collaboration()
        .links()
        .add(team.owner(), notes.key(), payouts.key(), LinkTypes.DEPENDS.id());
    schedule(app, team, payouts, at("next", "2026-03-01", "2026-04-15"));
    Scheduled fine = schedule(app, team, notes, at("later", "2026-04-16", "2026-05-31"));
    assertThat(fine.warnings()).isEmpty();

    Scheduled early =
        roadmaps(app)
            .reschedule(
                team.owner(),
                product,
                notes.key(),
                fine.entry().version(),
                "2026-04-01",
                "2026-05-15");

    assertThat(early.entry().start()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(early.warnings()).hasSize(1);
    assertThat(early.warnings().get(0).key()).isEqualTo(notes.key());
    assertThat(early.warnings().get(0).dependsOn()).isEqualTo(payouts.key());
    assertThat(early.warnings().get(0).message())
        .contains("starts on 2026-04-01")
        .contains("ends on 2026-04-15");
    assertThat(roadmaps(app).roadmap(team.owner(), product, RoadmapFilter.NONE).warned())
        .containsExactly(notes.key());

    // Seen from the prerequisite: pulling payouts earlier clears it, stretching it warns again.
    RoadmapEntry p = roadmaps(app).entry(team.owner(), product, payouts.key());
    assertThat(
            roadmaps(app)
                .reschedule(
                    team.owner(), product, payouts.key(), p.version(), "2026-02-01", "2026-03-31")
                .warnings())
        .isEmpty();
    p = roadmaps(app).entry(team.owner(), product, payouts.key());
    assertThat(
            roadmaps(app)
                .reschedule(
                    team.owner(), product, payouts.key(), p.version(), "2026-02-01", "2026-04-30")
                .warnings())
        .extracting(DependencyCheck.Warning::key)
        .containsExactly(notes.key());
    var timeline =
        roadmaps(app).timeline(team.owner(), product, RoadmapFilter.NONE, Scale.MONTH, Lane.TEAM);
    assertThat(timeline.timeline().boxes())
        .filteredOn(TimelineLayout.Box::warning)
        .extracting(TimelineLayout.Box::key)
        .containsExactly(notes.key());
  }

  @Test
  void anEntryWithoutAHorizonIsPlacedByItsStartDate(TestApp app) {
    Team team = team(app);
    LocalDate today = LocalDate.now(app.clock());
    WorkItem started = item(app, team, "feature", "Started");
    WorkItem soon = item(app, team, "feature", "Soon");
    WorkItem far = item(app, team, "feature", "Far");
    WorkItem undated = item(app, team, "feature", "Undated");
    schedule(
        app, team, started, at(null, today.minusDays(3).toString(), today.plusDays(9).toString()));
    schedule(
        app, team, soon, at(null, today.plusDays(30).toString(), today.plusDays(60).toString()));
    schedule(
        app, team, far, at(null, today.plusDays(200).toString(), today.plusDays(260).toString()));
    schedule(app, team, undated, at(null, null, null));

    RoadmapService.Roadmap r =
        roadmaps(app).roadmap(team.owner(), team.product().slug(), RoadmapFilter.NONE);

    assertThat(r.in(Horizon.NOW)).extracting(RoadmapEntry::key).containsExactly(started.key());
    assertThat(r.in(Horizon.NEXT)).extracting(RoadmapEntry::key).containsExactly(soon.key());
    assertThat(r.in(Horizon.LATER))
        .extracting(RoadmapEntry::key)
        .containsExactlyInAnyOrder(far.key(), undated.key());
    assertThat(r.entries()).noneMatch(RoadmapEntry::horizonSet);
  }

  @Test
  void filtersAndLanesByObjectiveAndTag(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    var items = app.app().definition().workItems();
    WorkItem objective =
        items.create(team.owner(), product, NewWorkItem.of("objective", "Grow payment volume"));
    WorkItem initiative =
        items.create(
            team.owner(),
            product,
            NewWorkItem.of("initiative", "Reduce drop-off").withParent(objective.key()));
    WorkItem feature =
        items.create(
            team.owner(),
            product,
            NewWorkItem.of("feature", "Saved cards").withParent(initiative.key()));
    WorkItem lone = item(app, team, "bug", "Lone bug");
    app.collaboration().tags().set(team.owner(), feature.key(), List.of("cards", "conversion"));
    schedule(
        app, team, feature, new ScheduleInput("now", "2026-01-01", "2026-02-01", "", null, true));
    schedule(app, team, lone, at("next", "2026-02-01", "2026-02-10"));
    schedule(app, team, initiative, at("later", null, null));

    var byObjective =
        roadmaps(app)
            .timeline(team.owner(), product, RoadmapFilter.NONE, Scale.QUARTER, Lane.OBJECTIVE);
    assertThat(byObjective.timeline().lanes())
        .extracting(TimelineLayout.Lane::label)
        .containsExactly("Grow payment volume", "No objective");
    assertThat(byObjective.undated()).isEqualTo(1);
    var byTag =
        roadmaps(app).timeline(team.owner(), product, RoadmapFilter.NONE, Scale.MONTH, Lane.TAG);
    assertThat(byTag.timeline().lanes())
        .extracting(TimelineLayout.Lane::label)
        .containsExactly("cards", "conversion", "No tag");

    assertThat(
            roadmaps(app)
                .roadmap(team.owner(), product, new RoadmapFilter("bug", null, null, null, false))
                .entries())
        .extracting(RoadmapEntry::key)
        .containsExactly(lone.key());
    assertThat(
            roadmaps(app)
                .roadmap(team.owner(), product, new RoadmapFilter(null, null, "CARDS", null, false))
                .entries())
        .extracting(RoadmapEntry::key)
        .containsExactly(feature.key());
    RoadmapService.Roadmap publicOnly =
        roadmaps(app)
            .roadmap(team.owner(), product, new RoadmapFilter(null, null, null, null, true));
    assertThat(publicOnly.entries()).extracting(RoadmapEntry::key).containsExactly(feature.key());
    assertThat(publicOnly.total()).isEqualTo(3);
    assertThatThrownBy(() -> new RoadmapFilter("epicish", null, null, null, false))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void snapshotsKeepEveryEntryAndTheDiffTellsWhatChanged(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    WorkItem stays = item(app, team, "feature", "Stays");
    WorkItem moves = item(app, team, "feature", "Moves");
    WorkItem goes = item(app, team, "feature", "Goes");
    WorkItem comes = item(app, team, "feature", "Comes");
    schedule(app, team, stays, new ScheduleInput("now", null, null, "2026 Q1", null, false));
    schedule(
        app,
        team,
        moves,
        new ScheduleInput("next", "2026-04-01", "2026-05-01", "2026 Q2", null, false));
    schedule(app, team, goes, at("later", null, null));

    SnapshotService.Info saved = snapshots(app).save(team.owner(), product, "  Quarterly review ");

    assertThat(saved.name()).isEqualTo("Quarterly review");
    assertThat(saved.entries()).isEqualTo(3);
    RoadmapEntry m = roadmaps(app).entry(team.owner(), product, moves.key());
    roadmaps(app)
        .schedule(
            team.owner(),
            product,
            moves.key(),
            m.version(),
            new ScheduleInput("now", "2026-03-01", "2026-04-01", "2026 Q1", null, false));
    roadmaps(app).remove(team.owner(), product, goes.key(), null);
    schedule(app, team, comes, at("later", null, null));

    SnapshotService.Diff diff = snapshots(app).diff(team.owner(), product, saved.id());

    SnapshotDiff.Result c = diff.changes();
    assertThat(c.added()).extracting(SnapshotEntry::key).containsExactly(comes.key());
    assertThat(c.removed()).extracting(SnapshotEntry::key).containsExactly(goes.key());
    assertThat(c.moved()).extracting(SnapshotDiff.Move::key).containsExactly(moves.key());
    assertThat(c.moved().get(0).before().place()).isEqualTo("next, 2026-04-01 to 2026-05-01");
    assertThat(c.moved().get(0).after().place()).isEqualTo("now, 2026-03-01 to 2026-04-01");
    assertThat(c.releaseChanged()).extracting(SnapshotDiff.Move::key).containsExactly(moves.key());
    assertThat(c.unchanged()).isEqualTo(1);
    assertThat(snapshots(app).list(team.owner(), product))
        .extracting(SnapshotService.Info::name)
        .containsExactly("Quarterly review");
    assertThat(snapshots(app).get(team.owner(), product, saved.id()).entries())
        .extracting(SnapshotEntry::key)
        .containsExactlyInAnyOrder(stays.key(), moves.key(), goes.key());
    Team other = team(app);
    assertThatThrownBy(() -> snapshots(app).get(other.owner(), other.product().slug(), saved.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> snapshots(app).save(team.owner(), product, " "))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("name")).isNotNull());
  }

  @Test
  void thePublicRoadmapShowsOnlyPublicEntriesAndOnlyWhileThePortalIsOn(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    WorkItem shown = item(app, team, "feature", "Shown to customers");
    WorkItem hidden = item(app, team, "feature", "Internal only");
    schedule(app, team, shown, new ScheduleInput("next", null, null, "2026 Q2", null, true));
    schedule(app, team, hidden, at("now", null, null));

    assertThatThrownBy(() -> roadmaps(app).publicRoadmap(product)).isInstanceOf(NotFound.class);
    app.app()
        .discovery()
        .portal()
        .moderation()
        .saveSettings(team.owner(), product, 1, true, false, "");

    RoadmapService.PublicRoadmap p = roadmaps(app).publicRoadmap(product);

    assertThat(p.product().name()).isEqualTo(team.product().name());
    assertThat(p.entries()).extracting(RoadmapEntry::key).containsExactly(shown.key());
    assertThat(p.in(Horizon.NEXT)).hasSize(1);
    assertThat(p.in(Horizon.NOW)).isEmpty();
  }

  @Test
  void viewersReadTheRoadmapButMayNotChangeIt(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    WorkItem item = item(app, team, "feature", "Anything");
    schedule(app, team, item, at("now", null, null));

    assertThat(roadmaps(app).roadmap(viewer, team.product().slug(), RoadmapFilter.NONE).canEdit())
        .isFalse();
    assertThatThrownBy(
            () -> roadmaps(app).move(viewer, team.product().slug(), item.key(), null, "later"))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> snapshots(app).save(viewer, team.product().slug(), "Mine"))
        .isInstanceOf(Forbidden.class);
    User stranger = team(app).owner();
    assertThatThrownBy(
            () -> roadmaps(app).roadmap(stranger, team.product().slug(), RoadmapFilter.NONE))
        .isInstanceOf(NotFound.class);
  }
}
