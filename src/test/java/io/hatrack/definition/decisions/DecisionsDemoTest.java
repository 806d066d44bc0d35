package io.hatrack.definition.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DecisionsDemoTest {

  @Test
  void checkoutsDecisionLogHasTheTokenDecisionDecidedAndTheRetryDecisionProposed(
      @Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana =
        app.sessions().signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null).user();
    DecisionService decisions = app.app().definition().decisions();

    List<DecisionSummary> log = decisions.list(ana, "checkout", null, null, 50).items();

    assertThat(log)
        .extracting(s -> s.item().title(), DecisionSummary::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Retry 3-D Secure once before failing the payment", DecisionStatus.PROPOSED),
            org.assertj.core.groups.Tuple.tuple(
                "Store card tokens with the payment processor, not in our vault",
                DecisionStatus.DECIDED));
    Decision tokens = decisions.get(ana, log.get(1).item().key()).decision();
    assertThat(tokens.options())
        .extracting(DecisionOption::name)
        .containsExactly("Build our own PCI vault", "Processor tokens", "Network tokens");
    assertThat(tokens.chosen()).map(DecisionOption::name).contains("Processor tokens");
    assertThat(tokens.deciders())
        .extracting(Decider::handle)
        .containsExactlyInAnyOrder("ana", "ben", "femi");
    assertThat(tokens.decidedOn()).isNotNull();
    assertThat(app.collaboration().comments().list(ana, tokens.key(), 0, 10).total()).isOne();
  }
}
