package io.hatrack.delivery.ceremonies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A retrospective of a team on a day.
 *
 * @param anonymous whether cards are anonymous: then no author is stored at all
 * @param voteBudget how many votes (dots) each person may give
 * @param phase write, group, vote or discuss: where the facilitator has the team
 */
public record Retro(
    long id,
    long teamId,
    LocalDate day,
    String title,
    RetroFormat format,
    List<String> columns,
    boolean anonymous,
    int voteBudget,
    String phase,
    long createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public static final List<String> PHASES = List.of("write", "group", "vote", "discuss");

  public Retro {
    columns = List.copyOf(columns);
  }

  public Retro withColumns(List<String> value) {
    return new Retro(
        id,
        teamId,
        day,
        title,
        format,
        value,
        anonymous,
        voteBudget,
        phase,
        createdBy,
        createdAt,
        updatedAt,
        version);
  }
}
