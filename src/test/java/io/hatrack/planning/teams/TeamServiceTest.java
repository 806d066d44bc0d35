package io.hatrack.planning.teams;

import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class TeamServiceTest {

  private static TeamService teams(TestApp app) {
    return app.app().planning().releasePlanning().teams();
  }

  @Test
  void aTeamIsCreatedWithDefaultsChangedWithItsVersionAndDeleted(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();

    io.hatrack.planning.teams.Team made =
        teams(app).create(t.owner(), ws, TeamDraft.named(" Checkout web "));
    io.hatrack.planning.teams.Team changed =
        teams(app)
            .update(
                t.owner(),
                ws,
                made.slug(),
                made.version(),
                new TeamDraft(null, null, "The web page", "points", 3, "2027-01-04", 2.0));

    assertThat(made.slug()).isEqualTo("checkout-web");
    assertThat(made.unit()).isEqualTo("days");
    assertThat(made.sprintWeeks()).isEqualTo(2);
    assertThat(changed.name()).isEqualTo("Checkout web");
    assertThat(changed.points()).isTrue();
    assertThat(changed.pointsPerDay()).isEqualTo(2.0);
    assertThat(changed.version()).isEqualTo(made.version() + 1);
    assertThatThrownBy(
            () ->
                teams(app)
                    .update(t.owner(), ws, made.slug(), made.version(), TeamDraft.named("Stale")))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> teams(app).create(t.owner(), ws, TeamDraft.named("Checkout web")))
        .isInstanceOf(Conflict.class);
    assertThat(teams(app).list(t.owner(), ws).teams())
        .extracting(x -> x.slug())
        .containsExactly("checkout-web");

    teams(app).delete(t.owner(), ws, "checkout-web", changed.version());

    assertThat(teams(app).list(t.owner(), ws).teams()).isEmpty();
    assertThatThrownBy(() -> teams(app).get(t.owner(), ws, "checkout-web"))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void badInputNamesItsField(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();

    assertThatThrownBy(
            () ->
                teams(app)
                    .create(
                        t.owner(),
                        ws,
                        new TeamDraft("X", "Bad slug!", null, "hours", 9, "soon", -1.0)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .contains("slug", "effort_unit", "sprint_start"));
    assertThatThrownBy(() -> teams(app).create(t.owner(), ws, TeamDraft.named("  ")))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void viewersReadTeamsButOnlyEditorsChangeThemAndStrangersSeeNothing(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();
    User viewer = t.member(app, Role.VIEWER, "vic");
    teams(app).create(t.owner(), ws, TeamDraft.named("Payments"));

    assertThat(teams(app).list(viewer, ws).teams()).hasSize(1);
    assertThatThrownBy(() -> teams(app).create(viewer, ws, TeamDraft.named("Mine")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> teams(app).list(user(app, "eve"), ws)).isInstanceOf(NotFound.class);
  }

  @Test
  void membersAreWorkspaceMembersWithAnAllocationAndTheirDaysOffLowerTheCapacity(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();
    User ben = t.member(app, Role.EDITOR, "ben");
    User stranger = user(app, "stranger");
    teams(app).create(t.owner(), ws, TeamDraft.named("Payments"));

    teams(app).putMember(t.owner(), ws, "payments", t.owner().handle(), 100);
    teams(app).putMember(t.owner(), ws, "payments", Long.toString(ben.id()), 50);
    teams(app).addDayOff(t.owner(), ws, "payments", null, "2027-01-01", null, "New year");
    teams(app)
        .addDayOff(t.owner(), ws, "payments", ben.handle(), "2027-03-01", "2027-03-05", "Ski");
    TeamService.CapacityTable q1 =
        teams(app).capacity(t.owner(), ws, "payments", "2027-01-01", "2027-03-31", "quarter");
    TeamService.CapacityTable months =
        teams(app).capacity(t.owner(), ws, "payments", "2027-01-01", "2027-03-31", "month");

    assertThat(teams(app).get(t.owner(), ws, "payments").members())
        .extracting(m -> m.allocation())
        .containsExactlyInAnyOrder(100, 50);
    // 63 working days after the holiday: 63 × 1 + (63 − 5) × 0.5.
    assertThat(q1.rows()).singleElement().satisfies(r -> assertThat(r.capacity()).isEqualTo(92.0));
    assertThat(months.rows())
        .extracting(r -> r.period().id())
        .containsExactly("2027-01", "2027-02", "2027-03");
    assertThatThrownBy(
            () -> teams(app).putMember(t.owner(), ws, "payments", stranger.handle(), 100))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("not a member");
    assertThatThrownBy(() -> teams(app).putMember(t.owner(), ws, "payments", ben.handle(), 0))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () ->
                teams(app)
                    .addDayOff(t.owner(), ws, "payments", null, "2027-03-05", "2027-03-01", ""))
        .isInstanceOf(Invalid.class);

    teams(app).removeMember(t.owner(), ws, "payments", ben.id());

    assertThat(teams(app).get(t.owner(), ws, "payments").members()).hasSize(1);
  }

  @Test
  void anItemHasAnEffortPerTeamThatMustBePositive(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();
    teams(app).create(t.owner(), ws, TeamDraft.named("Payments"));
    teams(app).create(t.owner(), ws, TeamDraft.named("Mobile").inPoints(1.5));
    var item =
        app.app()
            .definition()
            .workItems()
            .create(t.owner(), t.product().slug(), NewWorkItem.of("feature", "Saved cards"));

    teams(app).setEfforts(t.owner(), item.key(), Map.of("payments", 10.0, "mobile", 5.0));
    Map<String, Double> removeMobile = new HashMap<>();
    removeMobile.put("payments", 12.5);
    removeMobile.put("mobile", null);
    TeamService.Efforts after = teams(app).setEfforts(t.owner(), item.key(), removeMobile);

    assertThat(after.efforts())
        .singleElement()
        .satisfies(e -> assertThat(e.effort()).isEqualTo(12.5));
    assertThat(teams(app).efforts(t.owner(), item.key()).teams()).hasSize(2);
    assertThatThrownBy(() -> teams(app).setEfforts(t.owner(), item.key(), Map.of("payments", 0.0)))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("greater than 0");
    assertThatThrownBy(() -> teams(app).setEfforts(t.owner(), item.key(), Map.of("nope", 1.0)))
        .isInstanceOf(Invalid.class);
    assertThat(teams(app).efforts(t.owner(), item.key()).efforts()).hasSize(1);
  }
}
