package io.hatrack.planning.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.feedback.Demand;
import io.hatrack.discovery.surveys.Kano;
import io.hatrack.kernel.Invalid;
import io.hatrack.planning.scoring.Sensitivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelScorerTest {

  static Model model(ModelKind kind, ModelConfig config) {
    return new Model(
        1,
        1,
        kind.label(),
        kind,
        config.normalised(kind),
        1,
        true,
        1,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  static Model model(ModelKind kind) {
    return model(kind, ModelConfig.empty());
  }

  static Map<String, ScoreInput> in(String... pairs) {
    Map<String, ScoreInput> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], ScoreInput.manual(pairs[i + 1]));
    }
    return m;
  }

  static ModelScorer.Outcome score(Model m, Map<String, ScoreInput> in) {
    return ModelScorer.score(m, in, ModelScorer.Facts.NONE);
  }

  @Test
  void iceStatesItsConventionAndDefaultsToTheProduct() {
    Model product = model(ModelKind.ICE);
    Model mean =
        model(
            ModelKind.ICE, new ModelConfig("mean", null, null, null, null, null, null, null, null));
    assertThat(product.config().convention()).isEqualTo("product");
    assertThat(score(product, in("impact", "8", "confidence", "5", "ease", "2")).exact())
        .isEqualTo("80/1");
    assertThat(score(mean, in("impact", "8", "confidence", "5", "ease", "2")).exact())
        .isEqualTo("5/1");
    assertThat(score(mean, in("impact", "8", "confidence", "5", "ease", "3")).shown())
        .isEqualTo("5.33");
  }

  @Test
  void wsjfNamesItsInputsInSnakeCaseAndRefusesValuesOffTheFibonacciScale() {
    Model wsjf = model(ModelKind.WSJF);
    ModelScorer.Outcome o =
        score(
            wsjf,
            in(
                "business_value",
                "13",
                "time_criticality",
                "8",
                "risk_reduction",
                "3",
                "job_size",
                "8"));
    assertThat(o.exact()).isEqualTo("3/1");
    assertThat(o.working()).isEqualTo("(13 + 8 + 3) / 8 = 3");
    assertThatThrownBy(
            () ->
                ModelScorer.check(
                    wsjf,
                    in(
                        "business_value",
                        "4",
                        "time_criticality",
                        "8",
                        "risk_reduction",
                        "3",
                        "job_size",
                        "8")))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("business_value")).contains("13"));
  }

  @Test
  void valueEffortScoresTheRatioAndNamesTheQuadrant() {
    ModelScorer.Outcome o = score(model(ModelKind.VALUE_EFFORT), in("value", "8", "effort", "2"));
    assertThat(o.exact()).isEqualTo("4/1");
    assertThat(o.working()).contains("quick win");
    assertThat(score(model(ModelKind.VALUE_EFFORT), in("value", "8", "effort", "0")).missing())
        .contains("effort");
  }

  @Test
  void moscowAndKanoCategoriesSortByTheirOrder() {
    assertThat(score(model(ModelKind.MOSCOW), in("category", "must")).exact()).isEqualTo("4/1");
    assertThat(score(model(ModelKind.MOSCOW), in("category", "Won't")).exact()).isEqualTo("1/1");
    assertThat(score(model(ModelKind.MOSCOW), in("category", "maybe")).missing())
        .contains("must, should, could or wont");
    assertThat(score(model(ModelKind.KANO), in("category", "one-dimensional")).exact())
        .isEqualTo("3/1");
    assertThat(score(model(ModelKind.KANO), in("category", "M")).exact()).isEqualTo("4/1");
  }

  @Test
  void aFormulaReadsItsInputsTheEstimateAndNumberFields() {
    Model f =
        model(
            ModelKind.FORMULA,
            new ModelConfig(
                null,
                null,
                null,
                null,
                "value * weight / estimate",
                List.of("value"),
                null,
                null,
                null));
    ModelScorer.Outcome o =
        ModelScorer.score(f, in("value", "6"), new ModelScorer.Facts(4.0, Map.of("weight", 2.0)));
    assertThat(o.exact()).isEqualTo("3/1");
    assertThat(o.working()).contains("value = 6").contains("estimate = 4");
    assertThat(
            ModelScorer.score(
                    f, in("value", "6"), new ModelScorer.Facts(0.0, Map.of("weight", 2.0)))
                .missing())
        .isNotBlank();
  }

  @Test
  void evidenceMapsImportanceToImpactAndEstimatesToTheFibonacciScale() {
    assertThat(EvidenceInputs.impact(3)).isEqualTo("3");
    assertThat(EvidenceInputs.impact(2.2)).isEqualTo("2");
    assertThat(EvidenceInputs.impact(1.6)).isEqualTo("1");
    assertThat(EvidenceInputs.impact(1)).isEqualTo("0.5");
    assertThat(EvidenceInputs.impact(0.2)).isEqualTo("0.25");
    Demand none = new Demand(1, 0, 0, 0, 0, "USD", List.of(0L, 0L, 0L, 0L), null, List.of());
    Map<String, ScoreInput> wsjf =
        EvidenceInputs.of(
            model(ModelKind.WSJF), new EvidenceInputs.Evidence(none, 4.0, null, Optional.empty()));
    assertThat(wsjf.get("job_size").value()).isEqualTo("5");
    assertThat(wsjf.get("job_size").source()).isEqualTo("estimate");
    assertThat(EvidenceInputs.onScale(1.5, BigDecimal.ONE, BigDecimal.valueOf(5))).isEqualTo("3");
  }

  @Test
  void kanoEvidenceTakesTheSurveysCategoryWithBergersCoefficientsInTheNote() {
    Demand none = new Demand(1, 0, 0, 0, 0, "USD", List.of(0L, 0L, 0L, 0L), null, List.of());
    Map<Kano.Category, Long> counts =
        Map.of(Kano.Category.A, 5L, Kano.Category.O, 3L, Kano.Category.M, 1L, Kano.Category.I, 1L);
    Map<String, ScoreInput> kano =
        EvidenceInputs.of(
            model(ModelKind.KANO),
            new EvidenceInputs.Evidence(
                none, null, null, Optional.of(new EvidenceInputs.KanoFound("CHK-9", counts))));
    assertThat(kano.get("category").value()).isEqualTo("attractive");
    assertThat(kano.get("category").note()).contains("CHK-9").contains("Better 0.8");
  }

  @Test
  void sensitivityStepsMoveOnlyTheChosenInputAlongItsScale() {
    Model rice = model(ModelKind.RICE);
    Map<Long, Map<String, ScoreInput>> backlog = new LinkedHashMap<>();
    backlog.put(1L, in("reach", "100", "impact", "1", "confidence", "80", "effort", "1"));
    backlog.put(2L, in("reach", "90", "impact", "1", "confidence", "100", "effort", "1"));
    InputSteps steps = new InputSteps(rice, "confidence");
    List<Sensitivity.RankShift<Long>> shifts = Sensitivity.ranks(steps, backlog);
    assertThat(shifts).allSatisfy(s -> assertThat(s.shift().field()).isEqualTo("confidence"));
    assertThat(Sensitivity.changing(shifts)).extracting(Sensitivity.RankShift::item).contains(1L);
    assertThat(new InputSteps(rice, "reach").stepped()).isFalse();
  }
}
