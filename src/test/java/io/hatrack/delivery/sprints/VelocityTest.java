package io.hatrack.delivery.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VelocityTest {
  private static List<Velocity.Point> completed(double... values) {
    List<Velocity.Point> out = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(new Velocity.Point(i + 1, "Sprint " + (i + 1), values[i] + 1, values[i]));
    }
    return out;
  }

  @Test
  void averageAndP20P80FollowLinearInterpolationBetweenRanks() {
    // Sorted 5, 6, 7, 8, 9, 10: P20 at rank 1.0 = 6, P80 at rank 4.0 = 9.
    Velocity.Result r = Velocity.of(completed(8, 5, 10, 6, 9, 7));

    assertThat(r.average()).isEqualTo(7.5);
    assertThat(r.low()).isEqualTo(6.0);
    assertThat(r.high()).isEqualTo(9.0);
    assertThat(r.committedAverage()).isEqualTo(8.5);
  }

  @Test
  void percentilesBetweenRanksInterpolate() {
    // Sorted 2, 4, 10, 20: P20 at rank 0.6 = 2 + 0.6 × 2 = 3.2; P80 at rank 2.4 = 10 + 0.4 × 10 =
    // 14.
    assertThat(SprintMath.percentile(List.of(10.0, 2.0, 20.0, 4.0), 0.2)).isEqualTo(3.2, within());
    assertThat(SprintMath.percentile(List.of(10.0, 2.0, 20.0, 4.0), 0.8)).isEqualTo(14.0, within());
    assertThat(SprintMath.percentile(List.of(7.0), 0.2)).isEqualTo(7.0);
    assertThat(SprintMath.percentile(List.of(), 0.5)).isEqualTo(0.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  void theForecastDividesTheRemainingByTheGoodAndTheSlowPaceRoundingUp() {
    Velocity.Result r = Velocity.of(completed(8, 5, 10, 6, 9, 7));

    Velocity.Forecast f = Velocity.forecast(r, 30);

    // 30 / 9 = 3.33 → 4 sprints at the P80 pace; 30 / 6 = 5 exactly → 5 at the P20 pace.
    assertThat(f.fewest()).isEqualTo(4);
    assertThat(f.most()).isEqualTo(5);
    assertThat(Velocity.forecast(r, 0).fewest()).isZero();
  }

  @Test
  void withoutClosedSprintsOrWithASlowPaceOfZeroTheForecastSaysSo() {
    assertThat(Velocity.of(List.of()).empty()).isTrue();
    assertThat(Velocity.forecast(Velocity.of(List.of()), 10)).isNull();

    Velocity.Forecast f = Velocity.forecast(Velocity.of(completed(0, 0, 0, 10, 10)), 15);

    assertThat(f.fewest()).isEqualTo(2);
    assertThat(f.most()).isNull();
  }

  @Test
  void numbersReadWithoutNeedlessDecimals() {
    assertThat(SprintMath.text(3.0)).isEqualTo("3");
    assertThat(SprintMath.text(2.5)).isEqualTo("2.5");
    assertThat(SprintMath.text(2.04)).isEqualTo("2");
  }
}
