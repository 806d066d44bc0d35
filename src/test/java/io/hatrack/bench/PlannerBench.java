package io.hatrack.bench;

import io.hatrack.planning.solver.PlanGenerator;
import io.hatrack.planning.solver.PlanOptions;
import io.hatrack.planning.solver.PlanStatus;
import io.hatrack.planning.solver.PlanningProblem;
import io.hatrack.planning.solver.ReleasePlan;
import io.hatrack.planning.solver.ReleasePlanner;
import java.time.Duration;
import java.util.Locale;

/**
 * The release-planning benchmark of issue 5, on seeded generated instances ({@link PlanGenerator}):
 *
 * <ol>
 *   <li>one large instance, 500 items, 6 teams, 4 periods, 200 dependencies, with a 10 s limit: the
 *       status, the gap and the time of the plan found (target: a feasible plan in ≤ 10 s);
 *   <li>{@code INSTANCES} (default 50) instances of 20 to 60 items (3 teams, 4 periods, a
 *       dependency per three items, every other one with a 10 % cost-of-delay discount): how many
 *       are proven optimal, whether any is worse than greedy, and the mean and worst gain over
 *       greedy in per cent.
 * </ol>
 *
 * Run it with {@code bench/planner-bench.sh}; {@code SEED} and {@code WORKERS} change the seed and
 * the solver's workers, {@code LIMIT} the seconds per instance, and {@code ONLY} (instance numbers
 * such as {@code 39,43}) runs those instances alone, without the large one: for proving the hardest
 * ones optimal with a longer limit.
 */
public final class PlannerBench {
  private static final long LIMIT_SECONDS =
      Long.parseLong(System.getenv().getOrDefault("LIMIT", "60"));

  private PlannerBench() {}

  public static void main(String[] args) {
    long seed = Long.parseLong(System.getenv().getOrDefault("SEED", "2026"));
    int workers =
        Integer.parseInt(
            System.getenv().getOrDefault("WORKERS", Integer.toString(PlanOptions.WORKERS)));
    int instances = Integer.parseInt(System.getenv().getOrDefault("INSTANCES", "50"));
    java.util.Set<Integer> only = new java.util.TreeSet<>();
    for (String n : System.getenv().getOrDefault("ONLY", "").split(",")) {
      if (!n.isBlank()) {
        only.add(Integer.parseInt(n.trim()));
      }
    }
    ReleasePlanner planner = new ReleasePlanner();
    PlanOptions base = PlanOptions.defaults().withSeed((int) seed).withWorkers(workers);

    long loadStart = System.nanoTime();
    planner.solve(PlanGenerator.generate(seed, 5, 1, 1, 0, base));
    System.out.printf(
        Locale.ROOT,
        "First solve (loads OR-Tools natives): %.0f ms%n",
        (System.nanoTime() - loadStart) / 1e6);

    if (!only.isEmpty()) {
      solveOnly(planner, base, seed, instances, only);
      return;
    }
    PlanningProblem large =
        PlanGenerator.generate(seed, 500, 6, 4, 200, base.withTimeLimit(Duration.ofSeconds(10)));
    ReleasePlan big = planner.solve(large);
    System.out.printf(
        Locale.ROOT,
        "500 items, 6 teams, 4 periods, 200 dependencies: %s in %.2f s, objective %d, bound %d,"
            + " gap %.3f %%, %d planned; greedy %d (gain %+.2f %%)%n",
        big.status(),
        big.solveTime().toMillis() / 1000.0,
        big.objective(),
        big.bound(),
        big.gapPercent(),
        big.assignment().size(),
        big.greedy().value(),
        big.gainOverGreedyPercent());

    int optimal = 0;
    int worse = 0;
    double sumGain = 0;
    double worstGain = Double.MAX_VALUE;
    double bestGain = -Double.MAX_VALUE;
    long maxMillis = 0;
    for (int i = 0; i < instances; i++) {
      int items = items(i, instances);
      ReleasePlan plan = planner.solve(instance(seed, i, instances, base));
      System.out.printf(
          Locale.ROOT,
          "  instance %2d: %2d items, %s, %d ms, gain %+.2f %%%n",
          i + 1,
          items,
          plan.status(),
          plan.solveTime().toMillis(),
          plan.gainOverGreedyPercent());
      optimal += plan.status() == PlanStatus.OPTIMAL ? 1 : 0;
      worse += plan.objective() < plan.greedy().value() ? 1 : 0;
      double gain = plan.gainOverGreedyPercent();
      sumGain += gain;
      worstGain = Math.min(worstGain, gain);
      bestGain = Math.max(bestGain, gain);
      maxMillis = Math.max(maxMillis, plan.solveTime().toMillis());
    }
    System.out.printf(
        Locale.ROOT,
        "%d instances of 20-60 items: %d proven optimal, %d worse than greedy; gain over greedy"
            + " mean %.2f %%, worst %.2f %%, best %.2f %%; slowest %d ms%n",
        instances,
        optimal,
        worse,
        sumGain / instances,
        worstGain,
        bestGain,
        maxMillis);
  }

  private static int items(int i, int instances) {
    return 20 + (i * 40) / Math.max(1, instances - 1);
  }

  /** The {@code i}-th (0-based) of the small instances; odd ones discount later periods by 10 %. */
  private static PlanningProblem instance(long seed, int i, int instances, PlanOptions base) {
    int items = items(i, instances);
    PlanOptions options =
        base.withTimeLimit(Duration.ofSeconds(LIMIT_SECONDS)).withDiscount(i % 2 == 0 ? 0 : 0.1);
    return PlanGenerator.generate(seed + i + 1, items, 3, 4, items / 3, options);
  }

  private static void solveOnly(
      ReleasePlanner planner,
      PlanOptions base,
      long seed,
      int instances,
      java.util.Set<Integer> only) {
    for (int number : only) {
      ReleasePlan plan = planner.solve(instance(seed, number - 1, instances, base));
      System.out.printf(
          Locale.ROOT,
          "  instance %2d: %2d items, %s in %.1f s (limit %d s), objective %d, bound %d, gap %.3f"
              + " %%, gain over greedy %+.2f %%%n",
          number,
          items(number - 1, instances),
          plan.status(),
          plan.solveTime().toMillis() / 1000.0,
          LIMIT_SECONDS,
          plan.objective(),
          plan.bound(),
          plan.gapPercent(),
          plan.gainOverGreedyPercent());
    }
  }
}
