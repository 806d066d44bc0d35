package io.hatrack.planning.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoClock;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's teams and efforts, and its plan once the backlog is scored (the scoring part's demo
 * scores it; here a test model stands in, with values that do not matter).
 */
@OnEveryDatabase
class ReleasePlanDemoTest {

  @Test
  void theDemoHasTeamsAndEffortsAndWithScoresAnAcceptedPlanWithAWhatIf(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    var planning = app.app().planning().releasePlanning();
    var teams = planning.teams().list(ana, "northwind").teams();
    Map<String, User> people = new LinkedHashMap<>();
    for (String handle : List.of("ana", "ben", "chloe", "dev", "eva", "femi")) {
      people.put(handle, app.accounts().byEmail(handle + "@northwind.example").orElseThrow());
    }
    var checkout = app.products().access(ana, "checkout").product();
    DemoStory story =
        new DemoStory(
            app.workspaces().access(ana, "northwind").workspace(),
            people,
            checkout,
            app.products().access(ana, "mobile").product(),
            new DemoClock(Instant.now()));
    long model = PlanFixtures.model(app.app(), checkout, "Test value", "rice");
    List<WorkItem> features =
        app
            .app()
            .definition()
            .workItems()
            .list(ana, "checkout", "feature", null, "key", null, 200)
            .slice()
            .items()
            .stream()
            .filter(w -> w.state().category() != StateCategory.DONE)
            .toList();
    for (int i = 0; i < features.size(); i++) {
      PlanFixtures.score(app.app(), features.get(i).id(), model, 10.0 + i % 4);
    }

    new ReleasePlanDemo(
            planning.teams(),
            planning.plans(),
            app.app().definition().workItems(),
            app.collaboration().links())
        .plan(story);
    var plans = planning.plans().list(ana, "checkout").plans();

    assertThat(teams).extracting(t -> t.slug()).contains("payments", "checkout-web", "mobile");
    assertThat(planning.teams().efforts(ana, features.get(0).key()).efforts()).isNotEmpty();
    assertThat(plans).hasSize(2);
    Plan base = plans.stream().filter(p -> !p.scenario()).findFirst().orElseThrow();
    Plan whatIf = plans.stream().filter(Plan::scenario).findFirst().orElseThrow();
    assertThat(base.accepted()).isTrue();
    assertThat(whatIf.objective()).isGreaterThanOrEqualTo(base.objective());
    assertThat(planning.plans().releases(ana, "checkout")).isNotEmpty();
  }
}
