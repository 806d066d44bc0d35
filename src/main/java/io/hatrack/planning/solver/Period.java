package io.hatrack.planning.solver;

import io.hatrack.kernel.Invalid;
import java.util.Map;

/**
 * A planning period (sprint, month or quarter) with each team's capacity in effort units; a team
 * missing from the map has no capacity in it.
 */
public record Period(String id, Map<String, Integer> capacity) {
  public Period {
    if (id == null || id.isBlank()) {
      throw Invalid.field("periods", "a period needs an id");
    }
    for (Map.Entry<String, Integer> e : capacity.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw Invalid.field(
            "capacity",
            "team "
                + e.getKey()
                + " has capacity "
                + e.getValue()
                + " in "
                + id
                + "; capacity must be 0 or more");
      }
    }
    capacity = Map.copyOf(capacity);
  }

  public int capacityOf(String team) {
    return capacity.getOrDefault(team, 0);
  }
}
