package io.hatrack.planning.roadmap;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A work item on a product's roadmap, as the views show it: its key, title, type and state, where
 * it is (horizon, dates, release, team) and whether the public roadmap shows it.
 *
 * @param horizon the horizon the entry shows in (its own, else from its dates; see {@link
 *     Horizon#effective})
 * @param horizonSet whether the horizon was set rather than derived from the dates
 * @param objective the title of the item's nearest ancestor of type objective (itself if it is
 *     one), or null
 * @param theme the feedback theme most of the feedback supporting the item is in, or null
 * @param version the version of the entry (If-Match)
 */
public record RoadmapEntry(
    long itemId,
    String key,
    String title,
    String type,
    String state,
    String stateCategory,
    Horizon horizon,
    boolean horizonSet,
    LocalDate start,
    LocalDate end,
    String release,
    Long teamId,
    String team,
    Long planId,
    boolean isPublic,
    long version,
    List<String> tags,
    String objective,
    String theme) {
  public RoadmapEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(horizon, "horizon");
    release = release == null ? "" : release;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** Whether the entry has both dates, so that the timeline can draw it. */
  public boolean dated() {
    return start != null && end != null;
  }

  /** The entry as a snapshot keeps it. */
  public SnapshotEntry snapshot() {
    return new SnapshotEntry(
        itemId,
        key,
        title,
        horizonSet ? horizon.id() : null,
        start == null ? null : start.toString(),
        end == null ? null : end.toString(),
        release,
        team,
        isPublic);
  }
}
