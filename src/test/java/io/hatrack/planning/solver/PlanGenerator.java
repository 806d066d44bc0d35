package io.hatrack.planning.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random planning problems: each item needs one or two teams (1–8 units each), values 1–100,
 * one in ten has a deadline, dependencies point from later items to earlier ones (so there are no
 * cycles), and each team's capacity per period is about half of what all items would need spread
 * over the periods.
 */
public final class PlanGenerator {
  private PlanGenerator() {}

  public static PlanningProblem generate(
      long seed, int items, int teams, int periods, int dependencies, PlanOptions options) {
    Random random = new Random(seed);
    List<String> teamIds = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      teamIds.add("team-" + (t + 1));
    }
    List<String> periodIds = new ArrayList<>();
    for (int p = 0; p < periods; p++) {
      periodIds.add("P" + (p + 1));
    }
    Map<String, Integer> demand = new HashMap<>();
    List<PlanItem> list = new ArrayList<>();
    Moscow[] categories = Moscow.values();
    for (int i = 0; i < items; i++) {
      Map<String, Integer> effort = new LinkedHashMap<>();
      int needs = 1 + random.nextInt(Math.min(2, teams));
      while (effort.size() < needs) {
        String team = teamIds.get(random.nextInt(teams));
        int units = 1 + random.nextInt(8);
        if (effort.putIfAbsent(team, units) == null) {
          demand.merge(team, units, Integer::sum);
        }
      }
      PlanItem item = PlanItem.of("item-" + (i + 1), 1 + random.nextInt(100), effort);
      if (random.nextInt(10) == 0) {
        item = item.withDeadline(periodIds.get(random.nextInt(periods)));
      }
      list.add(item.withMoscow(categories[random.nextInt(3)]));
    }
    List<Period> periodList = new ArrayList<>();
    for (String id : periodIds) {
      Map<String, Integer> capacity = new LinkedHashMap<>();
      for (String team : teamIds) {
        capacity.put(team, Math.max(1, demand.getOrDefault(team, 0) / (2 * periods)));
      }
      periodList.add(new Period(id, capacity));
    }
    List<Dependency> deps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int attempts = 0;
    while (deps.size() < dependencies && items > 1 && attempts++ < dependencies * 20) {
      int a = 1 + random.nextInt(items - 1);
      int b = random.nextInt(a);
      if (seen.add(a + ">" + b)) {
        deps.add(new Dependency("item-" + (a + 1), "item-" + (b + 1)));
      }
    }
    return new PlanningProblem(list, teamIds, periodList, deps, options);
  }
}
