package io.hatrack.planning.solver;

/**
 * How far the planner got: a plan proven best, a plan that fits without proof, no plan can fit, or
 * none was found within the time limit.
 */
public enum PlanStatus {
  OPTIMAL,
  FEASIBLE,
  INFEASIBLE,
  UNKNOWN
}
