package io.hatrack.planning.solver;

import io.hatrack.kernel.Invalid;
import java.util.Map;
import java.util.Optional;

/**
 * A backlog item as the planner sees it.
 *
 * @param id unique within the problem
 * @param value the item's value (from the chosen scoring model), at least 0
 * @param effort units of effort each team needs, every one greater than 0
 * @param deadline the last period the item may be planned in, if any
 * @param pinned the period the item must be planned in, if any
 * @param excluded true when the item must stay out of the plan
 * @param moscow its MoSCoW category (only used by the 60 % rule)
 */
public record PlanItem(
    String id,
    long value,
    Map<String, Integer> effort,
    Optional<String> deadline,
    Optional<String> pinned,
    boolean excluded,
    Moscow moscow) {

  public PlanItem {
    if (id == null || id.isBlank()) {
      throw Invalid.field("id", "an item needs an id");
    }
    if (value < 0) {
      throw Invalid.field("value", "item " + id + " has a negative value (" + value + ")");
    }
    if (effort == null || effort.isEmpty()) {
      throw Invalid.field("effort", "item " + id + " needs an effort for at least one team");
    }
    for (Map.Entry<String, Integer> e : effort.entrySet()) {
      if (e.getValue() == null || e.getValue() <= 0) {
        throw Invalid.field(
            "effort",
            "item "
                + id
                + " has effort "
                + e.getValue()
                + " for team "
                + e.getKey()
                + "; effort must be greater than 0");
      }
    }
    effort = Map.copyOf(effort);
    deadline = deadline == null ? Optional.empty() : deadline;
    pinned = pinned == null ? Optional.empty() : pinned;
    moscow = moscow == null ? Moscow.SHOULD : moscow;
  }

  /** An item with no deadline, pin or exclusion, categorised Should-have. */
  public static PlanItem of(String id, long value, Map<String, Integer> effort) {
    return new PlanItem(
        id, value, effort, Optional.empty(), Optional.empty(), false, Moscow.SHOULD);
  }

  public PlanItem withDeadline(String period) {
    return new PlanItem(id, value, effort, Optional.of(period), pinned, excluded, moscow);
  }

  public PlanItem pinnedTo(String period) {
    return new PlanItem(id, value, effort, deadline, Optional.of(period), excluded, moscow);
  }

  public PlanItem asExcluded() {
    return new PlanItem(id, value, effort, deadline, pinned, true, moscow);
  }

  public PlanItem withMoscow(Moscow category) {
    return new PlanItem(id, value, effort, deadline, pinned, excluded, category);
  }

  /** The sum of the item's effort over all teams. */
  public long totalEffort() {
    return effort.values().stream().mapToLong(Integer::longValue).sum();
  }
}
