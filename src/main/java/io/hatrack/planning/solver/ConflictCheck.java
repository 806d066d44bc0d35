package io.hatrack.planning.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds, before solving, the constraints that cannot hold together, and says which in words:
 * circular dependencies (naming the cycle), pins that contradict exclusions, deadlines or
 * dependencies, and pinned effort above a team's capacity in a period.
 */
final class ConflictCheck {
  private ConflictCheck() {}

  static List<String> conflicts(PlanningProblem problem) {
    List<String> out = new ArrayList<>();
    cycle(problem).ifPresent(c -> out.add("Circular dependency: " + String.join(" → ", c) + "."));
    if (!out.isEmpty()) {
      return out;
    }
    Map<String, PlanItem> byId = new HashMap<>();
    problem.items().forEach(i -> byId.put(i.id(), i));
    Map<String, List<String>> deps = dependsOn(problem);
    Map<String, Integer> index = problem.periodIndex();
    for (PlanItem item : problem.items()) {
      if (item.pinned().isEmpty()) {
        continue;
      }
      String pin = item.pinned().get();
      if (item.excluded()) {
        out.add("Item " + item.id() + " is pinned to " + pin + " and also excluded.");
      }
      if (item.deadline().isPresent() && index.get(pin) > index.get(item.deadline().get())) {
        out.add(
            "Item "
                + item.id()
                + " is pinned to "
                + pin
                + ", after its deadline "
                + item.deadline().get()
                + ".");
      }
      for (String needed : closure(item.id(), deps)) {
        PlanItem other = byId.get(needed);
        if (other.excluded()) {
          out.add(
              "Item "
                  + item.id()
                  + " is pinned to "
                  + pin
                  + " but depends on "
                  + needed
                  + ", which is excluded.");
        } else if (other.pinned().isPresent() && index.get(other.pinned().get()) > index.get(pin)) {
          out.add(
              "Item "
                  + item.id()
                  + " is pinned to "
                  + pin
                  + " but depends on "
                  + needed
                  + ", which is pinned to the later period "
                  + other.pinned().get()
                  + ".");
        }
      }
    }
    out.addAll(pinsOverCapacity(problem));
    return out;
  }

  private static List<String> pinsOverCapacity(PlanningProblem problem) {
    List<String> out = new ArrayList<>();
    for (Period period : problem.periods()) {
      Map<String, Integer> need = new TreeMap<>();
      Map<String, List<String>> who = new TreeMap<>();
      for (PlanItem item : problem.items()) {
        if (item.pinned().filter(period.id()::equals).isEmpty()) {
          continue;
        }
        item.effort()
            .forEach(
                (team, units) -> {
                  need.merge(team, units, Integer::sum);
                  who.computeIfAbsent(team, t -> new ArrayList<>()).add(item.id());
                });
      }
      need.forEach(
          (team, units) -> {
            int cap = period.capacityOf(team);
            if (units > cap) {
              out.add(
                  "Pinned items "
                      + String.join(", ", who.get(team))
                      + " need "
                      + units
                      + " units of team "
                      + team
                      + " in "
                      + period.id()
                      + ", which has only "
                      + cap
                      + ".");
            }
          });
    }
    return out;
  }

  static Map<String, List<String>> dependsOn(PlanningProblem problem) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    for (Dependency d : problem.dependencies()) {
      deps.computeIfAbsent(d.item(), k -> new ArrayList<>()).add(d.dependsOn());
    }
    return deps;
  }

  /** Every item {@code id} depends on, directly or not. */
  static Set<String> closure(String id, Map<String, List<String>> deps) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(deps.getOrDefault(id, List.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(deps.getOrDefault(next, List.of()));
      }
    }
    return seen;
  }

  /** A cycle of dependencies as a path that starts and ends with the same item, if any. */
  static java.util.Optional<List<String>> cycle(PlanningProblem problem) {
    Map<String, List<String>> deps = dependsOn(problem);
    Map<String, Integer> state = new HashMap<>();
    for (PlanItem start : problem.items()) {
      if (state.containsKey(start.id())) {
        continue;
      }
      List<String> path = new ArrayList<>();
      Deque<java.util.Iterator<String>> stack = new ArrayDeque<>();
      path.add(start.id());
      state.put(start.id(), 1);
      stack.push(deps.getOrDefault(start.id(), List.of()).iterator());
      while (!stack.isEmpty()) {
        java.util.Iterator<String> it = stack.peek();
        if (!it.hasNext()) {
          stack.pop();
          state.put(path.remove(path.size() - 1), 2);
          continue;
        }
        String next = it.next();
        Integer s = state.get(next);
        if (s == null) {
          state.put(next, 1);
          path.add(next);
          stack.push(deps.getOrDefault(next, List.of()).iterator());
        } else if (s == 1) {
          List<String> cyc = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
          cyc.add(next);
          return java.util.Optional.of(cyc);
        }
      }
    }
    return java.util.Optional.empty();
  }
}
