package io.hatrack.planning.solver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The planner's answer.
 *
 * @param status how far the solver got
 * @param assignment item id → period id, for planned items (empty unless OPTIMAL or FEASIBLE)
 * @param objective the plan's total (discounted) value
 * @param bound the solver's best bound: no plan is worth more
 * @param gapPercent (bound − objective) / bound in per cent; 0 when proven optimal
 * @param solveTime the wall-clock time spent
 * @param greedy the greedy baseline on the same problem
 * @param leftOut each item not in the plan, with the reason
 * @param conflicts when INFEASIBLE: the constraints that conflict, in words
 */
public record ReleasePlan(
    PlanStatus status,
    Map<String, String> assignment,
    long objective,
    long bound,
    double gapPercent,
    Duration solveTime,
    GreedyPlan greedy,
    List<LeftOutItem> leftOut,
    List<String> conflicts) {

  public ReleasePlan {
    assignment = Map.copyOf(assignment);
    leftOut = List.copyOf(leftOut);
    conflicts = List.copyOf(conflicts);
  }

  /** How much more the plan is worth than the greedy one (negative if less). */
  public long gainOverGreedy() {
    return objective - greedy.value();
  }

  /** The gain over greedy in per cent of the greedy value; 0 when both are 0. */
  public double gainOverGreedyPercent() {
    if (greedy.value() == 0) {
      return objective == 0 ? 0 : 100;
    }
    return 100.0 * gainOverGreedy() / greedy.value();
  }

  public boolean hasPlan() {
    return status == PlanStatus.OPTIMAL || status == PlanStatus.FEASIBLE;
  }
}
