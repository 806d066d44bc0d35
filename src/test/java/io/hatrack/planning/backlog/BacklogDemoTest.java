package io.hatrack.planning.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's scored backlog: Checkout's three models, with evidence in RICE. */
class BacklogDemoTest {

  @Test
  void checkoutsBacklogIsScoredByRiceWithReachFromFeedbackAndByWsjfAndMoscow() {
    try (TestApp app = TestApp.open(Dialect.SQLITE)) {
      app.app().seedDemoIfEmpty();
      User ana =
          app.sessions()
              .signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null)
              .user();
      ScoringService scoring = app.app().planning().backlog().scoring();

      assertThat(scoring.models(ana, "checkout"))
          .extracting(Model::name)
          .containsExactly("RICE", "WSJF", "MoSCoW");
      assertThat(scoring.defaultModel(ana, "checkout").orElseThrow().name()).isEqualTo("RICE");

      BacklogService.Backlog b =
          app.app().planning().backlog().backlog().backlog(ana, "checkout", "RICE", null, null, 5);
      BacklogService.Line top = b.slice().items().get(0);
      assertThat(top.scores()).isNotEmpty();
      ItemScore rice =
          scoring.scores(ana, top.row().key()).scores().stream()
              .filter(s -> s.model().name().equals("RICE"))
              .findFirst()
              .orElseThrow()
              .stored()
              .orElseThrow();
      assertThat(rice.score()).isNotNull();

      String savedCards =
          b.slice().items().stream()
              .filter(l -> l.row().title().equals("One-click saved cards"))
              .map(l -> l.row().key())
              .findFirst()
              .orElseGet(() -> app.items().find(ana, "One-click saved cards", 5).get(0).key());
      Map<String, ScoreInput> in =
          scoring.scores(ana, savedCards).scores().get(0).stored().orElseThrow().inputs();
      assertThat(in.get("reach").source()).isEqualTo("evidence");
      assertThat(in.get("reach").note()).contains("unique customer");
      assertThat(in.get("confidence").source()).isEqualTo("manual");
    }
  }
}
