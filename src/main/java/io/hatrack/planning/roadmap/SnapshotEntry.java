package io.hatrack.planning.roadmap;

import java.util.Objects;

/**
 * One entry of a roadmap as a snapshot keeps it (stored as JSON): horizon and dates as ISO text,
 * null when not set.
 */
public record SnapshotEntry(
    long itemId,
    String key,
    String title,
    String horizon,
    String start,
    String end,
    String release,
    String team,
    boolean isPublic) {
  public SnapshotEntry {
    Objects.requireNonNull(key, "key");
    title = title == null ? "" : title;
    release = release == null ? "" : release;
  }

  /** Where the entry is, for a diff: "next, 2026-02-01 to 2026-03-15". */
  public String place() {
    String h = horizon == null ? "no horizon" : horizon;
    if (start == null && end == null) {
      return h + ", no dates";
    }
    return h + ", " + (start == null ? "?" : start) + " to " + (end == null ? "?" : end);
  }
}
