package io.hatrack.planning.plans;

import java.util.List;
import java.util.Map;

/**
 * What a release plan is asked for. Null fields take the defaults: all the workspace's teams, the
 * product's default scoring model, features and epics, no MoSCoW rule, no discount, 10 s.
 *
 * @param periods quarters ({@code 2027-Q1}) or months ({@code 2027-03}), in order
 * @param teams team slugs
 * @param model the name of a scoring model of the product
 * @param types work item types to plan (feature, epic, ...)
 * @param discount cost-of-delay discount per period, 0 to below 1
 * @param deadlines item key → the last period it may go in
 * @param pins item key → the period it must go in
 * @param exclusions item keys to keep out
 */
public record PlanRequest(
    String name,
    List<String> periods,
    List<String> teams,
    String model,
    List<String> types,
    Boolean moscowRule,
    Double discount,
    Integer timeLimitSeconds,
    Map<String, String> deadlines,
    Map<String, String> pins,
    List<String> exclusions) {

  public PlanRequest {
    periods = periods == null ? List.of() : List.copyOf(periods);
    teams = teams == null ? List.of() : List.copyOf(teams);
    types = types == null || types.isEmpty() ? List.of("feature", "epic") : List.copyOf(types);
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    pins = pins == null ? Map.of() : Map.copyOf(pins);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
  }

  /** A plan over {@code periods} with every default. */
  public static PlanRequest of(String name, List<String> periods) {
    return new PlanRequest(name, periods, null, null, null, null, null, null, null, null, null);
  }

  public PlanRequest withTeams(List<String> t) {
    return new PlanRequest(
        name,
        periods,
        t,
        model,
        types,
        moscowRule,
        discount,
        timeLimitSeconds,
        deadlines,
        pins,
        exclusions);
  }

  public PlanRequest withModel(String m) {
    return new PlanRequest(
        name,
        periods,
        teams,
        m,
        types,
        moscowRule,
        discount,
        timeLimitSeconds,
        deadlines,
        pins,
        exclusions);
  }

  public PlanRequest withConstraints(
      Map<String, String> newDeadlines, Map<String, String> newPins, List<String> newExclusions) {
    return new PlanRequest(
        name,
        periods,
        teams,
        model,
        types,
        moscowRule,
        discount,
        timeLimitSeconds,
        newDeadlines,
        newPins,
        newExclusions);
  }

  public PlanRequest withOptions(Boolean moscow, Double d, Integer seconds) {
    return new PlanRequest(
        name, periods, teams, model, types, moscow, d, seconds, deadlines, pins, exclusions);
  }
}
