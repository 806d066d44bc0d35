package io.hatrack.discovery.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The demo's merchant NPS: forty responses that score as the story says. */
@OnEveryDatabase
class SurveysDemoTest {
  @Test
  void theDemoHasAnOpenMerchantNpsWithFortyResponsesScoringThirty(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    SurveyService surveys = app.app().discovery().surveys().surveys();

    SurveySummary summary = surveys.list(ana, "checkout", 0, 10).items().get(0);
    SurveyResults results =
        app.app()
            .discovery()
            .surveys()
            .responses()
            .results(ana, Long.toString(summary.item().id()));

    assertThat(summary.item().title()).isEqualTo("Merchant NPS, Q1");
    assertThat(summary.status()).isEqualTo(SurveyStatus.OPEN);
    assertThat(results.responses()).isEqualTo(40);
    Nps.Score nps = results.questions().get(0).nps();
    assertThat(nps.counts()).isEqualTo(new Nps.Counts(20, 12, 8));
    assertThat(nps.score()).isEqualByComparingTo("30.0");
    assertThat(nps.marginOfError()).isEqualByComparingTo("24.2");
    assertThat(results.questions().get(1).texts())
        .extracting(SurveyResults.TextAnswer::text)
        .anyMatch(t -> t.contains("3-D Secure"))
        .anyMatch(t -> t.contains("invoice"));
    assertThat(results.questions().get(4).kano().category()).isPresent();
    assertThat(surveys.links(ana, summary.item().key())).filteredOn(SurveyLink::used).hasSize(3);
  }
}
