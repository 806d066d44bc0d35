package io.hatrack.planning.plans;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.planning.solver.Dependency;
import io.hatrack.planning.solver.Moscow;
import io.hatrack.planning.solver.Period;
import io.hatrack.planning.solver.PlanItem;
import io.hatrack.planning.solver.PlanOptions;
import io.hatrack.planning.solver.PlanningProblem;
import io.hatrack.planning.teams.PlanningPeriod;
import io.hatrack.planning.teams.Team;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns a plan's request and the product's data into the solver's problem, without I/O. Units: the
 * solver counts whole numbers, so values are scores × {@value #VALUE_SCALE} rounded, and efforts
 * and capacities are in tenths of the team's unit (efforts rounded up, capacities down, so a plan
 * never overbooks). Items without a score under the chosen model and items with no effort for the
 * plan's teams are left out before solving, with that reason. Dependencies count only between the
 * plan's candidate items.
 */
final class PlanningInputs {
  static final int VALUE_SCALE = 100;
  static final int EFFORT_SCALE = 10;
  static final int MAX_SECONDS = 60;

  private PlanningInputs() {}

  /** A candidate item with what the plan needs of it. */
  record Candidate(
      long id,
      String key,
      String title,
      Double score,
      Map<Long, Double> effort,
      String moscow,
      List<String> dependsOn) {}

  /** The problem, with what the service stores next to the solver's answer. */
  record Built(
      PlanningProblem problem,
      List<PlanningPeriod> periods,
      List<Team> teams,
      Map<String, Candidate> byKey,
      Map<String, String> notPlanned,
      Map<String, Map<Long, Double>> capacity) {

    Team teamNamed(String name) {
      return teams.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
  }

  static List<PlanningPeriod> periods(List<String> ids) {
    if (ids.isEmpty()) {
      throw Invalid.field("periods", "pick at least one period, e.g. 2027-Q1");
    }
    if (ids.size() > 24) {
      throw Invalid.field("periods", "a plan covers at most 24 periods");
    }
    List<PlanningPeriod> out = new ArrayList<>();
    for (String id : ids) {
      PlanningPeriod p = PlanningPeriod.parse(id);
      if (!out.isEmpty() && !p.start().isAfter(out.get(out.size() - 1).end())) {
        throw Invalid.field(
            "periods", p.id() + " does not come after " + out.get(out.size() - 1).id());
      }
      out.add(p);
    }
    return out;
  }

  static List<Team> teams(List<String> slugs, List<Team> all) {
    if (all.isEmpty()) {
      throw Invalid.field(
          "teams", "the workspace has no teams yet: create a team with members first");
    }
    if (slugs.isEmpty()) {
      return all;
    }
    List<Team> out = new ArrayList<>();
    for (String slug : slugs) {
      Team t =
          all.stream()
              .filter(x -> x.slug().equalsIgnoreCase(slug.strip()))
              .findFirst()
              .orElseThrow(() -> Invalid.field("teams", "no team " + slug + " in the workspace"));
      if (out.contains(t)) {
        throw Invalid.field("teams", "team " + slug + " is named twice");
      }
      out.add(t);
    }
    return out;
  }

  static Built build(
      PlanRequest request,
      ScenarioChanges changes,
      List<Team> allTeams,
      String modelName,
      List<Candidate> candidates,
      BiFunction<Team, PlanningPeriod, Double> capacityOf) {
    List<PlanningPeriod> periods = periods(request.periods());
    List<Team> teams = teams(request.teams(), allTeams);
    Map<String, PlanningPeriod> periodById = new LinkedHashMap<>();
    periods.forEach(p -> periodById.put(p.id(), p));
    Map<String, Candidate> byKey = new LinkedHashMap<>();
    candidates.forEach(c -> byKey.put(c.key(), c));
    Map<String, String> deadlines =
        new LinkedHashMap<>(keys("deadlines", request.deadlines(), byKey, periodById));
    deadlines.putAll(keys("deadlines", changes.deadlines(), byKey, periodById));
    Map<String, String> pins = keys("pins", request.pins(), byKey, periodById);
    Set<String> excluded = new HashSet<>();
    for (String ref : request.exclusions()) {
      excluded.add(key("exclusions", ref, byKey));
    }
    for (String ref : changes.drop()) {
      excluded.add(key("drop", ref, byKey));
    }
    // Capacity per period and team, in the team's unit, with the scenario's changes.
    Map<String, Map<Long, Double>> capacity = new LinkedHashMap<>();
    for (PlanningPeriod p : periods) {
      Map<Long, Double> row = new LinkedHashMap<>();
      teams.forEach(t -> row.put(t.id(), capacityOf.apply(t, p)));
      capacity.put(p.id(), row);
    }
    for (ScenarioChanges.CapacityChange c : changes.capacity()) {
      Team t =
          teams.stream()
              .filter(x -> x.slug().equalsIgnoreCase(String.valueOf(c.team()).strip()))
              .findFirst()
              .orElseThrow(
                  () -> Invalid.field("capacity", "team " + c.team() + " is not in the plan"));
      String period = String.valueOf(c.period()).strip().toUpperCase(Locale.ROOT);
      if (!capacity.containsKey(period)) {
        throw Invalid.field("capacity", "period " + c.period() + " is not in the plan");
      }
      if (c.change() == null || c.change().isNaN() || Math.abs(c.change()) > 100_000) {
        throw Invalid.field("capacity", "the change of " + t.name() + " needs a number");
      }
      capacity.get(period).merge(t.id(), c.change(), (a, b) -> Math.max(0, a + b));
    }
    Map<String, String> notPlanned = new LinkedHashMap<>();
    List<PlanItem> items = new ArrayList<>();
    for (Candidate c : candidates) {
      Map<String, Integer> effort = new LinkedHashMap<>();
      for (Team t : teams) {
        Double e = c.effort().get(t.id());
        if (e != null) {
          effort.put(t.name(), (int) Math.ceil(e * EFFORT_SCALE - 1e-9));
        }
      }
      String reason = null;
      if (c.score() == null) {
        reason = "Not scored with " + modelName + ".";
      } else if (effort.isEmpty()) {
        reason =
            c.effort().isEmpty()
                ? "No effort estimated for any team."
                : "Its effort is for teams outside this plan.";
      }
      if (reason != null) {
        if (pins.containsKey(c.key())) {
          throw Invalid.field("pins", c.key() + " is pinned but cannot be planned: " + reason);
        }
        notPlanned.put(c.key(), reason);
        continue;
      }
      items.add(
          new PlanItem(
              c.key(),
              Math.round(Math.max(0, c.score()) * VALUE_SCALE),
              effort,
              Optional.ofNullable(deadlines.get(c.key())),
              Optional.ofNullable(pins.get(c.key())),
              excluded.contains(c.key()),
              moscow(c.moscow())));
    }
    Set<String> planned = new HashSet<>();
    items.forEach(i -> planned.add(i.id()));
    List<Dependency> dependencies = new ArrayList<>();
    for (PlanItem i : items) {
      for (String other : byKey.get(i.id()).dependsOn()) {
        if (planned.contains(other)) {
          dependencies.add(new Dependency(i.id(), other));
        }
      }
    }
    List<Period> solverPeriods = new ArrayList<>();
    for (PlanningPeriod p : periods) {
      Map<String, Integer> cap = new LinkedHashMap<>();
      for (Team t : teams) {
        cap.put(t.name(), (int) Math.floor(capacity.get(p.id()).get(t.id()) * EFFORT_SCALE + 1e-9));
      }
      solverPeriods.add(new Period(p.id(), cap));
    }
    PlanningProblem problem =
        new PlanningProblem(
            items,
            teams.stream().map(Team::name).toList(),
            solverPeriods,
            dependencies,
            options(request));
    return new Built(problem, periods, teams, byKey, notPlanned, capacity);
  }

  static PlanOptions options(PlanRequest r) {
    List<FieldError> errors = new ArrayList<>();
    double discount = r.discount() == null ? 0 : r.discount();
    if (!(discount >= 0 && discount < 1)) {
      errors.add(new FieldError("discount", "must be at least 0 and below 1 (0.1 for 10 %)"));
    }
    int seconds = r.timeLimitSeconds() == null ? 10 : r.timeLimitSeconds();
    if (seconds < 1 || seconds > MAX_SECONDS) {
      errors.add(new FieldError("time_limit_seconds", "must be 1 to " + MAX_SECONDS));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return PlanOptions.defaults()
        .withDiscount(discount)
        .withMoscowRule(Boolean.TRUE.equals(r.moscowRule()))
        .withTimeLimit(Duration.ofSeconds(seconds));
  }

  private static final java.util.regex.Pattern ROOM =
      java.util.regex.Pattern.compile("\\((\\d+) of (\\d+) units left\\)");
  private static final java.util.regex.Pattern PINNED =
      java.util.regex.Pattern.compile(
          "need (\\d+) units of team (.+?) in (\\S+), which has only (\\d+)\\.");

  /**
   * The solver's words with its whole units (tenths of a team's unit) turned back into the team's
   * unit: "(35 of 195 units left)" reads "(3.5 left, 19.5 needed)".
   */
  static String inTeamUnits(String text) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher room = ROOM.matcher(text);
    StringBuilder out = new StringBuilder();
    while (room.find()) {
      room.appendReplacement(
          out,
          java.util.regex.Matcher.quoteReplacement(
              "(" + tenths(room.group(1)) + " left, " + tenths(room.group(2)) + " needed)"));
    }
    room.appendTail(out);
    java.util.regex.Matcher pinned = PINNED.matcher(out.toString());
    StringBuilder again = new StringBuilder();
    while (pinned.find()) {
      pinned.appendReplacement(
          again,
          java.util.regex.Matcher.quoteReplacement(
              "need "
                  + tenths(pinned.group(1))
                  + " of team "
                  + pinned.group(2)
                  + " in "
                  + pinned.group(3)
                  + ", which has only "
                  + tenths(pinned.group(4))
                  + "."));
    }
    pinned.appendTail(again);
    return again.toString();
  }

  private static String tenths(String units) {
    long n = Long.parseLong(units);
    return n % EFFORT_SCALE == 0
        ? Long.toString(n / EFFORT_SCALE)
        : String.format(Locale.ROOT, "%.1f", n / (double) EFFORT_SCALE);
  }

  private static Moscow moscow(String category) {
    if (category == null) {
      return Moscow.SHOULD;
    }
    return switch (category) {
      case "must" -> Moscow.MUST;
      case "could" -> Moscow.COULD;
      case "wont", "won't" -> Moscow.WONT;
      default -> Moscow.SHOULD;
    };
  }

  private static Map<String, String> keys(
      String field,
      Map<String, String> byRef,
      Map<String, Candidate> byKey,
      Map<String, PlanningPeriod> periods) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byRef.entrySet()) {
      String period = e.getValue() == null ? "" : e.getValue().strip().toUpperCase(Locale.ROOT);
      if (!periods.containsKey(period)) {
        throw Invalid.field(
            field, e.getKey() + " names " + e.getValue() + ", which is not a period of the plan");
      }
      out.put(key(field, e.getKey(), byKey), period);
    }
    return out;
  }

  private static String key(String field, String ref, Map<String, Candidate> byKey) {
    String k = ref == null ? "" : ref.strip().toUpperCase(Locale.ROOT);
    if (byKey.containsKey(k)) {
      return k;
    }
    for (Candidate c : byKey.values()) {
      if (Long.toString(c.id()).equals(k)) {
        return c.key();
      }
    }
    throw Invalid.field(field, ref + " is not an open item of this plan");
  }
}
