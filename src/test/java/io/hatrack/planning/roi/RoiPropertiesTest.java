package io.hatrack.planning.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the ROI maths over generated projects. */
class RoiPropertiesTest {

  /** A conventional project: an outlay today, then positive inflows. */
  private static double[] conventional(double outlay, List<Double> inflows) {
    double[] f = new double[inflows.size() + 1];
    f[0] = -outlay;
    for (int i = 0; i < inflows.size(); i++) {
      f[i + 1] = inflows.get(i);
    }
    return f;
  }

  @Property
  void theNpvAtTheIrrIsZero(
      @ForAll @DoubleRange(min = 100, max = 1e6) double outlay,
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 1, max = 1e5) Double> inflows) {
    double[] flows = conventional(outlay, inflows);

    Irr.Result irr = Irr.of(flows);

    // Near -100 % the NPV is so steep that a rate exact to 1e-10 still leaves a visible NPV, so the
    // root is checked as a bracket: the NPV changes sign within 1e-8 of the rate found.
    assertThat(irr.status()).isEqualTo(Irr.Status.UNIQUE);
    double r = irr.rate();
    assertThat(Npv.of(r - 1e-8, flows) * Npv.of(r + 1e-8, flows)).isLessThanOrEqualTo(0);
    if (r > -0.5) {
      assertThat(Npv.of(r, flows)).isCloseTo(0, within(1e-6 * outlay));
    }
  }

  @Property
  void aHigherDiscountRateNeverRaisesTheNpvOfAConventionalProject(
      @ForAll @DoubleRange(min = 100, max = 1e6) double outlay,
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1e5) Double> inflows,
      @ForAll @DoubleRange(min = 0, max = 1) double rate,
      @ForAll @DoubleRange(min = 0, max = 1) double more) {
    double[] flows = conventional(outlay, inflows);

    assertThat(Npv.of(rate + more, flows)).isLessThanOrEqualTo(Npv.of(rate, flows) + 1e-9);
  }

  @Property
  void theDiscountedPaybackIsNeverEarlierThanTheSimpleOne(
      @ForAll @DoubleRange(min = 100, max = 1e6) double outlay,
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1e5) Double> inflows,
      @ForAll @DoubleRange(min = 0, max = 0.5) double rate) {
    double[] flows = conventional(outlay, inflows);

    var simple = Payback.simple(flows);
    var discounted = Payback.discounted(flows, rate);

    if (discounted.isPresent()) {
      assertThat(simple).isPresent();
      assertThat(discounted.getAsDouble()).isGreaterThanOrEqualTo(simple.getAsDouble() - 1e-9);
    }
  }

  @Property(tries = 30)
  void theSameSeedGivesTheSameP50(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 2_000) int draws) {
    RoiInputs in = MonteCarloTest.savedCards();

    assertThat(MonteCarlo.run(in, draws, seed).p50())
        .isEqualTo(MonteCarlo.run(in, draws, seed).p50());
  }

  @Property(tries = 200)
  void pertAndTriangularMeansLieBetweenLowAndHigh(
      @ForAll @DoubleRange(min = 0, max = 1e6) double a,
      @ForAll @DoubleRange(min = 0, max = 1e6) double b,
      @ForAll @DoubleRange(min = 0, max = 1e6) double c) {
    double[] s = {a, b, c};
    java.util.Arrays.sort(s);

    assertThat(Spread.PERT.mean(s[0], s[1], s[2])).isBetween(s[0] - 1e-6, s[2] + 1e-6);
    assertThat(Spread.TRIANGULAR.mean(s[0], s[1], s[2])).isBetween(s[0] - 1e-6, s[2] + 1e-6);
  }
}
