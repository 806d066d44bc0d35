package io.hatrack.planning.roi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Monte Carlo run of an ROI model's NPV. Each draw takes one amount per uncertain line from its
 * distribution (the line's level is uncertain, the same in every period of the line), builds the
 * cash flows and their NPV. A {@link SplittableRandom} seeded with {@code seed} makes the run
 * reproducible: the same inputs and seed give the same draws on every machine.
 *
 * <p>Percentiles are linearly interpolated between the closest ranks of the sorted draws (Hyndman
 * and Fan's definition 7, as Excel's {@code PERCENTILE.INC} and NumPy's default). The histogram has
 * {@link #BINS} equal-width bins from the smallest to the largest NPV drawn.
 */
public final class MonteCarlo {
  public static final int DEFAULT_DRAWS = 10_000;
  public static final int MAX_DRAWS = 100_000;
  public static final int BINS = 30;

  private MonteCarlo() {}

  /** The outcome of a run. */
  public record Simulation(
      int draws,
      long seed,
      double mean,
      double p10,
      double p50,
      double p90,
      double probabilityPositive,
      double min,
      double max,
      List<Bin> histogram) {
    public Simulation {
      histogram = List.copyOf(histogram);
    }
  }

  /** A histogram bin [from, to) (the last includes {@code to}) with its count of draws. */
  public record Bin(double from, double to, int count) {}

  public static Simulation run(RoiInputs in, int draws, long seed) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws " + draws);
    }
    double[] npvs = draw(in, draws, seed);
    double sum = 0;
    int positive = 0;
    for (double v : npvs) {
      sum += v;
      if (v > 0) {
        positive++;
      }
    }
    Arrays.sort(npvs);
    return new Simulation(
        draws,
        seed,
        sum / draws,
        percentile(npvs, 0.10),
        percentile(npvs, 0.50),
        percentile(npvs, 0.90),
        positive / (double) draws,
        npvs[0],
        npvs[draws - 1],
        histogram(npvs));
  }

  /** The NPV of each draw, in the order drawn. */
  static double[] draw(RoiInputs in, int draws, long seed) {
    // NPV is linear in each line's amount: NPV = Σ amount_i × pv_i, where pv_i is the present
    // value of the line's per-period shares. So a draw costs one multiply-add per line.
    double[] factors = Npv.factors(in.periodRate(), in.horizon());
    double[][] shares = in.shares();
    List<RoiLine> lines = in.lines();
    double[] pv = new double[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      for (int t = 0; t <= in.horizon(); t++) {
        pv[i] += shares[i][t] * factors[t];
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] npvs = new double[draws];
    for (int d = 0; d < draws; d++) {
      double npv = 0;
      for (int i = 0; i < pv.length; i++) {
        Amount a = lines.get(i).amount();
        double amount =
            a.uncertain() ? a.spread().draw(a.low(), a.likely(), a.high(), random) : a.likely();
        npv += amount * pv[i];
      }
      npvs[d] = npv;
    }
    return npvs;
  }

  /** The p-quantile (0..1) of sorted values, linear between closest ranks (type 7). */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  static List<Bin> histogram(double[] sorted) {
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    List<Bin> bins = new ArrayList<>();
    if (max <= min) {
      bins.add(new Bin(min, max, sorted.length));
      return bins;
    }
    double width = (max - min) / BINS;
    int[] counts = new int[BINS];
    for (double v : sorted) {
      counts[Math.min(BINS - 1, (int) ((v - min) / width))]++;
    }
    for (int b = 0; b < BINS; b++) {
      bins.add(new Bin(min + b * width, b == BINS - 1 ? max : min + (b + 1) * width, counts[b]));
    }
    return bins;
  }
}
