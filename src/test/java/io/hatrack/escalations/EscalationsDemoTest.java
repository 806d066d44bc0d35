package io.hatrack.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's escalations: every status, an S1 from an enterprise customer linked to a bug, one
 * breaching soon, one breached, one paused while waiting on the customer, and metrics with figures.
 */
@OnEveryDatabase
class EscalationsDemoTest {

  @Test
  void theDemoHasEscalationsInEveryStateWithTheirSlaClocksAndMetrics(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    EscalationsHat hat = app.app().escalations();
    List<EscalationService.Sla> all = new ArrayList<>();
    for (String product : List.of("checkout", "mobile")) {
      all.addAll(hat.escalations().list(ana, product, EscalationFilter.ALL, 500).escalations());
    }
    EscalationDashboard.Metrics metrics =
        hat.dashboard().metrics(ana, "northwind", null, hat.dashboard().period(null, null));

    assertThat(all).extracting(s -> s.escalation().status()).contains(EscalationStatus.values());
    EscalationService.Sla s1 =
        all.stream()
            .filter(s -> s.escalation().severity() == Severity.S1 && s.escalation().status().open())
            .findFirst()
            .orElseThrow();
    assertThat(s1.escalation().customerSegment()).isEqualTo("Enterprise");
    assertThat(s1.state().overall()).isEqualTo(SlaStatus.BREACHED);
    var view = hat.escalations().get(ana, s1.escalation().key());
    assertThat(view.timeline())
        .anySatisfy(e -> assertThat(e.body()).contains(EscalationsDemo.BUG))
        .anySatisfy(e -> assertThat(e.kind()).isEqualTo(TimelineEntry.Kind.CUSTOMER_UPDATE));
    assertThat(all)
        .anySatisfy(s -> assertThat(s.state().overall()).isEqualTo(SlaStatus.BREACHING_SOON))
        .anySatisfy(
            s -> {
              assertThat(s.escalation().status()).isEqualTo(EscalationStatus.WAITING_ON_CUSTOMER);
              assertThat(s.state().paused()).isTrue();
            });
    assertThat(hat.policies().ofProduct(ana, "mobile").businessHours()).isTrue();
    assertThat(metrics.overall().resolved()).isGreaterThanOrEqualTo(4);
    assertThat(metrics.overall().firstResponseCompliance()).isNotNull();
    assertThat(metrics.overall().resolutionCompliance()).isNotNull();
    assertThat(metrics.byProduct()).hasSize(2);
  }
}
