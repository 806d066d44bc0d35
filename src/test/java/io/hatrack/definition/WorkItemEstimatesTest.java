package io.hatrack.definition;

import static io.hatrack.definition.WorkItems.estimated;
import static io.hatrack.definition.WorkItems.footprint;
import static io.hatrack.definition.WorkItems.items;
import static io.hatrack.definition.WorkItems.size;
import static io.hatrack.definition.WorkItems.useUnit;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Estimates in the product's unit: points, t-shirt sizes or person-days. */
@OnEveryDatabase
class WorkItemEstimatesTest {
  @Test
  void aPointsProductTakesNumbersAndRefusesSizes(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();

    WorkItem five = items(app).create(team.owner(), slug, estimated("story", "Five", 5.0, null));
    WorkItem half = items(app).create(team.owner(), slug, estimated("story", "Half", 2.5, null));
    WorkItem zero = items(app).create(team.owner(), slug, estimated("story", "Zero", 0.0, null));

    assertThat(five.estimate()).isEqualTo(5.0);
    assertThat(five.estimateText()).isEqualTo("5");
    assertThat(half.estimateText()).isEqualTo("2.5");
    assertThat(zero.estimateText()).isEqualTo("0");
    assertThat(five.size()).isNull();
    Map<String, Long> before = footprint(app);
    assertThatThrownBy(
            () -> items(app).create(team.owner(), slug, estimated("story", "Sized", null, "M")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("size"))
                    .isEqualTo("this product estimates in story points; give a number"));
    for (double bad : new double[] {-1, 10_001, Double.NaN}) {
      assertThatThrownBy(
              () -> items(app).create(team.owner(), slug, estimated("story", "Bad", bad, null)))
          .isInstanceOfSatisfying(
              Invalid.class,
              e ->
                  assertThat(e.reasonFor("estimate"))
                      .isEqualTo("must be a number from 0 to 10,000 story points"));
    }
    assertThatThrownBy(() -> items(app).update(team.owner(), five.key(), 1, size("L")))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("size")).isNotEmpty());
    assertThat(footprint(app)).isEqualTo(before);

    WorkItem cleared =
        items(app).update(team.owner(), five.key(), 1, WorkItemChanges.none().withEstimate(null));
    assertThat(cleared.estimate()).isNull();
    assertThat(cleared.estimateText()).isEmpty();
  }

  @Test
  void afterSwitchingToSizesASizeIsTakenAndANumberRefused(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    useUnit(app, team, "size");

    WorkItem sized =
        items(app).create(team.owner(), slug, estimated("story", "Sized", null, " m "));
    WorkItem bigger = items(app).update(team.owner(), sized.key(), 1, size("xl"));

    assertThat(sized.size()).isEqualTo(Size.M);
    assertThat(sized.estimateText()).isEqualTo("M");
    assertThat(sized.estimate()).isNull();
    assertThat(bigger.size()).isEqualTo(Size.XL);
    assertThatThrownBy(
            () -> items(app).create(team.owner(), slug, estimated("story", "Pointy", 3.0, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("estimate"))
                    .isEqualTo("this product estimates in t-shirt sizes; give a size such as M"));
    assertThatThrownBy(
            () ->
                items(app)
                    .update(team.owner(), sized.key(), 2, WorkItemChanges.none().withEstimate(3.0)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("estimate")).isNotEmpty());
    assertThatThrownBy(
            () -> items(app).create(team.owner(), slug, estimated("story", "Huge", null, "XXXL")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("size")).isEqualTo("must be one of XS, S, M, L, XL, XXL"));

    WorkItem cleared = items(app).update(team.owner(), sized.key(), 2, size(null));
    assertThat(cleared.size()).isNull();
  }

  @Test
  void aPersonDaysProductTakesNumbersAndNamesItsUnitWhenRefusingASize(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    useUnit(app, team, "days");

    WorkItem item = items(app).create(team.owner(), slug, estimated("task", "Days", 1.5, null));

    assertThat(item.estimate()).isEqualTo(1.5);
    assertThatThrownBy(
            () -> items(app).create(team.owner(), slug, estimated("task", "Sized", null, "S")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("size"))
                    .isEqualTo("this product estimates in person-days; give a number"));
  }

  @Test
  void anItemEstimatedInTheOldUnitCanStillBeEditedAndReEstimatedAfterTheSwitch(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    WorkItem pointed =
        items(app).create(team.owner(), slug, estimated("story", "Pointed", 5.0, null));
    useUnit(app, team, "size");
    WorkItem sized = items(app).create(team.owner(), slug, estimated("story", "Sized", null, "S"));

    WorkItem retitled =
        items(app)
            .update(team.owner(), pointed.key(), 1, WorkItemChanges.none().withTitle("Renamed"));
    WorkItem moved =
        items(app)
            .update(team.owner(), pointed.key(), 2, WorkItemChanges.none().withStatus("Ready"));
    WorkItem resized = items(app).update(team.owner(), pointed.key(), 3, size("L"));

    assertThat(retitled.title()).isEqualTo("Renamed");
    assertThat(moved.state().name()).isEqualTo("Ready");
    assertThat(resized.size()).isEqualTo(Size.L);
    assertThat(resized.estimateText()).isEqualTo("L");

    useUnit(app, team, "points");
    WorkItem sizedRetitled =
        items(app)
            .update(team.owner(), sized.key(), 1, WorkItemChanges.none().withTitle("Still S"));
    WorkItem pointedAgain =
        items(app).update(team.owner(), sized.key(), 2, WorkItemChanges.none().withEstimate(3.0));
    assertThat(sizedRetitled.title()).isEqualTo("Still S");
    assertThat(pointedAgain.estimate()).isEqualTo(3.0);
    assertThat(pointedAgain.estimateText()).isEqualTo("3");
  }
}
