package io.hatrack.planning.plans;

import java.time.Instant;

/**
 * A solved release plan or what-if scenario (with {@code parentId}) as stored: its objective (the
 * plan's value), the solver's bound and gap, and the greedy plan's value, all in value units
 * (scores × 100).
 */
public record Plan(
    long id,
    long productId,
    Long parentId,
    String name,
    StoredRequest request,
    Long modelId,
    String modelName,
    String status,
    long objective,
    long bound,
    double gap,
    long greedyValue,
    long solveMs,
    Instant acceptedAt,
    Instant createdAt,
    long createdBy,
    long version) {

  public boolean scenario() {
    return parentId != null;
  }

  public boolean accepted() {
    return acceptedAt != null;
  }

  /** How much more the plan is worth than greedy's, in per cent of greedy's (0 when both are 0). */
  public double gainPercent() {
    if (greedyValue == 0) {
      return objective == 0 ? 0 : 100;
    }
    return 100.0 * (objective - greedyValue) / greedyValue;
  }

  /** The status, objective, bound and gap in words. */
  public String explained() {
    return switch (status) {
      case "optimal" -> "Proven optimal: no plan within these constraints is worth more.";
      case "feasible" ->
          String.format(
              java.util.Locale.ROOT,
              "Good, not proven best: the solver stopped at its time limit with this plan; no plan"
                  + " can be worth more than %s, so this one is within %.1f %% of the best.",
              PlanItemRow.points(bound),
              gap);
      default -> "No plan was found within the time limit.";
    };
  }
}
