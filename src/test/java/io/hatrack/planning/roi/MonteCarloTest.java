package io.hatrack.planning.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Monte Carlo run: reproducible by seed, percentiles by linear interpolation, a histogram. */
class MonteCarloTest {

  /** Three years by month: a build, a run cost, new revenue ramping up over six months. */
  static RoiInputs savedCards() {
    return new RoiInputs(
        Periodicity.MONTHLY,
        36,
        0.10,
        List.of(
            new RoiLine(
                LineKind.ONE_OFF_COST, "Build", 0, 0, 0, Amount.pert(90_000, 120_000, 180_000)),
            new RoiLine(LineKind.RECURRING_COST, "Run", 1, 36, 0, Amount.fixed(2_000)),
            new RoiLine(
                LineKind.NEW_REVENUE,
                "Conversion",
                3,
                36,
                6,
                Amount.triangular(4_000, 8_000, 15_000)),
            new RoiLine(LineKind.COST_SAVED, "Support", 1, 36, 0, Amount.pert(500, 1_000, 1_500))));
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
    MonteCarlo.Simulation a = MonteCarlo.run(savedCards(), 10_000, 7);
    MonteCarlo.Simulation b = MonteCarlo.run(savedCards(), 10_000, 7);
    MonteCarlo.Simulation c = MonteCarlo.run(savedCards(), 10_000, 8);

    assertThat(a).isEqualTo(b);
    assertThat(c.p50()).isNotEqualTo(a.p50());
  }

  @Test
  void percentilesAreOrderedAndTheHistogramCountsEveryDraw() {
    MonteCarlo.Simulation s = MonteCarlo.run(savedCards(), 10_000, 2026);

    assertThat(s.min()).isLessThanOrEqualTo(s.p10());
    assertThat(s.p10()).isLessThan(s.p50());
    assertThat(s.p50()).isLessThan(s.p90());
    assertThat(s.p90()).isLessThanOrEqualTo(s.max());
    assertThat(s.histogram()).hasSize(MonteCarlo.BINS);
    assertThat(s.histogram().stream().mapToInt(MonteCarlo.Bin::count).sum()).isEqualTo(10_000);
    assertThat(s.probabilityPositive()).isBetween(0.0, 1.0);
  }

  @Test
  void theMeanOfTheDrawsApproachesTheNpvOfTheMeanAmounts() {
    // NPV is linear in each amount, so its expectation is the NPV at every amount's mean.
    RoiInputs in = savedCards();
    double[] means = in.lines().stream().mapToDouble(l -> l.amount().mean()).toArray();
    double expected = Npv.of(in.periodRate(), in.flows(means));

    MonteCarlo.Simulation s = MonteCarlo.run(in, 100_000, 3);

    assertThat(s.mean()).isCloseTo(expected, within(Math.abs(expected) * 0.01));
  }

  @Test
  void aModelWithoutUncertaintyGivesItsNpvEveryTime() {
    RoiInputs in =
        new RoiInputs(
            Periodicity.YEARLY,
            3,
            0.10,
            List.of(
                new RoiLine(LineKind.ONE_OFF_COST, "Build", 0, 0, 0, Amount.fixed(2_000)),
                new RoiLine(LineKind.NEW_REVENUE, "Sales", 1, 3, 0, Amount.fixed(1_000))));

    MonteCarlo.Simulation s = MonteCarlo.run(in, 100, 1);

    double npv = RoiAnalysis.of(in).npv();
    assertThat(s.p10()).isCloseTo(npv, within(1e-9));
    assertThat(s.p90()).isCloseTo(npv, within(1e-9));
    assertThat(s.probabilityPositive()).isEqualTo(1.0);
    assertThat(s.histogram()).hasSize(1);
  }

  @Test
  void percentilesInterpolateBetweenClosestRanks() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    assertThat(MonteCarlo.percentile(sorted, 0.5)).isEqualTo(5.5);
    assertThat(MonteCarlo.percentile(sorted, 0.1)).isCloseTo(1.9, within(1e-12));
    assertThat(MonteCarlo.percentile(sorted, 0.9)).isCloseTo(9.1, within(1e-12));
  }

  @Test
  void tenThousandDrawsOfARealisticModelTakeWellUnderTwoHundredMilliseconds() {
    MonteCarlo.run(savedCards(), 10_000, 1);
    long start = System.nanoTime();
    MonteCarlo.run(savedCards(), 10_000, 2);
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(ms).isLessThan(200);
  }
}
