package io.hatrack.planning.roadmap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which "depends on" links a schedule breaks: an item that starts on or before the day an item it
 * depends on ends (end dates are inclusive, so starting on that day still overlaps it). Items
 * without the dates needed are not judged. Pure: the links and the dates in, warnings out.
 */
public final class DependencyCheck {
  private DependencyCheck() {}

  /** {@code dependent} depends on {@code prerequisite}. */
  public record Dependency(long dependentId, long prerequisiteId) {}

  /** What the check needs of a scheduled item. */
  public record Dates(String key, String title, LocalDate start, LocalDate end) {}

  /** A broken dependency, with the sentence the pages and the API show. */
  public record Warning(
      String key, String dependsOn, LocalDate starts, LocalDate dependencyEnds, String message) {}

  public static List<Warning> check(Collection<Dependency> links, Map<Long, Dates> schedule) {
    List<Warning> warnings = new ArrayList<>();
    for (Dependency d : links) {
      Dates dependent = schedule.get(d.dependentId());
      Dates prerequisite = schedule.get(d.prerequisiteId());
      if (dependent == null
          || prerequisite == null
          || dependent.start() == null
          || prerequisite.end() == null
          || dependent.start().isAfter(prerequisite.end())) {
        continue;
      }
      warnings.add(
          new Warning(
              dependent.key(),
              prerequisite.key(),
              dependent.start(),
              prerequisite.end(),
              dependent.key()
                  + " \u201c"
                  + dependent.title()
                  + "\u201d starts on "
                  + dependent.start()
                  + ", before "
                  + prerequisite.key()
                  + " \u201c"
                  + prerequisite.title()
                  + "\u201d, which it depends on, ends on "
                  + prerequisite.end()
                  + "."));
    }
    return warnings;
  }
}
