package io.hatrack.escalations;

import java.util.List;
import java.util.Map;

/**
 * An SLA policy as typed, for creating or changing one; null fields keep their value (or take the
 * default: around the clock, the standard targets). {@code businessHours} false makes the clocks
 * run around the clock; true needs a time zone, working days (mon..sun), start and end (HH:MM).
 *
 * @param targets severity (S1–S4) → its targets; severities left out keep theirs
 */
public record SlaPolicyDraft(
    String name,
    Boolean makeDefault,
    Boolean businessHours,
    String timeZone,
    List<String> workDays,
    String start,
    String end,
    List<String> holidays,
    Map<String, Target> targets) {

  /** The targets of one severity in minutes of business time. */
  public record Target(Long firstResponseMinutes, Long resolutionMinutes) {}

  public static SlaPolicyDraft named(String name) {
    return new SlaPolicyDraft(name, null, null, null, null, null, null, null, null);
  }

  /** The same draft with business hours. */
  public SlaPolicyDraft inHours(
      String zone, List<String> days, String from, String to, List<String> offDays) {
    return new SlaPolicyDraft(name, makeDefault, true, zone, days, from, to, offDays, targets);
  }

  /** The same draft with these targets. */
  public SlaPolicyDraft withTargets(Map<String, Target> newTargets) {
    return new SlaPolicyDraft(
        name, makeDefault, businessHours, timeZone, workDays, start, end, holidays, newTargets);
  }

  /** The same draft made the workspace's default. */
  public SlaPolicyDraft asDefault() {
    return new SlaPolicyDraft(
        name, true, businessHours, timeZone, workDays, start, end, holidays, targets);
  }
}
