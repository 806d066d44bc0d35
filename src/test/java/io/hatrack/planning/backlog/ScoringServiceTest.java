package io.hatrack.planning.backlog;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ScoringServiceTest {

  static ScoringService scoring(TestApp app) {
    return app.app().planning().backlog().scoring();
  }

  static BacklogService backlog(TestApp app) {
    return app.app().planning().backlog().backlog();
  }

  static WorkItem feature(TestApp app, Team t, String title, Double estimate) {
    return app.app()
        .definition()
        .workItems()
        .create(
            t.owner(),
            t.product().slug(),
            new NewWorkItem(
                "feature", title, null, null, null, estimate, null, null, null, null, null, null,
                List.of()));
  }

  static Model rice(TestApp app, Team t) {
    return scoring(app)
        .create(t.owner(), t.product().slug(), new ModelDraft("RICE", "rice", null, null));
  }

  static Map<String, ScoreInput> inputs(String... pairs) {
    Map<String, ScoreInput> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], ScoreInput.manual(pairs[i + 1]));
    }
    return m;
  }

  static ScoringService.Scored scored(TestApp app, Team t, WorkItem w, String model) {
    return scoring(app).scores(t.owner(), w.key()).scores().stream()
        .filter(s -> s.model().name().equals(model))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theFirstModelIsTheDefaultAndMarkingAnotherMovesTheMark(TestApp app) {
    Team t = team(app);
    Model rice = rice(app, t);
    Model ice =
        scoring(app)
            .create(
                t.owner(),
                t.product().slug(),
                new ModelDraft(
                    "ICE",
                    "ice",
                    new ModelConfig("mean", null, null, null, null, null, null, null, null),
                    true));

    assertThat(rice.isDefault()).isTrue();
    assertThat(ice.config().convention()).isEqualTo("mean");
    assertThat(scoring(app).defaultModel(t.owner(), t.product().slug()).orElseThrow().name())
        .isEqualTo("ICE");
    assertThat(scoring(app).models(t.owner(), t.product().slug()))
        .extracting(Model::name)
        .containsExactly("RICE", "ICE");
  }

  @Test
  void badModelsAreRefusedWithTheirFieldAndAFormulaThatCannotBeReadSaysWhy(TestApp app) {
    Team t = team(app);
    assertThatThrownBy(
            () ->
                scoring(app)
                    .create(
                        t.owner(), t.product().slug(), new ModelDraft("X", "magic", null, null)))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("kind")).contains("rice"));
    assertThatThrownBy(
            () ->
                scoring(app)
                    .create(
                        t.owner(),
                        t.product().slug(),
                        new ModelDraft(
                            "F",
                            "formula",
                            new ModelConfig(
                                null,
                                null,
                                null,
                                null,
                                "value * (2",
                                List.of("value"),
                                null,
                                null,
                                null),
                            null)))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("config.formula")).contains("column"));
    rice(app, t);
    assertThatThrownBy(() -> rice(app, t)).isInstanceOf(Conflict.class);
  }

  @Test
  void aRiceScoreIsExactKeepsItsInputsAndHistoryAndRefusesStaleVersions(TestApp app) {
    Team t = team(app);
    rice(app, t);
    WorkItem w = feature(app, t, "Saved cards", 2.0);

    ItemScore s =
        scoring(app)
            .put(
                t.owner(),
                w.key(),
                "RICE",
                0L,
                inputs("reach", "500", "impact", "2", "confidence", "80", "effort", "2"));

    assertThat(s.score()).isEqualTo(400.0);
    assertThat(s.exact()).isEqualTo("400/1");
    assertThat(scored(app, t, w, "RICE").outcome().working()).isEqualTo("500 × 2 × 80% / 2 = 400");
    assertThatThrownBy(
            () ->
                scoring(app)
                    .put(
                        t.owner(),
                        w.key(),
                        "RICE",
                        0L,
                        inputs("reach", "5", "impact", "2", "confidence", "80", "effort", "2")))
        .isInstanceOf(Conflict.class);
    scoring(app)
        .put(
            t.owner(),
            w.key(),
            "RICE",
            1L,
            inputs("reach", "100", "impact", "1", "confidence", "50", "effort", "3"));
    assertThat(scored(app, t, w, "RICE").stored().orElseThrow().exact()).isEqualTo("50/3");
    assertThat(scoring(app).history(t.owner(), w.key(), "RICE", 10))
        .extracting(ScoreChange::exact)
        .containsExactly("50/3", "400/1");
  }

  @Test
  void badInputsAreRefusedNamingTheInput(TestApp app) {
    Team t = team(app);
    rice(app, t);
    WorkItem w = feature(app, t, "Saved cards", 2.0);

    assertThatThrownBy(
            () ->
                scoring(app)
                    .put(
                        t.owner(),
                        w.key(),
                        "RICE",
                        null,
                        inputs("reach", "5", "impact", "7", "confidence", "80", "effort", "0")))
        .isInstanceOf(Invalid.class)
        .satisfies(
            e -> {
              Invalid i = (Invalid) e;
              assertThat(i.reasonFor("effort")).contains("more than 0");
              assertThat(i.reasonFor("impact")).contains("0.25");
            });
    assertThatThrownBy(
            () -> scoring(app).put(t.owner(), w.key(), "RICE", null, inputs("reach", "5")))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("effort")).contains("required"));
    assertThatThrownBy(
            () -> scoring(app).put(t.owner(), w.key(), "Nope", null, inputs("reach", "5")))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void scoresAreAbsoluteChangingOneItemNeverChangesAnother(TestApp app) {
    Team t = team(app);
    rice(app, t);
    WorkItem a = feature(app, t, "A", 1.0);
    WorkItem b = feature(app, t, "B", 1.0);
    scoring(app)
        .put(
            t.owner(),
            a.key(),
            "RICE",
            null,
            inputs("reach", "10", "impact", "1", "confidence", "100", "effort", "1"));
    scoring(app)
        .put(
            t.owner(),
            b.key(),
            "RICE",
            null,
            inputs("reach", "20", "impact", "1", "confidence", "100", "effort", "1"));
    ItemScore before = scored(app, t, a, "RICE").stored().orElseThrow();

    scoring(app)
        .put(
            t.owner(),
            b.key(),
            "RICE",
            null,
            inputs("reach", "9000", "impact", "3", "confidence", "100", "effort", "1"));
    feature(app, t, "C", 1.0);

    ItemScore after = scored(app, t, a, "RICE").stored().orElseThrow();
    assertThat(after.exact()).isEqualTo(before.exact());
    assertThat(after.version()).isEqualTo(before.version());
  }

  @Test
  void evidenceFillsReachImpactAndEffortWithNotesAndKeepsManualInputs(TestApp app) {
    Team t = team(app);
    rice(app, t);
    WorkItem w = feature(app, t, "Saved cards", 3.0);
    FeedbackService feedback = app.app().discovery().feedback().service();
    for (int i = 0; i < 3; i++) {
      Customer c =
          app.app()
              .discovery()
              .customers()
              .create(t.owner(), t.workspace().slug(), CustomerDraft.of("Customer " + i));
      Feedback f =
          feedback.create(
              t.owner(),
              t.product().slug(),
              FeedbackDraft.of("Please save cards " + i, "email")
                  .withCustomer(c.id(), null)
                  .withImportance(3));
      feedback.link(t.owner(), f.key(), w.key());
    }

    scoring(app).fill(t.owner(), w.key());

    Map<String, ScoreInput> in = scored(app, t, w, "RICE").stored().orElseThrow().inputs();
    assertThat(in.get("reach").value()).isEqualTo("3");
    assertThat(in.get("reach").source()).isEqualTo("evidence");
    assertThat(in.get("reach").note()).contains("3 unique customer");
    assertThat(in.get("impact").value()).isEqualTo("3");
    assertThat(in.get("effort").value()).isEqualTo("3");
    assertThat(in.get("effort").source()).isEqualTo("estimate");
    assertThat(scored(app, t, w, "RICE").stored().orElseThrow().missing()).contains("confidence");

    Map<String, ScoreInput> manual = new LinkedHashMap<>(in);
    manual.put("reach", ScoreInput.manual("50"));
    manual.put("confidence", ScoreInput.manual("100"));
    scoring(app).put(t.owner(), w.key(), "RICE", null, manual);
    scoring(app).fillAll(t.owner(), t.product().slug());

    ItemScore s = scored(app, t, w, "RICE").stored().orElseThrow();
    assertThat(s.inputs().get("reach").value()).isEqualTo("50");
    assertThat(s.exact()).isEqualTo("50/1");
  }

  @Test
  void changingAModelsSettingsRecomputesEveryScoreInOneGo(TestApp app) {
    Team t = team(app);
    Model card =
        scoring(app)
            .create(
                t.owner(),
                t.product().slug(),
                new ModelDraft(
                    "Card",
                    "scorecard",
                    new ModelConfig(
                        null,
                        null,
                        null,
                        List.of(
                            new ModelConfig.Criterion(
                                "revenue",
                                "Revenue",
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.valueOf(5)),
                            new ModelConfig.Criterion(
                                "fit",
                                "Fit",
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.valueOf(5))),
                        null,
                        null,
                        null,
                        null,
                        null),
                    null));
    WorkItem w = feature(app, t, "A", 1.0);
    scoring(app).put(t.owner(), w.key(), "Card", null, inputs("revenue", "5", "fit", "1"));
    assertThat(scored(app, t, w, "Card").stored().orElseThrow().exact()).isEqualTo("1/2");

    scoring(app)
        .update(
            t.owner(),
            t.product().slug(),
            "Card",
            card.version(),
            new ModelDraft(
                null,
                null,
                new ModelConfig(
                    null,
                    null,
                    null,
                    List.of(
                        new ModelConfig.Criterion(
                            "revenue",
                            "Revenue",
                            BigDecimal.valueOf(3),
                            BigDecimal.ONE,
                            BigDecimal.valueOf(5)),
                        new ModelConfig.Criterion(
                            "fit", "Fit", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(5))),
                    null,
                    null,
                    null,
                    null,
                    null),
                null));

    assertThat(scored(app, t, w, "Card").stored().orElseThrow().exact()).isEqualTo("3/4");
    assertThat(scoring(app).history(t.owner(), w.key(), "Card", 10))
        .extracting(ScoreChange::cause)
        .containsExactly("recompute", "manual");
    assertThat(scoring(app).scores(t.product().id(), card.id()).get(w.id()))
        .isEqualByComparingTo("0.75");

    Model now = scoring(app).model(t.owner(), t.product().slug(), "Card");
    scoring(app)
        .update(
            t.owner(),
            t.product().slug(),
            "Card",
            now.version(),
            new ModelDraft(
                null,
                null,
                new ModelConfig(
                    null,
                    null,
                    null,
                    List.of(
                        new ModelConfig.Criterion(
                            "revenue",
                            "Revenue",
                            BigDecimal.ONE,
                            BigDecimal.ONE,
                            BigDecimal.valueOf(4)),
                        new ModelConfig.Criterion(
                            "fit", "Fit", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(5))),
                    null,
                    null,
                    null,
                    null,
                    null),
                null));
    ItemScore outOfScale = scored(app, t, w, "Card").stored().orElseThrow();
    assertThat(outOfScale.score()).isNull();
    assertThat(outOfScale.missing()).contains("revenue").contains("from 1 to 4");
    assertThat(scoring(app).scores(t.product().id(), card.id())).doesNotContainKey(w.id());
  }

  @Test
  void aFormulaThatCannotBeEvaluatedLeavesTheScoreEmptyWithTheReason(TestApp app) {
    Team t = team(app);
    scoring(app)
        .create(
            t.owner(),
            t.product().slug(),
            new ModelDraft(
                "Per point",
                "formula",
                new ModelConfig(
                    null, null, null, null, "value / estimate", List.of("value"), null, null, null),
                null));
    WorkItem none = feature(app, t, "No estimate", null);
    WorkItem zero = feature(app, t, "Four", 4.0);

    scoring(app).put(t.owner(), none.key(), "Per point", null, inputs("value", "8"));
    scoring(app).put(t.owner(), zero.key(), "Per point", null, inputs("value", "8"));

    assertThat(scored(app, t, none, "Per point").stored().orElseThrow().score()).isNull();
    assertThat(scored(app, t, none, "Per point").stored().orElseThrow().missing())
        .contains("estimate");
    assertThat(scored(app, t, zero, "Per point").stored().orElseThrow().exact()).isEqualTo("2/1");
  }

  @Test
  void theBacklogSortsByAModelOrByRankAndTheSensitivityShowsRankFlips(TestApp app) {
    Team t = team(app);
    rice(app, t);
    WorkItem a = feature(app, t, "A", 1.0);
    WorkItem b = feature(app, t, "B", 1.0);
    WorkItem c = feature(app, t, "C", 1.0);
    scoring(app)
        .put(
            t.owner(),
            a.key(),
            "RICE",
            null,
            inputs("reach", "100", "impact", "1", "confidence", "80", "effort", "1"));
    scoring(app)
        .put(
            t.owner(),
            b.key(),
            "RICE",
            null,
            inputs("reach", "90", "impact", "1", "confidence", "100", "effort", "1"));

    BacklogService.Backlog byRice =
        backlog(app).backlog(t.owner(), t.product().slug(), "RICE", null, null, 10);
    assertThat(byRice.slice().items())
        .extracting(l -> l.row().title())
        .containsExactly("B", "A", "C");
    BacklogService.Backlog page =
        backlog(app).backlog(t.owner(), t.product().slug(), "RICE", null, null, 2);
    assertThat(page.slice().total()).isEqualTo(3);
    assertThat(page.slice().nextCursor()).isNotNull();

    backlog(app).move(t.owner(), t.product().slug(), c.key(), c.version(), null, a.key());
    BacklogService.Backlog byRank =
        backlog(app).backlog(t.owner(), t.product().slug(), "rank", null, null, 10);
    assertThat(byRank.slice().items().get(0).row().title()).isEqualTo("C");

    BacklogService.SensitivityView v =
        backlog(app).sensitivity(t.owner(), t.product().slug(), "RICE", "confidence");
    assertThat(v.stepped()).isTrue();
    assertThat(v.changes()).extracting(BacklogService.Shift::title).contains("A");
    assertThat(v.changes().get(0).rankBefore()).isNotEqualTo(v.changes().get(0).rankAfter());
  }

  @Test
  void aMoscowBacklogWarnsWhenMustHavesTakeMoreThanSixtyPercentOfThePlannedEffort(TestApp app) {
    Team t = team(app);
    scoring(app)
        .create(t.owner(), t.product().slug(), new ModelDraft("MoSCoW", "moscow", null, true));
    WorkItem big = feature(app, t, "Big", 8.0);
    WorkItem small = feature(app, t, "Small", 2.0);
    scoring(app).put(t.owner(), small.key(), "MoSCoW", null, inputs("category", "should"));
    assertThat(
            backlog(app)
                .backlog(t.owner(), t.product().slug(), null, null, null, 10)
                .moscowWarning())
        .isEmpty();

    scoring(app).put(t.owner(), big.key(), "MoSCoW", null, inputs("category", "must"));

    assertThat(
            backlog(app)
                .backlog(t.owner(), t.product().slug(), null, null, null, 10)
                .moscowWarning())
        .hasValueSatisfying(w -> assertThat(w).contains("80 %").contains("60 %"));
  }
}
