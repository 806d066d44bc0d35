package io.hatrack.planning.solver;

import io.hatrack.kernel.Invalid;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A release-planning problem: items, teams, ordered periods with capacity, dependencies and
 * options. The constructor checks that every name refers to something that exists.
 */
public record PlanningProblem(
    List<PlanItem> items,
    List<String> teams,
    List<Period> periods,
    List<Dependency> dependencies,
    PlanOptions options) {

  public PlanningProblem {
    items = List.copyOf(items);
    teams = List.copyOf(teams);
    periods = List.copyOf(periods);
    dependencies = List.copyOf(dependencies);
    if (periods.isEmpty()) {
      throw Invalid.field("periods", "pick at least one period");
    }
    Set<String> teamSet = new HashSet<>(teams);
    if (teamSet.size() != teams.size()) {
      throw Invalid.field("teams", "a team is named twice");
    }
    Set<String> periodIds = new HashSet<>();
    for (Period p : periods) {
      if (!periodIds.add(p.id())) {
        throw Invalid.field("periods", "period " + p.id() + " is named twice");
      }
      for (String t : p.capacity().keySet()) {
        if (!teamSet.contains(t)) {
          throw Invalid.field("capacity", "period " + p.id() + " names unknown team " + t);
        }
      }
    }
    Set<String> itemIds = new HashSet<>();
    for (PlanItem i : items) {
      if (!itemIds.add(i.id())) {
        throw Invalid.field("items", "item " + i.id() + " is named twice");
      }
      for (String t : i.effort().keySet()) {
        if (!teamSet.contains(t)) {
          throw Invalid.field("effort", "item " + i.id() + " names unknown team " + t);
        }
      }
      checkPeriod(periodIds, "deadline", i.id(), i.deadline());
      checkPeriod(periodIds, "pinned", i.id(), i.pinned());
    }
    for (Dependency d : dependencies) {
      if (!itemIds.contains(d.item()) || !itemIds.contains(d.dependsOn())) {
        throw Invalid.field(
            "dependencies",
            "dependency " + d.item() + " → " + d.dependsOn() + " names an unknown item");
      }
    }
  }

  private static void checkPeriod(
      Set<String> periodIds, String field, String item, Optional<String> period) {
    if (period.isPresent() && !periodIds.contains(period.get())) {
      throw Invalid.field(field, "item " + item + " names unknown period " + period.get());
    }
  }

  /** The position of each period, 0 for the first. */
  public Map<String, Integer> periodIndex() {
    Map<String, Integer> index = new HashMap<>();
    for (int p = 0; p < periods.size(); p++) {
      index.put(periods.get(p).id(), p);
    }
    return index;
  }

  /** The last period index an item may use: its deadline, or the last period. */
  public int lastAllowed(PlanItem item) {
    return item.deadline().map(d -> periodIndex().get(d)).orElse(periods.size() - 1);
  }

  public PlanningProblem withOptions(PlanOptions o) {
    return new PlanningProblem(items, teams, periods, dependencies, o);
  }

  public PlanningProblem withItems(List<PlanItem> newItems) {
    return new PlanningProblem(newItems, teams, periods, dependencies, options);
  }
}
