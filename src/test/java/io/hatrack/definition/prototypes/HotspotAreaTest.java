package io.hatrack.definition.prototypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class HotspotAreaTest {

  @Test
  void aRectangleInsideTheScreenIsTakenAsGiven() {
    HotspotArea area = HotspotArea.of(0.1, 0.8, 0.8, 0.1);

    assertThat(area).isEqualTo(new HotspotArea(0.1, 0.8, 0.8, 0.1));
    assertThat(area.contains(0.5, 0.85)).isTrue();
    assertThat(area.contains(0.5, 0.5)).isFalse();
  }

  @Test
  void aRectangleThatEndsExactlyAtTheEdgeIsTakenEvenAfterRounding() {
    HotspotArea area = HotspotArea.of(0.7, 0.9, 0.3, 0.1);

    assertThat(area.x() + area.w()).isLessThanOrEqualTo(1.0);
    assertThat(area.y() + area.h()).isLessThanOrEqualTo(1.0);
    assertThat(area.w()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void missingFieldsAreNamedTogether() {
    assertThatThrownBy(() -> HotspotArea.of(null, 0.1, null, 0.1))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError("x", "is required"), new FieldError("w", "is required")));
  }

  @Test
  void anEmptyRectangleIsRefused() {
    assertThatThrownBy(() -> HotspotArea.of(0.1, 0.1, 0.0, 0.2))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("w"))
                    .isEqualTo("must be more than 0: a hotspot needs a width"));
  }

  @Test
  void aRectangleReachingPastTheScreenIsRefusedOnTheFieldThatOverflows() {
    assertThatThrownBy(() -> HotspotArea.of(0.5, 0.5, 0.6, 0.2))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("w")).contains("right edge");
              assertThat(e.reasonFor("h")).isEmpty();
            });
    assertThatThrownBy(() -> HotspotArea.of(-0.1, 1.0, 0.1, 0.1))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("x")).contains("at least 0");
              assertThat(e.reasonFor("y")).contains("less than 1");
            });
    assertThatThrownBy(() -> HotspotArea.of(Double.NaN, 0.1, 0.1, Double.POSITIVE_INFINITY))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("x")).isEqualTo("must be a number");
              assertThat(e.reasonFor("h")).isEqualTo("must be a number");
            });
  }

  @Test
  void changingOneSideIsCheckedAgainstTheOthers() {
    HotspotArea area = HotspotArea.of(0.6, 0.1, 0.2, 0.2);

    assertThat(area.with(null, null, 0.4, null).w())
        .isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> area.with(null, null, 0.5, null)).isInstanceOf(Invalid.class);
  }

  @Property
  void everyAcceptedRectangleLiesInsideTheScreenAndHasArea(
      @ForAll @DoubleRange(min = -0.5, max = 1.5) double x,
      @ForAll @DoubleRange(min = -0.5, max = 1.5) double y,
      @ForAll @DoubleRange(min = -0.5, max = 1.5) double w,
      @ForAll @DoubleRange(min = -0.5, max = 1.5) double h) {
    HotspotArea area;
    try {
      area = HotspotArea.of(x, y, w, h);
    } catch (Invalid refused) {
      assertThat(
              x < 0
                  || y < 0
                  || x >= 1
                  || y >= 1
                  || w <= 0
                  || h <= 0
                  || x + w > 1 + HotspotArea.TOLERANCE
                  || y + h > 1 + HotspotArea.TOLERANCE)
          .isTrue();
      return;
    }
    assertThat(area.x()).isBetween(0.0, 1.0);
    assertThat(area.y()).isBetween(0.0, 1.0);
    assertThat(area.w()).isPositive();
    assertThat(area.h()).isPositive();
    assertThat(area.x() + area.w()).isLessThanOrEqualTo(1.0);
    assertThat(area.y() + area.h()).isLessThanOrEqualTo(1.0);
  }
}
