package io.hatrack.planning.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a spreadsheet gives: pinned items first, then the others sorted by value per unit of
 * total effort (highest first, ties by id), each put in the earliest period where every team it
 * needs still has room, no earlier than the items it depends on and no later than its deadline.
 * Items whose dependencies are not yet placed wait for the next pass; passes repeat until nothing
 * changes. With the MoSCoW rule a Must-have is skipped when it would lift Must-haves above 60 % of
 * the effort planned so far.
 */
final class GreedyPlanner {
  private GreedyPlanner() {}

  static GreedyPlan plan(PlanningProblem problem) {
    Map<String, Integer> index = problem.periodIndex();
    int periods = problem.periods().size();
    Map<String, int[]> left = new HashMap<>();
    for (String team : problem.teams()) {
      int[] caps = new int[periods];
      for (int p = 0; p < periods; p++) {
        caps[p] = problem.periods().get(p).capacityOf(team);
      }
      left.put(team, caps);
    }
    Map<String, List<String>> deps = ConflictCheck.dependsOn(problem);
    Map<String, Integer> placed = new LinkedHashMap<>();
    long[] mustAndAll = new long[2];
    List<PlanItem> order = new ArrayList<>(problem.items());
    order.sort(
        Comparator.comparing((PlanItem i) -> i.pinned().isEmpty())
            .thenComparing(
                (PlanItem i) -> (double) i.value() / i.totalEffort(), Comparator.reverseOrder())
            .thenComparing(PlanItem::id));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (PlanItem item : order) {
        if (item.excluded() || placed.containsKey(item.id())) {
          continue;
        }
        int earliest = 0;
        boolean ready = true;
        for (String d : deps.getOrDefault(item.id(), List.of())) {
          Integer at = placed.get(d);
          if (at == null) {
            ready = false;
            break;
          }
          earliest = Math.max(earliest, at);
        }
        if (!ready || !mustRuleAllows(problem, item, mustAndAll)) {
          continue;
        }
        int from = item.pinned().map(index::get).orElse(earliest);
        int to = item.pinned().map(index::get).orElse(problem.lastAllowed(item));
        for (int p = Math.max(from, earliest); p <= to; p++) {
          if (fits(item, left, p)) {
            final int at = p;
            item.effort().forEach((team, units) -> left.get(team)[at] -= units);
            placed.put(item.id(), p);
            mustAndAll[0] += item.moscow() == Moscow.MUST ? item.totalEffort() : 0;
            mustAndAll[1] += item.totalEffort();
            changed = true;
            break;
          }
        }
      }
    }
    Map<String, String> assignment = new LinkedHashMap<>();
    long value = 0;
    for (PlanItem item : problem.items()) {
      Integer p = placed.get(item.id());
      if (p != null) {
        assignment.put(item.id(), problem.periods().get(p).id());
        value += problem.options().discounted(item.value(), p);
      }
    }
    return new GreedyPlan(assignment, value);
  }

  private static boolean mustRuleAllows(PlanningProblem problem, PlanItem item, long[] mustAll) {
    if (!problem.options().moscowRule() || item.moscow() != Moscow.MUST) {
      return true;
    }
    long must = mustAll[0] + item.totalEffort();
    long all = mustAll[1] + item.totalEffort();
    return 100 * must <= (long) PlanOptions.MUST_HAVE_PERCENT * all;
  }

  private static boolean fits(PlanItem item, Map<String, int[]> left, int p) {
    for (Map.Entry<String, Integer> e : item.effort().entrySet()) {
      if (left.get(e.getKey())[p] < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
