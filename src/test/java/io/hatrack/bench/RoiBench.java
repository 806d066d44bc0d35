package io.hatrack.bench;

import io.hatrack.planning.roi.Amount;
import io.hatrack.planning.roi.LineKind;
import io.hatrack.planning.roi.MonteCarlo;
import io.hatrack.planning.roi.Periodicity;
import io.hatrack.planning.roi.RoiInputs;
import io.hatrack.planning.roi.RoiLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Monte Carlo benchmark of issue 5 (target: 10,000 draws of a realistic model in ≤ 200 ms): the
 * demo's "One-click saved cards" model (36 months, 6 lines, 4 of them uncertain) and a large one
 * (120 months, 30 lines, all uncertain, PERT and triangular), each run {@code RUNS} times (default
 * 50) with 10,000 draws and a new seed after the first, cold, run; prints the cold time and the
 * median, p95 and maximum of the warm runs. Run it with {@code bench/roi-bench.sh}.
 */
public final class RoiBench {
  private RoiBench() {}

  static RoiInputs savedCards() {
    return new RoiInputs(
        Periodicity.MONTHLY,
        36,
        0.10,
        List.of(
            new RoiLine(LineKind.ONE_OFF_COST, "Build", 0, 0, 0, Amount.pert(95e3, 120e3, 170e3)),
            new RoiLine(LineKind.ONE_OFF_COST, "PCI review", 2, 2, 0, Amount.fixed(15e3)),
            new RoiLine(LineKind.RECURRING_COST, "Vault fees", 3, 36, 0, Amount.fixed(1_800)),
            new RoiLine(LineKind.NEW_REVENUE, "Uplift", 3, 36, 6, Amount.pert(6e3, 11e3, 18e3)),
            new RoiLine(
                LineKind.RETAINED_REVENUE, "Churn", 6, 36, 6, Amount.triangular(1e3, 3e3, 6e3)),
            new RoiLine(
                LineKind.COST_SAVED, "Support", 3, 36, 0, Amount.triangular(300, 700, 1_200))));
  }

  static RoiInputs large() {
    List<RoiLine> lines = new ArrayList<>();
    LineKind[] kinds = LineKind.values();
    for (int i = 0; i < 30; i++) {
      LineKind kind = kinds[i % kinds.length];
      int from = kind.once() ? i % 12 : 1 + i % 12;
      int to = kind.once() ? from : 120;
      double likely = 1_000 + 500 * i;
      Amount a =
          i % 2 == 0
              ? Amount.pert(likely * 0.7, likely, likely * 1.6)
              : Amount.triangular(likely * 0.8, likely, likely * 1.3);
      lines.add(new RoiLine(kind, "Line " + i, from, to, kind.cost() ? 0 : i % 6, a));
    }
    return new RoiInputs(Periodicity.MONTHLY, 120, 0.08, lines);
  }

  public static void main(String[] args) {
    int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "50"));
    int draws = Integer.parseInt(System.getenv().getOrDefault("DRAWS", "10000"));
    measure("saved cards: 36 months, 6 lines (4 uncertain)", savedCards(), runs, draws);
    measure("large: 120 months, 30 lines (all uncertain)", large(), runs, draws);
  }

  private static void measure(String name, RoiInputs in, int runs, int draws) {
    long start = System.nanoTime();
    MonteCarlo.Simulation first = MonteCarlo.run(in, draws, 1);
    double cold = (System.nanoTime() - start) / 1e6;
    double[] ms = new double[runs];
    double sink = first.p50();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      sink += MonteCarlo.run(in, draws, 2 + i).p50();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%s, %,d draws: cold %.1f ms; warm (%d runs) median %.2f ms, p95 %.2f ms, max %.2f ms"
            + " (P50 %,.0f, check %.0f)%n",
        name,
        draws,
        cold,
        runs,
        ms[runs / 2],
        ms[(int) Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)],
        ms[runs - 1],
        first.p50(),
        sink / (runs + 1));
  }
}
