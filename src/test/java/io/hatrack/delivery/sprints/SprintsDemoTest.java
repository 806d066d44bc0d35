package io.hatrack.delivery.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoClock;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's sprints: Payments and Checkout web each with six closed sprints whose velocity varies,
 * and one active sprint with work done and scope changed, so the charts have real shapes.
 */
@OnEveryDatabase
class SprintsDemoTest {

  @Test
  void twoTeamsHaveSixClosedSprintsWithVaryingVelocityAndOneActive(@Fresh TestApp app) {
    // Seeded as `hatrack demo` does, with a demo clock that walks through the past weeks.
    try (App seeding =
        new App(
            new AppConfig(
                app.testDatabase().dataDir(),
                app.testDatabase().url(),
                "127.0.0.1",
                0,
                null,
                2,
                TestApp.HASHER,
                new DemoClock(app.clock().instant())))) {
      assertThat(seeding.seedDemoIfEmpty()).isTrue();
    }
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    SprintService sprints = app.app().delivery().sprints().service();
    SprintReports reports = app.app().delivery().sprints().reports();

    for (String team : List.of("payments", "checkout-web")) {
      List<Sprint> all = sprints.list(ana, "northwind", team).sprints();
      Velocity.Result velocity =
          reports.velocity(ana, "northwind", team, null, null, null).velocity();
      Sprint active = all.stream().filter(Sprint::active).findFirst().orElseThrow();
      SprintReports.Board board =
          reports.board(ana, "northwind", team, Integer.toString(active.number()));

      assertThat(all.stream().filter(Sprint::closed)).as(team).hasSize(6);
      assertThat(all.stream().filter(Sprint::active)).as(team).hasSize(1);
      assertThat(velocity.sprints()).as(team).hasSize(6);
      assertThat(
              velocity.sprints().stream()
                  .map(Velocity.Point::completed)
                  .collect(Collectors.toSet()))
          .as(team + " velocity varies")
          .hasSizeGreaterThan(2);
      assertThat(velocity.average()).as(team).isGreaterThan(3);
      assertThat(board.view().items()).as(team).isNotEmpty();
      assertThat(board.view().donePoints()).as(team + " work done this sprint").isPositive();
      assertThat(board.view().changes()).as(team + " scope added midway").isNotEmpty();
      assertThat(board.burndown().remaining().get(0)).as(team).isNotNull();
      assertThat(all.stream().filter(s -> s.record() != null && s.record().carried() > 0))
          .as(team + " carried work over")
          .isNotEmpty();
    }
    // Items became done on the days of their sprints, not all on the day the demo ran.
    Sprint first = sprints.get(ana, "northwind", "payments", "1").sprint();
    SprintReports.Board firstBoard = reports.board(ana, "northwind", "payments", "1");
    assertThat(firstBoard.view().items().stream().filter(i -> "done".equals(i.outcome())))
        .allSatisfy(
            i ->
                assertThat(
                        i.doneAt()
                            .isBefore(
                                first
                                    .end()
                                    .plusDays(1)
                                    .atStartOfDay()
                                    .toInstant(java.time.ZoneOffset.UTC)))
                    .isTrue());
    assertThat(app.count("sprint_scope_change")).isPositive();
    assertThat(app.count("work_item_done_event")).isPositive();
    assertThat(app.count("sprint_commitment")).isPositive();
  }
}
