package io.hatrack.delivery.sprints;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class SprintServiceTest {

  private static SprintService sprints(TestApp app) {
    return app.app().delivery().sprints().service();
  }

  private static SprintReports reports(TestApp app) {
    return app.app().delivery().sprints().reports();
  }

  private static LocalDate today(TestApp app) {
    return LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC);
  }

  /** A workspace with a team "web" of one full-time member, two-week sprints from today. */
  private static Team web(TestApp app) {
    Team t = team(app);
    var teams = app.app().planning().releasePlanning().teams();
    teams.create(
        t.owner(),
        t.workspace().slug(),
        new TeamDraft("Web", "web", null, "days", 2, today(app).toString(), null));
    teams.putMember(t.owner(), t.workspace().slug(), "web", t.owner().handle(), 100);
    return t;
  }

  private static WorkItem story(TestApp app, Team t, String title, Double estimate) {
    NewWorkItem in =
        new NewWorkItem(
            "story", title, null, null, null, estimate, null, null, null, null, null, null,
            List.of());
    return app.app().definition().workItems().create(t.owner(), t.product().slug(), in);
  }

  private static WorkItem finish(TestApp app, Team t, WorkItem w) {
    return Finishing.finish(app.app().definition().workItems(), t.owner(), w.key());
  }

  private static SprintDraft dates(LocalDate start, LocalDate end) {
    return new SprintDraft(null, null, start.toString(), end.toString());
  }

  @Test
  void aNewSprintTakesTheNextSlotOfTheCadenceAndTheTeamsCapacity(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();

    Sprint first = sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    Sprint second = sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());

    assertThat(first.number()).isEqualTo(1);
    assertThat(first.name()).isEqualTo("Sprint 1");
    assertThat(first.start()).isEqualTo(today(app));
    assertThat(first.end()).isEqualTo(today(app).plusDays(13));
    assertThat(first.status()).isEqualTo(SprintStatus.PLANNED);
    // One full-time member over two weeks: ten working days.
    assertThat(first.capacity()).isEqualTo(10.0);
    assertThat(second.start()).isEqualTo(first.end().plusDays(1));
    assertThat(sprints(app).list(t.owner(), ws, "web").sprints())
        .extracting(Sprint::number)
        .containsExactly(2, 1);
  }

  @Test
  void badDatesAndOverlapsAreRefusedWithTheirFieldAndNothingIsWritten(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    LocalDate d = today(app);
    sprints(app).create(t.owner(), ws, "web", dates(d, d.plusDays(13)));

    assertThatThrownBy(
            () -> sprints(app).create(t.owner(), ws, "web", dates(d.plusDays(30), d.plusDays(20))))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("end")).contains("before the start"));
    assertThatThrownBy(
            () -> sprints(app).create(t.owner(), ws, "web", dates(d.plusDays(10), d.plusDays(20))))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("start")).contains("overlaps Sprint 1"));
    assertThatThrownBy(
            () ->
                sprints(app)
                    .create(t.owner(), ws, "web", new SprintDraft(null, null, "next week", null)))
        .isInstanceOf(Invalid.class);
    assertThat(sprints(app).list(t.owner(), ws, "web").sprints()).hasSize(1);
  }

  @Test
  void itemsGoInOnceAndIntoOneOpenSprintOnlyAndLoadIsComparedWithCapacity(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    WorkItem big = story(app, t, "Saved cards", 8.0);
    WorkItem more = story(app, t, "Wallets", 5.0);

    sprints(app).addItem(t.owner(), ws, "web", "1", big.key());
    SprintService.View v = sprints(app).addItem(t.owner(), ws, "web", "1", more.key());

    assertThat(v.load()).isEqualTo(13.0);
    assertThat(v.overCapacity()).isTrue();
    assertThatThrownBy(() -> sprints(app).addItem(t.owner(), ws, "web", "1", big.key()))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("already in Sprint 1");
    assertThatThrownBy(() -> sprints(app).addItem(t.owner(), ws, "web", "2", big.key()))
        .isInstanceOf(Invalid.class)
        .satisfies(
            e ->
                assertThat(((Invalid) e).reasonFor("item")).contains("already in Sprint 1 of Web"));
    assertThatThrownBy(() -> sprints(app).addItem(t.owner(), ws, "web", "1", "NOPE-1"))
        .isInstanceOf(Invalid.class);
    assertThat(reports(app).backlog(t.owner(), t.product().slug(), 50).items()).isEmpty();

    v = sprints(app).removeItem(t.owner(), ws, "web", "1", more.key());

    assertThat(v.items()).extracting(SprintItem::key).containsExactly(big.key());
    assertThat(v.overCapacity()).isFalse();
    assertThat(v.changes()).isEmpty();
    assertThat(reports(app).backlog(t.owner(), t.product().slug(), 50).items())
        .extracting(BacklogItem::key)
        .containsExactly(more.key());
  }

  @Test
  void startingFreezesTheCommitmentAndLaterChangesAreScopeChanges(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    WorkItem a = story(app, t, "A", 3.0);
    WorkItem b = story(app, t, "B", 2.0);
    WorkItem c = story(app, t, "C", 1.0);
    sprints(app).addItem(t.owner(), ws, "web", "1", a.key());
    sprints(app).addItem(t.owner(), ws, "web", "1", b.key());

    sprints(app).start(t.owner(), ws, "web", "1");
    // Re-estimating after the start does not move the commitment.
    app.app()
        .definition()
        .workItems()
        .update(t.owner(), a.key(), a.version(), WorkItemChanges.none().withEstimate(13.0));
    sprints(app).addItem(t.owner(), ws, "web", "1", c.key());
    SprintService.View v = sprints(app).removeItem(t.owner(), ws, "web", "1", b.key());

    assertThat(v.sprint().status()).isEqualTo(SprintStatus.ACTIVE);
    assertThat(v.items()).extracting(SprintItem::key).containsExactly(a.key(), c.key());
    assertThat(v.items().get(0).points()).isEqualTo(3.0);
    assertThat(v.items().get(0).committed()).isTrue();
    assertThat(v.items().get(1).committed()).isFalse();
    assertThat(v.changes())
        .extracting(ScopeChange::key, ScopeChange::change, ScopeChange::points, ScopeChange::by)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(c.key(), "added", 1.0, t.owner().name()),
            org.assertj.core.groups.Tuple.tuple(b.key(), "removed", 2.0, t.owner().name()));
  }

  @Test
  void aSecondActiveSprintAndClosingAPlannedOneAreRefused(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());

    assertThatThrownBy(
            () ->
                sprints(app).close(t.owner(), ws, "web", "1", SprintService.Unfinished.NEXT_SPRINT))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("start it first");
    sprints(app).start(t.owner(), ws, "web", "1");
    assertThatThrownBy(() -> sprints(app).start(t.owner(), ws, "web", "2"))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("status")).contains("still active"));
    assertThatThrownBy(() -> sprints(app).start(t.owner(), ws, "web", "1"))
        .isInstanceOf(Invalid.class);
    var one = sprints(app).get(t.owner(), ws, "web", "1").sprint();
    assertThatThrownBy(() -> sprints(app).delete(t.owner(), ws, "web", "1", one.version()))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("only a planned sprint");
    assertThat(sprints(app).get(t.owner(), ws, "web", "2").sprint().planned()).isTrue();
  }

  @Test
  void closingCarriesUnfinishedItemsToANewNextSprintAndKeepsTheRecord(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    WorkItem a = story(app, t, "A", 3.0);
    WorkItem b = story(app, t, "B", 2.0);
    WorkItem c = story(app, t, "C", 5.0);
    for (WorkItem w : List.of(a, b)) {
      sprints(app).addItem(t.owner(), ws, "web", "1", w.key());
    }
    sprints(app).start(t.owner(), ws, "web", "1");
    sprints(app).addItem(t.owner(), ws, "web", "1", c.key());
    finish(app, t, a);
    finish(app, t, c);

    SprintService.Closing closing =
        sprints(app).close(t.owner(), ws, "web", "1", SprintService.Unfinished.NEXT_SPRINT);

    Sprint closed = closing.closed().sprint();
    assertThat(closed.status()).isEqualTo(SprintStatus.CLOSED);
    assertThat(closed.record()).isEqualTo(new Sprint.Record(5, 8, 5, 0, 2));
    assertThat(closing.closed().items())
        .extracting(SprintItem::key, SprintItem::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a.key(), "done"),
            org.assertj.core.groups.Tuple.tuple(b.key(), "carried"),
            org.assertj.core.groups.Tuple.tuple(c.key(), "done"));
    assertThat(closing.next().number()).isEqualTo(2);
    assertThat(closing.next().start()).isEqualTo(closed.end().plusDays(1));
    assertThat(sprints(app).get(t.owner(), ws, "web", "2").items())
        .extracting(SprintItem::key)
        .containsExactly(b.key());
    assertThat(reports(app).velocity(t.owner(), ws, "web", null, null, null).velocity().sprints())
        .extracting(Velocity.Point::completed)
        .containsExactly(8.0);
  }

  @Test
  void closingCanReturnUnfinishedItemsToTheBacklog(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    WorkItem a = story(app, t, "A", 3.0);
    sprints(app).addItem(t.owner(), ws, "web", "1", a.key());
    sprints(app).start(t.owner(), ws, "web", "1");

    SprintService.Closing closing =
        sprints(app).close(t.owner(), ws, "web", "1", SprintService.Unfinished.BACKLOG);

    assertThat(closing.next()).isNull();
    assertThat(closing.closed().sprint().record().carried()).isEqualTo(3.0);
    assertThat(closing.closed().items().get(0).outcome()).isEqualTo("returned");
    assertThat(sprints(app).list(t.owner(), ws, "web").sprints()).hasSize(1);
    assertThat(reports(app).backlog(t.owner(), t.product().slug(), 50).items())
        .extracting(BacklogItem::key)
        .containsExactly(a.key());
  }

  @Test
  void theBurndownCountsItemsOnTheDayTheyBecameDone(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    LocalDate start = today(app);
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    WorkItem a = story(app, t, "A", 3.0);
    WorkItem b = story(app, t, "B", 2.0);
    sprints(app).addItem(t.owner(), ws, "web", "1", a.key());
    sprints(app).addItem(t.owner(), ws, "web", "1", b.key());
    sprints(app).start(t.owner(), ws, "web", "1");
    app.clock().advance(Duration.ofDays(1));
    finish(app, t, a);
    app.clock().advance(Duration.ofDays(2));
    finish(app, t, b);

    Burndown.Result r = reports(app).board(t.owner(), ws, "web", "1").burndown();

    assertThat(r.days().get(0)).isEqualTo(start);
    assertThat(r.committed()).isEqualTo(5.0);
    assertThat(r.remaining().subList(0, 4)).containsExactly(5.0, 2.0, 2.0, 0.0);
    assertThat(r.remaining().get(4)).isNull();
    assertThat(r.completed().get(3)).isEqualTo(5.0);
  }

  @Test
  void theVelocityForecastsTheRemainingPointsOfAnEpic(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    WorkItem epic =
        app.app()
            .definition()
            .workItems()
            .create(t.owner(), t.product().slug(), NewWorkItem.of("epic", "Saved cards"));
    for (double points : new double[] {4, 6}) {
      Sprint s = sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
      WorkItem w = story(app, t, "Done " + points, points);
      sprints(app).addItem(t.owner(), ws, "web", Integer.toString(s.number()), w.key());
      sprints(app).start(t.owner(), ws, "web", Integer.toString(s.number()));
      finish(app, t, w);
      sprints(app)
          .close(
              t.owner(), ws, "web", Integer.toString(s.number()), SprintService.Unfinished.BACKLOG);
    }
    for (double points : new double[] {5, 5, 2}) {
      app.app()
          .definition()
          .workItems()
          .create(
              t.owner(),
              t.product().slug(),
              new NewWorkItem(
                  "feature",
                  "Part " + points,
                  null,
                  epic.key(),
                  null,
                  points,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  List.of()));
    }

    SprintReports.VelocityView v =
        reports(app).velocity(t.owner(), ws, "web", null, null, epic.key());

    assertThat(v.velocity().average()).isEqualTo(5.0);
    // P20 of 4, 6 = 4.4 and P80 = 5.6: 12 points need ceil(12 / 5.6) = 3 to ceil(12 / 4.4) = 3.
    assertThat(v.forecast().remaining()).isEqualTo(12.0);
    assertThat(v.forecast().fewest()).isEqualTo(3);
    assertThat(v.forecast().most()).isEqualTo(3);
    assertThat(SprintCharts.forecastSummary(v)).contains(epic.key()).contains("3 sprints");
    assertThatThrownBy(() -> reports(app).velocity(t.owner(), ws, "web", null, "lots", null))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void viewersReadSprintsButCannotChangeThemAndStaleVersionsConflict(TestApp app) {
    Team t = web(app);
    String ws = t.workspace().slug();
    User viewer = t.member(app, Role.VIEWER, "vic");
    Sprint s = sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());

    assertThat(sprints(app).list(viewer, ws, "web").sprints()).hasSize(1);
    assertThatThrownBy(() -> sprints(app).create(viewer, ws, "web", SprintDraft.defaults()))
        .isInstanceOf(Forbidden.class);
    Sprint changed =
        sprints(app)
            .update(
                t.owner(), ws, "web", "1", s.version(), new SprintDraft(null, "Ship", null, null));
    assertThat(changed.goal()).isEqualTo("Ship");
    assertThatThrownBy(
            () ->
                sprints(app)
                    .update(
                        t.owner(),
                        ws,
                        "web",
                        "1",
                        s.version(),
                        new SprintDraft("X", null, null, null)))
        .isInstanceOf(Conflict.class);
    sprints(app).delete(t.owner(), ws, "web", "1", changed.version());
    assertThat(sprints(app).list(t.owner(), ws, "web").sprints()).isEmpty();
  }

  @Test
  void twoSprintsStartedAtOnceLeaveOneActive(TestApp app) throws InterruptedException {
    Team t = web(app);
    String ws = t.workspace().slug();
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());
    sprints(app).create(t.owner(), ws, "web", SprintDraft.defaults());

    int started =
        io.hatrack.testing.Race.successes(
            () -> sprints(app).start(t.owner(), ws, "web", "1"),
            () -> sprints(app).start(t.owner(), ws, "web", "2"));

    assertThat(started).isEqualTo(1);
    assertThat(sprints(app).list(t.owner(), ws, "web").sprints().stream().filter(Sprint::active))
        .hasSize(1);
  }
}
