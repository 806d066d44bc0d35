package io.hatrack.planning.roi;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.planning.roi.RoiDraft.LineDraft;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class RoiServiceTest {

  private static RoiService roi(TestApp app) {
    return app.app().planning().roi().service();
  }

  private static WorkItem item(TestApp app, Team team, String type, String title) {
    return app.app()
        .definition()
        .workItems()
        .create(team.owner(), team.product().slug(), NewWorkItem.of(type, title));
  }

  /** Brealey, Myers and Allen's project A as a yearly model at 10 %. */
  static RoiDraft projectA(String name, String item) {
    return new RoiDraft(
        name,
        "",
        item,
        "yearly",
        3,
        10.0,
        List.of(
            new LineDraft("one_off_cost", "Build", 0, null, null, "fixed", null, 2_000.0, null),
            new LineDraft("cost_saved", "Savings", 1, 2, 0, "pert", 300.0, 500.0, 900.0),
            new LineDraft("new_revenue", "Sales", 3, 3, 0, "fixed", null, 5_000.0, null)));
  }

  @Test
  void aModelIsStoredWithItsLinesAndGivesItsDeterministicResults(TestApp app) {
    Team team = team(app);
    WorkItem feature = item(app, team, "feature", "Saved cards");

    RoiModel m =
        roi(app).create(team.owner(), team.product().slug(), projectA(" A ", feature.key()));
    RoiService.View v = roi(app).get(team.owner(), team.product().slug(), m.id());

    assertThat(v.model().name()).isEqualTo("A");
    assertThat(v.model().item().key()).isEqualTo(feature.key());
    assertThat(v.model().inputs().lines()).hasSize(3);
    assertThat(v.model().inputs().lines().get(1).amount().spread()).isEqualTo(Spread.PERT);
    assertThat(v.result().npv()).isCloseTo(2_624.34, within(0.01));
    assertThat(v.result().payback()).isCloseTo(2.2, within(1e-9));
    assertThat(v.simulation()).isEmpty();
    assertThat(v.valueBasis()).isEqualTo("npv");
    assertThat(roi(app).list(team.owner(), team.product().slug()).models()).hasSize(1);
  }

  @Test
  void brokenInputIsRefusedNamingEveryFieldAndItsReason(TestApp app) {
    Team team = team(app);
    RoiDraft bad =
        new RoiDraft(
            "",
            "",
            null,
            "weekly",
            -1,
            150.0,
            List.of(
                new LineDraft("gift", null, 0, 0, 0, "fixed", null, 1.0, null),
                new LineDraft("new_revenue", null, 1, 2, 0, "pert", 500.0, 400.0, 300.0)));

    assertThatThrownBy(() -> roi(app).create(team.owner(), team.product().slug(), bad))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("name")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("periodicity")).isEqualTo("must be monthly or yearly");
              assertThat(e.reasonFor("horizon")).contains("from 1 to");
              assertThat(e.reasonFor("discount_rate")).contains("0 to 100");
              assertThat(e.reasonFor("lines[0].kind")).startsWith("must be one_off_cost");
              assertThat(e.reasonFor("lines[1].low"))
                  .isEqualTo("must not be more than the likely amount");
              assertThat(e.reasonFor("lines[1].high"))
                  .isEqualTo("must not be less than the likely amount");
            });
    RoiDraft beyond =
        new RoiDraft(
            "Beyond",
            "",
            null,
            "yearly",
            3,
            10.0,
            List.of(new LineDraft("recurring_cost", null, 2, 5, 1, "fixed", null, 1.0, null)));
    assertThatThrownBy(() -> roi(app).create(team.owner(), team.product().slug(), beyond))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("lines[0].to")).contains("horizon (3)");
              assertThat(e.reasonFor("lines[0].ramp")).isEqualTo("applies only to benefits");
            });
    assertThat(roi(app).list(team.owner(), team.product().slug()).models()).isEmpty();
  }

  @Test
  void aModelIsOnlyForAFeatureEpicOrInitiativeOfItsProduct(TestApp app) {
    Team team = team(app);
    WorkItem story = item(app, team, "story", "A story");

    assertThatThrownBy(
            () -> roi(app).create(team.owner(), team.product().slug(), projectA("S", story.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("item")).contains("feature, epic or initiative"));
    assertThatThrownBy(
            () -> roi(app).create(team.owner(), team.product().slug(), projectA("S", "CHK-999")))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void changesNeedTheVersionAndForgetTheSimulation(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    RoiModel m = roi(app).create(team.owner(), product, projectA("A", null));
    roi(app).simulate(team.owner(), product, m.id(), 1_000, 7L);
    assertThat(roi(app).get(team.owner(), product, m.id()).simulation()).isPresent();

    RoiModel changed = roi(app).update(team.owner(), product, m.id(), 1, projectA("A2", null));

    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.name()).isEqualTo("A2");
    assertThat(roi(app).get(team.owner(), product, m.id()).simulation()).isEmpty();
    assertThatThrownBy(() -> roi(app).update(team.owner(), product, m.id(), 1, projectA("X", null)))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> roi(app).delete(team.owner(), product, m.id(), 1))
        .isInstanceOf(Conflict.class);
    roi(app).delete(team.owner(), product, m.id(), 2);
    assertThatThrownBy(() -> roi(app).get(team.owner(), product, m.id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aSimulationIsKeptAndTheSameSeedGivesTheSameP50(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    RoiModel m = roi(app).create(team.owner(), product, projectA("A", null));

    RoiService.View first = roi(app).simulate(team.owner(), product, m.id(), null, 11L);
    RoiService.View again = roi(app).simulate(team.owner(), product, m.id(), null, 11L);

    MonteCarlo.Simulation s = first.simulation().orElseThrow().simulation();
    assertThat(s.draws()).isEqualTo(10_000);
    assertThat(again.simulation().orElseThrow().simulation().p50()).isEqualTo(s.p50());
    assertThat(s.p10()).isLessThan(s.p50()).isLessThan(s.p90());
    assertThat(s.histogram().stream().mapToInt(MonteCarlo.Bin::count).sum()).isEqualTo(10_000);
    assertThat(first.valueBasis()).isEqualTo("p50");
    assertThatThrownBy(() -> roi(app).simulate(team.owner(), product, m.id(), 0, null))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void theNpvGoesIntoTheItemsValueFieldWhichIsAddedWhenMissing(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    WorkItem feature = item(app, team, "feature", "Saved cards");
    RoiModel m = roi(app).create(team.owner(), product, projectA("A", feature.key()));

    RoiService.ValueUse deterministic = roi(app).useAsValue(team.owner(), product, m.id());
    assertThat(deterministic.basis()).isEqualTo("npv");
    assertThat(deterministic.amount()).isEqualTo(2_624);
    roi(app).simulate(team.owner(), product, m.id(), 2_000, 3L);
    RoiService.ValueUse simulated = roi(app).useAsValue(team.owner(), product, m.id());

    assertThat(simulated.basis()).isEqualTo("p50");
    assertThat(app.app().definition().fields().fields(team.owner(), product))
        .filteredOn(f -> f.key().equals("value"))
        .singleElement()
        .satisfies(f -> assertThat(f.name()).isEqualTo("Value"));
    var values =
        app.database()
            .read(
                h ->
                    app.app()
                        .definition()
                        .fields()
                        .values(h, List.of(feature.id()))
                        .get(feature.id()));
    assertThat(values.get("value").display()).isNotBlank();
    assertThat(roi(app).get(team.owner(), product, m.id()).model().valueBasis()).isEqualTo("p50");
    assertThat(app.count("activity")).isPositive();
  }

  @Test
  void aFormulaFieldReadsTheValueTheModelWrote(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    WorkItem feature = item(app, team, "feature", "Saved cards");
    RoiModel m = roi(app).create(team.owner(), product, projectA("A", feature.key()));
    roi(app).useAsValue(team.owner(), product, m.id());

    app.app()
        .definition()
        .fields()
        .create(
            team.owner(),
            product,
            io.hatrack.definition.fields.FieldInput.of("Value per thousand", "formula")
                .withFormula("round(value / 1000, 1)"));

    var values =
        app.database()
            .read(
                h ->
                    app.app()
                        .definition()
                        .fields()
                        .values(h, List.of(feature.id()))
                        .get(feature.id()));
    assertThat(values.get("value_per_thousand").display()).isEqualTo("2.6");
  }

  @Test
  void aModelWithoutItemCannotBeUsedAsValueAndViewersCannotChangeModels(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    RoiModel m = roi(app).create(team.owner(), product, projectA("A", null));
    User viewer = team.member(app, Role.VIEWER, "vic");

    assertThatThrownBy(() -> roi(app).useAsValue(team.owner(), product, m.id()))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("item")).contains("link the model"));
    assertThat(roi(app).get(viewer, product, m.id()).model().name()).isEqualTo("A");
    assertThatThrownBy(() -> roi(app).create(viewer, product, projectA("B", null)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> roi(app).simulate(viewer, product, m.id(), null, null))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void comparingShowsTheModelsAskedForInTheirOrder(TestApp app) {
    Team team = team(app);
    String product = team.product().slug();
    RoiModel a = roi(app).create(team.owner(), product, projectA("A", null));
    RoiModel b = roi(app).create(team.owner(), product, projectA("B", null));

    assertThat(roi(app).compare(team.owner(), product, List.of(b.id(), a.id())).models())
        .extracting(v -> v.model().name())
        .containsExactly("B", "A");
    assertThat(roi(app).compare(team.owner(), product, List.of()).models()).hasSize(2);
    assertThatThrownBy(() -> roi(app).compare(team.owner(), product, List.of(a.id(), 99_999L)))
        .isInstanceOf(NotFound.class);
  }
}
