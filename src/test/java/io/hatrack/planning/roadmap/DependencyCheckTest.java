package io.hatrack.planning.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.planning.roadmap.DependencyCheck.Dates;
import io.hatrack.planning.roadmap.DependencyCheck.Dependency;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyCheckTest {
  static Dates dates(String key, String start, String end) {
    return new Dates(
        key,
        "Title " + key,
        start == null ? null : LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end));
  }

  @Test
  void startingOnOrBeforeTheDayADependencyEndsIsWarnedAndTheDayAfterIsFine() {
    List<Dependency> links = List.of(new Dependency(1, 2), new Dependency(3, 2));
    Map<Long, Dates> schedule =
        Map.of(
            1L, dates("CHK-1", "2026-03-15", "2026-04-01"),
            2L, dates("CHK-2", "2026-02-01", "2026-03-15"),
            3L, dates("CHK-3", "2026-03-16", "2026-04-01"));

    List<DependencyCheck.Warning> warnings = DependencyCheck.check(links, schedule);

    assertThat(warnings).hasSize(1);
    DependencyCheck.Warning w = warnings.get(0);
    assertThat(w.key()).isEqualTo("CHK-1");
    assertThat(w.dependsOn()).isEqualTo("CHK-2");
    assertThat(w.message())
        .isEqualTo(
            "CHK-1 \u201cTitle CHK-1\u201d starts on 2026-03-15, before CHK-2 \u201cTitle"
                + " CHK-2\u201d, which it depends on, ends on 2026-03-15.");
  }

  @Test
  void itemsWithoutDatesOrOffTheRoadmapAreNotJudged() {
    List<Dependency> links = List.of(new Dependency(1, 2), new Dependency(1, 9));
    Map<Long, Dates> schedule =
        Map.of(1L, dates("CHK-1", "2026-01-01", "2026-01-02"), 2L, dates("CHK-2", null, null));

    assertThat(DependencyCheck.check(links, schedule)).isEmpty();
  }
}
