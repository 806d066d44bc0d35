package io.hatrack.planning.roadmap;

import io.hatrack.kernel.Invalid;
import java.util.List;
import java.util.Locale;

/**
 * What the timeline's swimlanes group entries by. A theme is the feedback theme that most of the
 * feedback supporting the item is in (the inbox's themes, so that lanes follow what customers ask
 * for); tags and teams are the item's own. An entry with several tags shows in each tag's lane.
 */
public enum Lane {
  TEAM("Team", "No team"),
  OBJECTIVE("Objective", "No objective"),
  THEME("Theme", "No theme"),
  TAG("Tag", "No tag");

  private final String label;
  private final String none;

  Lane(String label, String none) {
    this.label = label;
    this.none = none;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** The lane of entries that have no team, objective, theme or tag. */
  public String none() {
    return none;
  }

  /** The lanes an entry goes in (at least one). */
  public List<String> of(RoadmapEntry e) {
    return switch (this) {
      case TEAM -> List.of(e.team() == null ? none : e.team());
      case OBJECTIVE -> List.of(e.objective() == null ? none : e.objective());
      case THEME -> List.of(e.theme() == null ? none : e.theme());
      case TAG -> e.tags().isEmpty() ? List.of(none) : e.tags();
    };
  }

  /** The lane named {@code value} (blank: team), or an {@link Invalid} for {@code field}. */
  public static Lane parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return TEAM;
    }
    for (Lane l : values()) {
      if (l.id().equalsIgnoreCase(value.strip())) {
        return l;
      }
    }
    throw Invalid.field(field, "must be one of team, objective, theme, tag");
  }
}
