package io.hatrack.planning.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says, for each item a plan leaves out, what binds: it is excluded; something it depends on is not
 * planned; a team's capacity is used up in every period it could go in (naming the team and the
 * periods, within its deadline); or, when it would fit, the MoSCoW rule or the value it would
 * displace elsewhere.
 */
final class LeftOutReasons {
  private LeftOutReasons() {}

  static List<LeftOutItem> explain(PlanningProblem problem, Map<String, String> assignment) {
    Map<String, Integer> index = problem.periodIndex();
    Map<String, int[]> left = remaining(problem, assignment, index);
    Map<String, List<String>> deps = ConflictCheck.dependsOn(problem);
    List<LeftOutItem> out = new ArrayList<>();
    for (PlanItem item : problem.items()) {
      if (assignment.containsKey(item.id())) {
        continue;
      }
      out.add(new LeftOutItem(item.id(), reason(problem, item, assignment, left, deps, index)));
    }
    return out;
  }

  private static String reason(
      PlanningProblem problem,
      PlanItem item,
      Map<String, String> assignment,
      Map<String, int[]> left,
      Map<String, List<String>> deps,
      Map<String, Integer> index) {
    if (item.excluded()) {
      return "Excluded from the plan.";
    }
    for (String d : deps.getOrDefault(item.id(), List.of())) {
      if (!assignment.containsKey(d)) {
        return "It depends on " + d + ", which is not in the plan.";
      }
    }
    int earliest = 0;
    for (String d : deps.getOrDefault(item.id(), List.of())) {
      earliest = Math.max(earliest, index.get(assignment.get(d)));
    }
    int last = problem.lastAllowed(item);
    String deadline = item.deadline().map(d -> " (its deadline is " + d + ")").orElse("");
    if (earliest > last) {
      return "What it depends on is planned in "
          + problem.periods().get(earliest).id()
          + ", after its deadline "
          + item.deadline().orElse("")
          + ".";
    }
    Map<String, List<String>> fullFor = new TreeMap<>();
    boolean fitsSomewhere = false;
    for (int p = earliest; p <= last; p++) {
      boolean fits = true;
      for (Map.Entry<String, Integer> e : item.effort().entrySet()) {
        int room = left.get(e.getKey())[p];
        if (room < e.getValue()) {
          fits = false;
          fullFor
              .computeIfAbsent(e.getKey(), t -> new ArrayList<>())
              .add(
                  problem.periods().get(p).id()
                      + " ("
                      + room
                      + " of "
                      + e.getValue()
                      + " units left)");
        }
      }
      fitsSomewhere |= fits;
    }
    if (!fitsSomewhere) {
      List<String> parts = new ArrayList<>();
      fullFor.forEach(
          (team, periods) ->
              parts.add("team " + team + " is full in " + String.join(", ", periods)));
      return "No room: " + String.join("; ", parts) + deadline + ".";
    }
    if (problem.options().moscowRule() && item.moscow() == Moscow.MUST) {
      return "Adding this Must-have would take Must-haves above "
          + PlanOptions.MUST_HAVE_PERCENT
          + " % of the planned effort.";
    }
    if (item.value() == 0) {
      return "It would fit, but its value is 0, so it adds nothing to the plan.";
    }
    return "It would fit in the room left; the solver stopped at its time limit before adding it.";
  }

  private static Map<String, int[]> remaining(
      PlanningProblem problem, Map<String, String> assignment, Map<String, Integer> index) {
    Map<String, int[]> left = new HashMap<>();
    int periods = problem.periods().size();
    for (String team : problem.teams()) {
      int[] caps = new int[periods];
      for (int p = 0; p < periods; p++) {
        caps[p] = problem.periods().get(p).capacityOf(team);
      }
      left.put(team, caps);
    }
    for (PlanItem item : problem.items()) {
      String period = assignment.get(item.id());
      if (period != null) {
        int p = index.get(period);
        item.effort().forEach((team, units) -> left.get(team)[p] -= units);
      }
    }
    return left;
  }
}
