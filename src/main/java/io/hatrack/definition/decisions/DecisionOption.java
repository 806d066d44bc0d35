package io.hatrack.definition.decisions;

import java.util.List;
import java.util.Objects;

/**
 * One option a decision considered, in the order it was listed.
 *
 * @param description Markdown
 * @param pros one point per entry
 * @param cons one point per entry
 * @param chosen true for the option the decision took (at most one per decision)
 */
public record DecisionOption(
    String name, String description, List<String> pros, List<String> cons, boolean chosen) {
  public DecisionOption {
    name = name == null ? "" : name.strip();
    description = description == null ? "" : description;
    pros = points(pros);
    cons = points(cons);
  }

  /** The non-blank entries, stripped. */
  private static List<String> points(List<String> list) {
    return list == null
        ? List.of()
        : list.stream()
            .filter(Objects::nonNull)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  /** Points written one per line (a leading "- " or "* " is a list marker, not part of it). */
  public static List<String> lines(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return text.lines()
        .map(String::strip)
        .map(l -> l.startsWith("- ") || l.startsWith("* ") ? l.substring(2).strip() : l)
        .filter(l -> !l.isEmpty())
        .toList();
  }
}
