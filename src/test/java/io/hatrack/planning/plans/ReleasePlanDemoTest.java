package io.hatrack.planning.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's teams and efforts, and its release plan by the RICE scores the backlog's demo gives
 * Checkout: solved over two quarters, accepted, with a what-if beside it.
 */
@OnEveryDatabase
class ReleasePlanDemoTest {

  @Test
  void theDemoHasTeamsAndEffortsAndWithScoresAnAcceptedPlanWithAWhatIf(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    var planning = app.app().planning().releasePlanning();
    var teams = planning.teams().list(ana, "northwind").teams();
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
    var plans = planning.plans().list(ana, "checkout").plans();

    assertThat(teams).extracting(t -> t.slug()).contains("payments", "checkout-web", "mobile");
    assertThat(planning.teams().efforts(ana, features.get(0).key()).efforts()).isNotEmpty();
    assertThat(plans).hasSize(2);
    Plan base = plans.stream().filter(p -> !p.scenario()).findFirst().orElseThrow();
    Plan whatIf = plans.stream().filter(Plan::scenario).findFirst().orElseThrow();
    assertThat(base.accepted()).isTrue();
    assertThat(base.modelName()).isEqualTo("RICE");
    assertThat(whatIf.objective()).isGreaterThanOrEqualTo(base.objective());
    assertThat(planning.plans().releases(ana, "checkout")).isNotEmpty();
  }
}
