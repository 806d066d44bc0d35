package io.hatrack.planning.plans;

import java.util.List;
import java.util.Map;

/**
 * What a what-if scenario changes in its base plan: a team's capacity in a period up or down (in
 * the team's unit), items dropped, deadlines moved (item key → last period).
 */
public record ScenarioChanges(
    String name, List<CapacityChange> capacity, List<String> drop, Map<String, String> deadlines) {

  /** A team's capacity in a period changed by {@code change} (negative for less). */
  public record CapacityChange(String team, String period, Double change) {}

  public ScenarioChanges {
    capacity = capacity == null ? List.of() : List.copyOf(capacity);
    drop = drop == null ? List.of() : List.copyOf(drop);
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
  }

  public static ScenarioChanges none() {
    return new ScenarioChanges(null, null, null, null);
  }

  public boolean unchanged() {
    return capacity.isEmpty() && drop.isEmpty() && deadlines.isEmpty();
  }
}
