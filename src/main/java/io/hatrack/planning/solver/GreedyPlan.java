package io.hatrack.planning.solver;

import java.util.Map;

/**
 * The plan of "sort by value per unit of total effort, then fill the periods in order", with its
 * (discounted) value.
 */
public record GreedyPlan(Map<String, String> assignment, long value) {
  public GreedyPlan {
    assignment = Map.copyOf(assignment);
  }
}
