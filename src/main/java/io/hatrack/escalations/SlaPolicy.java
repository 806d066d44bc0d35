package io.hatrack.escalations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An SLA policy of a workspace: targets per severity, and business hours (null: the clocks run
 * around the clock). One policy of a workspace is its default, which products use unless they pick
 * another.
 */
public record SlaPolicy(
    long id,
    long workspaceId,
    String name,
    boolean isDefault,
    BusinessHours hours,
    Map<Severity, SlaTargets> targets,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public SlaPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targets, "targets");
    for (Severity s : Severity.values()) {
      if (!targets.containsKey(s)) {
        throw new IllegalArgumentException("a policy has targets for every severity, not " + s);
      }
    }
    targets = Map.copyOf(new EnumMap<>(targets));
  }

  /** The name of the policy a workspace gets when it has none. */
  public static final String STANDARD = "Standard (around the clock)";

  /**
   * The default targets (minutes): S1 answered in 30 min and resolved in 4 h, S2 in 2 h and 1 day,
   * S3 in 8 h and 3 days, S4 in 1 day and 10 days.
   */
  public static Map<Severity, SlaTargets> standardTargets() {
    Map<Severity, SlaTargets> m = new EnumMap<>(Severity.class);
    m.put(Severity.S1, SlaTargets.ofMinutes(30, 4 * 60));
    m.put(Severity.S2, SlaTargets.ofMinutes(2 * 60, 24 * 60));
    m.put(Severity.S3, SlaTargets.ofMinutes(8 * 60, 3 * 24 * 60));
    m.put(Severity.S4, SlaTargets.ofMinutes(24 * 60, 10 * 24 * 60));
    return m;
  }

  /** The working week a business-hours form starts from: Monday to Friday, 09:00 to 17:00. */
  public static BusinessHours officeHours() {
    return new BusinessHours(
        ZoneOffset.UTC,
        Set.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(17, 0),
        Set.of());
  }

  public SlaTargets targets(Severity severity) {
    return targets.get(severity);
  }

  public SlaClock clock() {
    return SlaClock.ofNullable(hours);
  }

  public boolean businessHours() {
    return hours != null;
  }

  /**
   * A duration of this policy's clocks as people read it: in days of 24 h around the clock, in
   * hours of working time under business hours (40 h, not "1 d 16 h").
   */
  public String show(Duration d) {
    return hours == null ? format(d) : workingTime(d);
  }

  /** Working time in hours and minutes: "30 min", "40 h", "1 h 30 min". */
  public static String workingTime(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }

  /** A duration as people read a target: "30 min", "4 h", "1 d 2 h 30 min" (days of 24 h). */
  public static String format(Duration d) {
    long minutes = d.toMinutes();
    if (minutes == 0) {
      return "0 min";
    }
    StringBuilder out = new StringBuilder();
    long days = minutes / (24 * 60);
    long h = minutes / 60 % 24;
    long m = minutes % 60;
    if (days > 0) {
      out.append(days).append(" d");
    }
    if (h > 0) {
      out.append(out.length() > 0 ? " " : "").append(h).append(" h");
    }
    if (m > 0) {
      out.append(out.length() > 0 ? " " : "").append(m).append(" min");
    }
    return out.toString();
  }
}
