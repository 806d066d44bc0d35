package io.hatrack.planning.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
  static SnapshotEntry entry(long id, String horizon, String start, String end, String release) {
    return new SnapshotEntry(
        id, "CHK-" + id, "Item " + id, horizon, start, end, release, null, false);
  }

  @Test
  void addedRemovedMovedAndReleaseChangedAreTold() {
    List<SnapshotEntry> then =
        List.of(
            entry(1, "now", "2026-01-01", "2026-02-01", "2026 Q1"),
            entry(2, "next", null, null, ""),
            entry(3, "later", null, null, ""),
            entry(10, "now", "2026-01-01", "2026-01-31", "2026 Q1"));
    List<SnapshotEntry> now =
        List.of(
            entry(1, "now", "2026-01-01", "2026-02-01", "2026 Q1"),
            entry(2, "now", null, null, ""),
            entry(4, "later", null, null, ""),
            entry(10, "now", "2026-01-01", "2026-02-14", "2026 Q2"));

    SnapshotDiff.Result d = SnapshotDiff.between(then, now);

    assertThat(d.added()).extracting(SnapshotEntry::key).containsExactly("CHK-4");
    assertThat(d.removed()).extracting(SnapshotEntry::key).containsExactly("CHK-3");
    assertThat(d.moved()).extracting(SnapshotDiff.Move::key).containsExactly("CHK-2", "CHK-10");
    assertThat(d.moved().get(0).horizonChanged()).isTrue();
    assertThat(d.moved().get(0).datesChanged()).isFalse();
    assertThat(d.moved().get(1).datesChanged()).isTrue();
    assertThat(d.moved().get(1).before().place()).isEqualTo("now, 2026-01-01 to 2026-01-31");
    assertThat(d.moved().get(1).after().place()).isEqualTo("now, 2026-01-01 to 2026-02-14");
    assertThat(d.releaseChanged()).extracting(SnapshotDiff.Move::key).containsExactly("CHK-10");
    assertThat(d.unchanged()).isEqualTo(1);
    assertThat(d.empty()).isFalse();
  }

  @Test
  void theSameRoadmapHasNoChanges() {
    List<SnapshotEntry> same = List.of(entry(1, null, null, null, ""));

    SnapshotDiff.Result d = SnapshotDiff.between(same, same);

    assertThat(d.empty()).isTrue();
    assertThat(d.unchanged()).isEqualTo(1);
  }

  @Test
  void keysSortByNumberNotByText() {
    assertThat(
            SnapshotDiff.between(
                    List.of(),
                    List.of(entry(10, null, null, null, ""), entry(9, null, null, null, "")))
                .added())
        .extracting(SnapshotEntry::key)
        .containsExactly("CHK-9", "CHK-10");
  }
}
