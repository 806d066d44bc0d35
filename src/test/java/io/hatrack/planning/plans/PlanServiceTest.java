package io.hatrack.planning.plans;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plans on a product whose only team (Payments, one person full time) has 64 person-days in 2027 Q1
 * and 65 in Q2: A (value 10, 40 days) and B (8, 40) fit one per quarter, C (1, 60) does not fit
 * next to them, D has no score and E no effort.
 */
@OnEveryDatabase
class PlanServiceTest {
  private static final List<String> H1 = List.of("2027-Q1", "2027-Q2");

  private record Setup(Team team, WorkItem a, WorkItem b, WorkItem c, WorkItem d, WorkItem e) {
    String product() {
      return team.product().slug();
    }
  }

  private static PlanService plans(TestApp app) {
    return app.app().planning().releasePlanning().plans();
  }

  private static Setup setup(TestApp app) {
    Team t = team(app);
    long rice = PlanFixtures.model(app.app(), t.product(), "RICE", "rice");
    PlanFixtures.team(
        app.app(), t.owner(), t.workspace().slug(), "Payments", Map.of(t.owner().handle(), 100));
    var owner = t.owner();
    var p = t.product();
    return new Setup(
        t,
        PlanFixtures.feature(app.app(), owner, p, rice, "A", 10.0, Map.of("payments", 40.0)),
        PlanFixtures.feature(app.app(), owner, p, rice, "B", 8.0, Map.of("payments", 40.0)),
        PlanFixtures.feature(app.app(), owner, p, rice, "C", 1.0, Map.of("payments", 60.0)),
        PlanFixtures.feature(app.app(), owner, p, rice, "D", null, Map.of("payments", 1.0)),
        PlanFixtures.feature(app.app(), owner, p, rice, "E", 5.0, Map.of()));
  }

  private static PlanItemRow row(PlanService.Detail d, WorkItem w) {
    return d.items().stream().filter(i -> i.itemId() == w.id()).findFirst().orElseThrow();
  }

  @Test
  void aPlanIsSolvedAndStoredWithItsValueBoundGreedyAndReasons(TestApp app) {
    Setup s = setup(app);

    PlanService.Detail d =
        plans(app).create(s.team().owner(), s.product(), PlanRequest.of("H1", H1));

    assertThat(d.plan().status()).isEqualTo("optimal");
    assertThat(d.plan().objective()).isEqualTo(1800);
    assertThat(d.plan().bound()).isEqualTo(1800);
    assertThat(d.plan().gap()).isZero();
    assertThat(d.plan().greedyValue()).isLessThanOrEqualTo(1800);
    assertThat(d.plan().modelName()).isEqualTo("RICE");
    assertThat(row(d, s.a()).period()).isNotNull();
    assertThat(row(d, s.b()).period()).isNotNull().isNotEqualTo(row(d, s.a()).period());
    assertThat(row(d, s.c()).reason()).contains("Payments");
    assertThat(row(d, s.d()).reason()).isEqualTo("Not scored with RICE.");
    assertThat(row(d, s.e()).reason()).isEqualTo("No effort estimated for any team.");
    assertThat(d.capacity("2027-Q1", d.teams().get(0).id())).isEqualTo(64.0);
    assertThat(d.load(row(d, s.a()).period(), d.teams().get(0).id())).isEqualTo(40.0);
    assertThat(plans(app).get(s.team().owner(), s.product(), d.plan().id())).isEqualTo(d);
    assertThat(plans(app).list(s.team().owner(), s.product()).plans()).hasSize(1);
  }

  @Test
  void anItemWhoseDependencyIsExcludedIsLeftOutNamingIt(TestApp app) {
    Setup s = setup(app);
    app.collaboration().links().add(s.team().owner(), s.a().key(), s.b().key(), "depends-on");

    PlanService.Detail d =
        plans(app)
            .create(
                s.team().owner(),
                s.product(),
                PlanRequest.of(null, H1).withConstraints(Map.of(), Map.of(), List.of(s.b().key())));

    assertThat(row(d, s.a()).planned()).isFalse();
    assertThat(row(d, s.a()).reason()).contains(s.b().key());
    assertThat(row(d, s.b()).reason()).contains("Excluded");
    assertThat(d.plan().name()).isEqualTo("Plan 2027 Q1 – 2027 Q2");
  }

  @Test
  void aScenarioWithMoreCapacityPlansMoreAndIsShownNextToItsBase(TestApp app) {
    Setup s = setup(app);
    var owner = s.team().owner();
    PlanService.Detail base = plans(app).create(owner, s.product(), PlanRequest.of("Base", H1));

    plans(app)
        .scenario(
            owner,
            s.product(),
            base.plan().id(),
            new ScenarioChanges(
                "More",
                List.of(new ScenarioChanges.CapacityChange("payments", "2027-Q1", 60.0)),
                List.of(),
                Map.of()));
    PlanService.Detail again = plans(app).get(owner, s.product(), base.plan().id());

    assertThat(again.scenarios())
        .singleElement()
        .satisfies(
            sc -> {
              assertThat(sc.plan().objective()).isEqualTo(1900);
              assertThat(sc.plan().parentId()).isEqualTo(base.plan().id());
              assertThat(sc.in()).containsExactly(s.c().key());
              assertThat(sc.out()).isEmpty();
            });
    assertThatThrownBy(
            () -> plans(app).scenario(owner, s.product(), base.plan().id(), ScenarioChanges.none()))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void acceptingPutsThePlannedItemsOnTheRoadmapAndTakesLeftOutOnesOff(TestApp app) {
    Setup s = setup(app);
    var owner = s.team().owner();
    PlanService.Detail base = plans(app).create(owner, s.product(), PlanRequest.of("Base", H1));
    PlanService.Detail dropA =
        plans(app)
            .scenario(
                owner,
                s.product(),
                base.plan().id(),
                new ScenarioChanges("No A", List.of(), List.of(s.a().key()), Map.of()));

    plans(app).accept(owner, s.product(), base.plan().id());
    Map<String, Object> a = schedule(app, s.a().id());
    PlanService.Detail accepted = plans(app).accept(owner, s.product(), dropA.plan().id());

    String period = row(base, s.a()).period();
    assertThat(a.get("release_name")).isEqualTo(period.equals("2027-Q1") ? "2027 Q1" : "2027 Q2");
    assertThat(a.get("horizon")).isEqualTo(period.equals("2027-Q1") ? "now" : "next");
    assertThat(a.get("start_date"))
        .isEqualTo(period.equals("2027-Q1") ? "2027-01-01" : "2027-04-01");
    assertThat(((Number) a.get("team_id")).longValue()).isEqualTo(base.teams().get(0).id());
    assertThat(((Number) a.get("plan_id")).longValue()).isEqualTo(base.plan().id());
    assertThat(accepted.plan().accepted()).isTrue();
    assertThat(plans(app).get(owner, s.product(), base.plan().id()).plan().accepted()).isFalse();
    assertThat(count(app, "SELECT COUNT(*) FROM item_schedule WHERE item_id = " + s.a().id()))
        .isZero();
    assertThat(schedule(app, s.b().id()).get("plan_id")).isNotNull();
    assertThat(plans(app).releases(owner, s.product())).containsKey(s.b().id());
  }

  @Test
  void infeasibleOrBadInputSaysWhyAndLeavesNothingBehind(TestApp app) {
    Setup s = setup(app);
    var owner = s.team().owner();
    long before = count(app, "SELECT COUNT(*) FROM release_plan");

    assertThatThrownBy(
            () ->
                plans(app)
                    .create(
                        owner,
                        s.product(),
                        PlanRequest.of(null, H1)
                            .withConstraints(
                                Map.of(),
                                Map.of(s.a().key(), "2027-Q1", s.c().key(), "2027-Q1"),
                                List.of())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.errors()).extracting(f -> f.field()).contains("constraints");
              assertThat(e.getMessage()).contains("Payments");
            });
    assertThatThrownBy(
            () -> plans(app).create(owner, s.product(), PlanRequest.of(null, List.of("2027-Q9"))))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("2027-Q9");
    assertThatThrownBy(
            () ->
                plans(app)
                    .create(
                        owner, s.product(), PlanRequest.of(null, List.of("2027-Q2", "2027-Q1"))))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () -> plans(app).create(owner, s.product(), PlanRequest.of(null, H1).withModel("WSJF")))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("WSJF");
    assertThatThrownBy(
            () ->
                plans(app)
                    .create(
                        owner,
                        s.product(),
                        PlanRequest.of(null, H1)
                            .withConstraints(Map.of(), Map.of(s.d().key(), "2027-Q1"), List.of())))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("Not scored");
    assertThatThrownBy(() -> plans(app).get(owner, s.product(), 987_654_321L))
        .isInstanceOf(NotFound.class);
    assertThat(count(app, "SELECT COUNT(*) FROM release_plan")).isEqualTo(before);
  }

  @Test
  void theMoscowRuleNeedsAMoscowModel(TestApp app) {
    Setup s = setup(app);
    var owner = s.team().owner();

    assertThatThrownBy(
            () ->
                plans(app)
                    .create(
                        owner, s.product(), PlanRequest.of(null, H1).withOptions(true, null, 5)))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("MoSCoW");

    long moscow = PlanFixtures.model(app.app(), s.team().product(), "MoSCoW", "moscow");
    PlanFixtures.moscow(app.app(), s.a().id(), moscow, "must");
    PlanService.Detail d =
        plans(app).create(owner, s.product(), PlanRequest.of(null, H1).withOptions(true, null, 5));

    assertThat(d.plan().status()).isEqualTo("optimal");
    assertThat(d.plan().request().request().moscowRule()).isTrue();
  }

  private static long count(TestApp app, String sql) {
    return app.database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static Map<String, Object> schedule(TestApp app, long item) {
    return app.database()
        .read(
            h ->
                h.createQuery(
                        "SELECT horizon, start_date, end_date, release_name, team_id, plan_id"
                            + " FROM item_schedule WHERE item_id = :item")
                    .bind("item", item)
                    .mapToMap()
                    .one());
  }
}
