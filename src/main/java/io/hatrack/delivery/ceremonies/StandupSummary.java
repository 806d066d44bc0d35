package io.hatrack.delivery.ceremonies;

import io.hatrack.planning.teams.DayOff;
import io.hatrack.planning.teams.TeamMember;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one-screen summary of a team's stand-up for a day, worked out from its members, their days
 * off, the day's entries and the team's blockers: who posted, who has not yet (members minus those
 * off that day; nobody is expected on a weekend or a team holiday), every blocker open that day
 * with its age (oldest first), and the day's plans.
 */
public record StandupSummary(
    LocalDate day,
    boolean workingDay,
    List<TeamMember> posted,
    List<TeamMember> missing,
    List<TeamMember> off,
    List<Blocker> openBlockers,
    List<Plan> plans) {

  /** What one member plans for the day. */
  public record Plan(String name, String today) {}

  public static StandupSummary of(
      LocalDate day,
      List<TeamMember> members,
      List<DayOff> daysOff,
      List<StandupEntry> entries,
      List<Blocker> blockers) {
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    boolean holiday = daysOff.stream().anyMatch(d -> d.holiday() && d.days().contains(day));
    Map<Long, StandupEntry> byUser =
        entries.stream().collect(Collectors.toMap(StandupEntry::userId, Function.identity()));
    List<TeamMember> posted = members.stream().filter(m -> byUser.containsKey(m.userId())).toList();
    List<TeamMember> off =
        members.stream()
            .filter(m -> !byUser.containsKey(m.userId()))
            .filter(
                m ->
                    weekend
                        || holiday
                        || daysOff.stream()
                            .anyMatch(
                                d ->
                                    !d.holiday()
                                        && d.userId() == m.userId()
                                        && d.days().contains(day)))
            .toList();
    List<TeamMember> missing =
        members.stream().filter(m -> !byUser.containsKey(m.userId()) && !off.contains(m)).toList();
    List<Blocker> open =
        blockers.stream()
            .filter(b -> b.openOn(day))
            .sorted(Comparator.comparing(Blocker::day).thenComparing(Blocker::id))
            .toList();
    List<Plan> plans =
        entries.stream()
            .filter(e -> !e.today().isBlank())
            .map(e -> new Plan(e.author(), e.today()))
            .toList();
    return new StandupSummary(day, !weekend && !holiday, posted, missing, off, open, plans);
  }
}
