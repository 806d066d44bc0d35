package io.hatrack.planning.roadmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed on a roadmap between a snapshot and now: entries added, removed, moved (horizon or
 * either date changed) and whose release changed. An entry may be both moved and re-released. Pure:
 * two lists in, the differences out, each list in key order.
 */
public final class SnapshotDiff {
  private SnapshotDiff() {}

  /** An entry that is in one of the two roadmaps only. */
  public record Change(SnapshotEntry entry) {}

  /** An entry that is in both with something different: before and after. */
  public record Move(SnapshotEntry before, SnapshotEntry after) {
    public String key() {
      return after.key();
    }

    public boolean horizonChanged() {
      return !Objects.equals(before.horizon(), after.horizon());
    }

    public boolean datesChanged() {
      return !Objects.equals(before.start(), after.start())
          || !Objects.equals(before.end(), after.end());
    }
  }

  /** The differences. */
  public record Result(
      List<SnapshotEntry> added,
      List<SnapshotEntry> removed,
      List<Move> moved,
      List<Move> releaseChanged,
      int unchanged) {
    public boolean empty() {
      return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && releaseChanged.isEmpty();
    }
  }

  public static Result between(List<SnapshotEntry> before, List<SnapshotEntry> after) {
    Map<Long, SnapshotEntry> then = byItem(before);
    Map<Long, SnapshotEntry> now = byItem(after);
    List<SnapshotEntry> added = new ArrayList<>();
    List<SnapshotEntry> removed = new ArrayList<>();
    List<Move> moved = new ArrayList<>();
    List<Move> released = new ArrayList<>();
    int unchanged = 0;
    for (SnapshotEntry a : now.values()) {
      SnapshotEntry b = then.get(a.itemId());
      if (b == null) {
        added.add(a);
        continue;
      }
      Move m = new Move(b, a);
      boolean changed = false;
      if (m.horizonChanged() || m.datesChanged()) {
        moved.add(m);
        changed = true;
      }
      if (!Objects.equals(b.release(), a.release())) {
        released.add(m);
        changed = true;
      }
      if (!changed) {
        unchanged++;
      }
    }
    for (SnapshotEntry b : then.values()) {
      if (!now.containsKey(b.itemId())) {
        removed.add(b);
      }
    }
    Comparator<SnapshotEntry> byKey = SnapshotDiff::compareKeys;
    added.sort(byKey);
    removed.sort(byKey);
    moved.sort((x, y) -> compareKeys(x.after(), y.after()));
    released.sort((x, y) -> compareKeys(x.after(), y.after()));
    return new Result(List.copyOf(added), List.copyOf(removed), moved, released, unchanged);
  }

  private static Map<Long, SnapshotEntry> byItem(List<SnapshotEntry> entries) {
    Map<Long, SnapshotEntry> map = new LinkedHashMap<>();
    for (SnapshotEntry e : entries) {
      map.put(e.itemId(), e);
    }
    return map;
  }

  /** CHK-2 before CHK-10: by prefix, then by number. */
  static int compareKeys(SnapshotEntry a, SnapshotEntry b) {
    String x = a.key();
    String y = b.key();
    int i = x.lastIndexOf('-');
    int j = y.lastIndexOf('-');
    if (i > 0 && j > 0) {
      int prefix = x.substring(0, i).compareTo(y.substring(0, j));
      if (prefix != 0) {
        return prefix;
      }
      try {
        return Long.compare(Long.parseLong(x.substring(i + 1)), Long.parseLong(y.substring(j + 1)));
      } catch (NumberFormatException e) {
        return x.compareTo(y);
      }
    }
    return x.compareTo(y);
  }
}
