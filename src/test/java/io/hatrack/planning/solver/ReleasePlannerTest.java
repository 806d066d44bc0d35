package io.hatrack.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleasePlannerTest {
  private final ReleasePlanner planner = new ReleasePlanner();

  private static PlanItem item(String id, long value, int devEffort) {
    return PlanItem.of(id, value, Map.of("dev", devEffort));
  }

  private static Period period(String id, int devCapacity) {
    return new Period(id, Map.of("dev", devCapacity));
  }

  private static PlanningProblem problem(
      List<PlanItem> items, List<Period> periods, List<Dependency> deps) {
    return new PlanningProblem(
        items, List.of("dev"), periods, deps, PlanOptions.defaults().withWorkers(1));
  }

  private static String reasonFor(ReleasePlan plan, String item) {
    return plan.leftOut().stream()
        .filter(l -> l.item().equals(item))
        .map(LeftOutItem::reason)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void solverBeatsGreedyOnAKnapsackWhereTheBestRatioDoesNotPay() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 7, 6), item("B", 5, 5), item("C", 5, 5)),
                List.of(period("P1", 10)),
                List.of()));

    assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(plan.assignment()).isEqualTo(Map.of("B", "P1", "C", "P1"));
    assertThat(plan.objective()).isEqualTo(10);
    assertThat(plan.bound()).isEqualTo(10);
    assertThat(plan.gapPercent()).isZero();
    assertThat(plan.greedy().assignment()).isEqualTo(Map.of("A", "P1"));
    assertThat(plan.greedy().value()).isEqualTo(7);
    assertThat(plan.gainOverGreedy()).isEqualTo(3);
    assertThat(reasonFor(plan, "A")).contains("team dev is full in P1", "0 of 6 units left");
  }

  @Test
  void anItemIsPlannedNoEarlierThanWhatItDependsOn() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 1, 5), item("B", 100, 5)),
                List.of(period("P1", 5), period("P2", 5)),
                List.of(new Dependency("B", "A"))));

    assertThat(plan.assignment()).isEqualTo(Map.of("A", "P1", "B", "P2"));
    assertThat(plan.objective()).isEqualTo(101);
  }

  @Test
  void anItemWhoseDependencyIsExcludedIsLeftOutWithThatReason() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 1, 1).asExcluded(), item("B", 100, 1)),
                List.of(period("P1", 5)),
                List.of(new Dependency("B", "A"))));

    assertThat(plan.assignment()).isEmpty();
    assertThat(reasonFor(plan, "A")).isEqualTo("Excluded from the plan.");
    assertThat(reasonFor(plan, "B")).contains("depends on A", "not in the plan");
  }

  @Test
  void anItemWithADeadlineIsNeverPlannedAfterIt() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(
                    item("X", 10, 5).withDeadline("P1"),
                    item("Y", 20, 5).withDeadline("P1"),
                    item("Z", 1, 5)),
                List.of(period("P1", 5), period("P2", 5)),
                List.of()));

    assertThat(plan.assignment()).isEqualTo(Map.of("Y", "P1", "Z", "P2"));
    assertThat(reasonFor(plan, "X")).contains("team dev is full in P1", "deadline is P1");
  }

  @Test
  void aPinnedItemIsPlannedInItsPeriodEvenWhenWorthLess() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 10, 5), item("B", 3, 5).pinnedTo("P1")),
                List.of(period("P1", 5)),
                List.of()));

    assertThat(plan.assignment()).isEqualTo(Map.of("B", "P1"));
    assertThat(plan.objective()).isEqualTo(3);
  }

  @Test
  void anExcludedItemStaysOutWhateverItsValue() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 1000, 1).asExcluded(), item("B", 1, 1)),
                List.of(period("P1", 5)),
                List.of()));

    assertThat(plan.assignment()).isEqualTo(Map.of("B", "P1"));
    assertThat(plan.greedy().assignment()).doesNotContainKey("A");
  }

  @Test
  void aCostOfDelayDiscountPrefersValueNowOverMoreValueLater() {
    PlanningProblem base =
        problem(
            List.of(item("A", 0, 10), item("B", 200, 10), item("C", 120, 10)),
            List.of(period("P1", 10), period("P2", 10)),
            List.of(new Dependency("B", "A")));

    ReleasePlan flat = planner.solve(base);
    ReleasePlan discounted = planner.solve(base.withOptions(base.options().withDiscount(0.5)));

    assertThat(flat.assignment()).containsEntry("A", "P1").containsEntry("B", "P2");
    assertThat(flat.objective()).isEqualTo(200);
    assertThat(discounted.assignment()).containsEntry("C", "P1").doesNotContainKey("B");
    assertThat(discounted.objective()).isEqualTo(120);
  }

  @Test
  void theMoscowRuleKeepsMustHavesAtMostSixtyPercentOfPlannedEffort() {
    PlanningProblem base =
        problem(
            List.of(
                item("M1", 100, 5).withMoscow(Moscow.MUST),
                item("M2", 100, 3).withMoscow(Moscow.MUST),
                item("S1", 10, 2)),
            List.of(period("P1", 10)),
            List.of());

    ReleasePlan free = planner.solve(base);
    ReleasePlan ruled = planner.solve(base.withOptions(base.options().withMoscowRule(true)));

    assertThat(free.assignment()).containsOnlyKeys("M1", "M2", "S1");
    assertThat(ruled.assignment()).isEqualTo(Map.of("M2", "P1", "S1", "P1"));
    assertThat(reasonFor(ruled, "M1")).contains("Must-haves above 60 %");
    assertThat(ruled.greedy().value()).isLessThanOrEqualTo(ruled.objective());
  }

  @Test
  void aCircularDependencyIsNamed() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 1, 1), item("B", 1, 1), item("C", 1, 1)),
                List.of(period("P1", 5)),
                List.of(
                    new Dependency("A", "B"), new Dependency("B", "C"), new Dependency("C", "A"))));

    assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
    assertThat(plan.assignment()).isEmpty();
    assertThat(plan.conflicts()).containsExactly("Circular dependency: A → B → C → A.");
  }

  @Test
  void pinsAboveATeamsCapacityAreExplained() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 1, 6).pinnedTo("P1"), item("B", 1, 6).pinnedTo("P1")),
                List.of(period("P1", 10)),
                List.of()));

    assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
    assertThat(plan.conflicts())
        .containsExactly("Pinned items A, B need 12 units of team dev in P1, which has only 10.");
  }

  @Test
  void aPinnedItemThatDependsOnAnExcludedOneIsExplained() {
    ReleasePlan plan =
        planner.solve(
            problem(
                List.of(item("A", 1, 1).asExcluded(), item("B", 1, 1).pinnedTo("P1")),
                List.of(period("P1", 10)),
                List.of(new Dependency("B", "A"))));

    assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
    assertThat(plan.conflicts())
        .containsExactly("Item B is pinned to P1 but depends on A, which is excluded.");
  }

  @Test
  void aPinWhoseDependencyCannotFitEarlierIsNamedByTheSolver() {
    PlanItem pinned = PlanItem.of("A", 5, Map.of("ops", 1)).pinnedTo("P1");
    PlanItem needed = PlanItem.of("B", 5, Map.of("dev", 5));
    ReleasePlan plan =
        planner.solve(
            new PlanningProblem(
                List.of(pinned, needed),
                List.of("dev", "ops"),
                List.of(new Period("P1", Map.of("dev", 3, "ops", 5)), period("P2", 10)),
                List.of(new Dependency("A", "B")),
                PlanOptions.defaults().withWorkers(1)));

    assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
    assertThat(plan.conflicts()).singleElement().asString().contains("pins of items A");
  }

  @Test
  void theSameSeedGivesTheSamePlan() {
    PlanOptions options =
        PlanOptions.defaults().withSeed(7).withWorkers(1).withTimeLimit(Duration.ofSeconds(5));
    PlanningProblem p = PlanGenerator.generate(42, 30, 3, 3, 10, options);

    ReleasePlan first = planner.solve(p);
    ReleasePlan second = planner.solve(p);

    assertThat(first.status()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(second.assignment()).isEqualTo(first.assignment());
    assertThat(second.objective()).isEqualTo(first.objective());
    assertThat(first.objective()).isGreaterThanOrEqualTo(first.greedy().value());
  }

  /**
   * The solver bounds its objective by the relaxation with cumulative capacity; were that bound
   * ever below the best plan, it would cut the best plan off. Checked against every possible plan
   * of small generated instances, with and without a cost-of-delay discount.
   */
  @Test
  void theBoundFromCumulativeCapacityNeverCutsOffTheBestPlan() {
    for (int seed = 1; seed <= 12; seed++) {
      PlanOptions options =
          PlanOptions.defaults()
              .withWorkers(2)
              .withTimeLimit(Duration.ofSeconds(20))
              .withDiscount(seed % 2 == 0 ? 0 : 0.2);
      PlanningProblem p = PlanGenerator.generate(seed, 8, 2, 3, 3, options);

      ReleasePlan plan = planner.solve(p);

      assertThat(plan.status()).as("seed %d", seed).isEqualTo(PlanStatus.OPTIMAL);
      assertThat(plan.objective()).as("seed %d", seed).isEqualTo(bestByEnumeration(p));
    }
  }

  /** The best value over every assignment of items to periods or to none. */
  private static long bestByEnumeration(PlanningProblem p) {
    return enumerate(p, 0, new int[p.items().size()]);
  }

  private static long enumerate(PlanningProblem p, int next, int[] period) {
    if (next == p.items().size()) {
      return feasible(p, period) ? value(p, period) : -1;
    }
    long best = -1;
    for (int q = -1; q <= p.lastAllowed(p.items().get(next)); q++) {
      period[next] = q;
      best = Math.max(best, enumerate(p, next + 1, period));
    }
    return best;
  }

  private static boolean feasible(PlanningProblem p, int[] period) {
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < p.items().size(); i++) {
      index.put(p.items().get(i).id(), i);
    }
    for (Dependency d : p.dependencies()) {
      int item = period[index.get(d.item())];
      int needed = period[index.get(d.dependsOn())];
      if (item >= 0 && (needed < 0 || needed > item)) {
        return false;
      }
    }
    for (int q = 0; q < p.periods().size(); q++) {
      for (String team : p.teams()) {
        int load = 0;
        for (int i = 0; i < period.length; i++) {
          if (period[i] == q) {
            load += p.items().get(i).effort().getOrDefault(team, 0);
          }
        }
        if (load > p.periods().get(q).capacityOf(team)) {
          return false;
        }
      }
    }
    return true;
  }

  private static long value(PlanningProblem p, int[] period) {
    long sum = 0;
    for (int i = 0; i < period.length; i++) {
      if (period[i] >= 0) {
        sum += p.options().discounted(p.items().get(i).value(), period[i]);
      }
    }
    return sum;
  }

  @Test
  void zeroEffortIsRefusedWithTheField() {
    assertThatThrownBy(() -> item("A", 1, 0))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("effort")).contains("greater than 0"));
  }
}
