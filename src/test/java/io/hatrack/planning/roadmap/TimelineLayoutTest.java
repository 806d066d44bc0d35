package io.hatrack.planning.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.planning.roadmap.TimelineLayout.Bar;
import io.hatrack.planning.roadmap.TimelineLayout.Box;
import io.hatrack.planning.roadmap.TimelineLayout.Scale;
import io.hatrack.planning.roadmap.TimelineLayout.Timeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {
  static final LocalDate TODAY = LocalDate.of(2026, 2, 10);

  static Bar bar(String key, String lane, String start, String end) {
    return new Bar(
        key,
        "Title of " + key,
        lane,
        start == null ? null : LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        "feature",
        false,
        false,
        1);
  }

  static Box box(Timeline t, String key) {
    return t.boxes().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void monthsRunFromTheFirstStartToTheLastEndWithOneColumnEach() {
    Timeline t =
        TimelineLayout.layout(
            List.of(
                bar("CHK-1", "Payments", "2026-01-15", "2026-02-20"),
                bar("CHK-2", "Payments", "2026-03-01", "2026-04-30")),
            Scale.MONTH,
            "No team",
            TODAY);

    assertThat(t.from()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(t.to()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(t.ticks())
        .extracting(TimelineLayout.Tick::label)
        .containsExactly("Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026");
    assertThat(t.ticks().get(0).x()).isEqualTo(TimelineLayout.GUTTER);
    // January has 31 days at 4 px a day.
    assertThat(t.ticks().get(1).x()).isEqualTo(TimelineLayout.GUTTER + 124);
    assertThat(t.width()).isEqualTo(TimelineLayout.GUTTER + 120 * 4 + 1);
  }

  @Test
  void aBarRunsFromItsStartDayToTheEndOfItsEndDay() {
    Timeline t =
        TimelineLayout.layout(
            List.of(bar("CHK-1", "A", "2026-01-11", "2026-01-20")), Scale.MONTH, "No team", TODAY);

    Box b = box(t, "CHK-1");
    assertThat(b.x()).isEqualTo(TimelineLayout.GUTTER + 10 * 4);
    assertThat(b.width()).isEqualTo(10 * 4);
    assertThat(b.x()).isEqualTo(t.x(LocalDate.of(2026, 1, 11)));
  }

  @Test
  void quartersAreLabelledAndAShortRoadmapStillShowsThreePeriods() {
    Timeline t =
        TimelineLayout.layout(
            List.of(bar("CHK-1", "A", "2026-05-02", "2026-05-03")),
            Scale.QUARTER,
            "No team",
            TODAY);

    assertThat(t.ticks())
        .extracting(TimelineLayout.Tick::label)
        .containsExactly("Q2 2026", "Q3 2026", "Q4 2026");
    assertThat(t.from()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(t.todayX()).isNull();
  }

  @Test
  void overlappingBarsOfALaneStackInRowsAndTheLaneGrows() {
    Timeline t =
        TimelineLayout.layout(
            List.of(
                bar("CHK-1", "A", "2026-01-01", "2026-01-31"),
                bar("CHK-2", "A", "2026-01-15", "2026-02-15"),
                bar("CHK-3", "A", "2026-02-01", "2026-02-28"),
                bar("CHK-4", "B", "2026-01-01", "2026-01-05")),
            Scale.MONTH,
            "No team",
            TODAY);

    assertThat(t.lanes()).extracting(TimelineLayout.Lane::label).containsExactly("A", "B");
    TimelineLayout.Lane a = t.lanes().get(0);
    TimelineLayout.Lane b = t.lanes().get(1);
    assertThat(a.height()).isEqualTo(2 * TimelineLayout.ROW + 2 * TimelineLayout.LANE_PAD);
    assertThat(b.y()).isEqualTo(a.y() + a.height());
    // CHK-3 starts after CHK-1 ends, so it reuses the first row.
    assertThat(box(t, "CHK-3").y()).isEqualTo(box(t, "CHK-1").y());
    assertThat(box(t, "CHK-2").y()).isEqualTo(box(t, "CHK-1").y() + TimelineLayout.ROW);
    assertThat(box(t, "CHK-4").y()).isGreaterThanOrEqualTo(b.y());
    assertThat(t.height()).isEqualTo(b.y() + b.height() + 1);
  }

  @Test
  void lanesAreAlphabeticalWithTheNoneLaneLastAndUndatedBarsLeftOut() {
    Timeline t =
        TimelineLayout.layout(
            List.of(
                bar("CHK-1", "No team", "2026-01-01", "2026-01-31"),
                bar("CHK-2", "payments", "2026-01-01", "2026-01-31"),
                bar("CHK-3", "Checkout", "2026-01-01", "2026-01-31"),
                bar("CHK-4", "Checkout", null, null),
                bar("CHK-5", "Checkout", "2026-03-01", "2026-02-01")),
            Scale.MONTH,
            "No team",
            TODAY);

    assertThat(t.lanes())
        .extracting(TimelineLayout.Lane::label)
        .containsExactly("Checkout", "payments", "No team");
    assertThat(t.boxes()).extracting(Box::key).containsExactlyInAnyOrder("CHK-1", "CHK-2", "CHK-3");
  }

  @Test
  void labelsAreCutToFitTheirBarsAndTodayIsMarked() {
    Timeline t =
        TimelineLayout.layout(
            List.of(
                bar("CHK-1", "A", "2026-01-01", "2026-03-31"),
                bar("CHK-2", "A", "2026-04-01", "2026-04-20"),
                bar("CHK-3", "A", "2026-05-01", "2026-05-01")),
            Scale.MONTH,
            "No team",
            TODAY);

    assertThat(box(t, "CHK-1").label()).isEqualTo("CHK-1 Title of CHK-1");
    String shortLabel = box(t, "CHK-2").label();
    assertThat(shortLabel).endsWith("\u2026");
    assertThat(shortLabel.length() * TimelineLayout.CHAR_WIDTH)
        .isLessThanOrEqualTo(box(t, "CHK-2").width());
    assertThat(box(t, "CHK-3").label()).isEmpty();
    assertThat(box(t, "CHK-3").width()).isEqualTo(4);
    assertThat(t.todayX()).isEqualTo(t.x(TODAY) + 2);
  }

  @Test
  void anEmptyRoadmapIsAnEmptyTimelineAroundToday() {
    Timeline t = TimelineLayout.layout(List.of(), Scale.MONTH, "No team", TODAY);

    assertThat(t.boxes()).isEmpty();
    assertThat(t.lanes()).isEmpty();
    assertThat(t.ticks()).hasSize(TimelineLayout.MIN_PERIODS);
    assertThat(t.from()).isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @Test
  void theSameBarsInAnyOrderGiveTheSameLayout() {
    Random random = new Random(7);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      LocalDate start = TODAY.plusDays(random.nextInt(400) - 100);
      bars.add(
          bar(
              "CHK-" + i,
              "Lane " + random.nextInt(6),
              start.toString(),
              start.plusDays(random.nextInt(90)).toString()));
    }
    Timeline one = TimelineLayout.layout(bars, Scale.QUARTER, "No team", TODAY);
    List<Bar> shuffled = new ArrayList<>(bars);
    java.util.Collections.shuffle(shuffled, random);
    Timeline two = TimelineLayout.layout(shuffled, Scale.QUARTER, "No team", TODAY);

    assertThat(two).isEqualTo(one);
    // No two bars of a lane overlap.
    for (Box a : one.boxes()) {
      for (Box b : one.boxes()) {
        if (a != b && a.y() == b.y()) {
          assertThat(a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x())
              .as(a.key() + " and " + b.key())
              .isTrue();
        }
      }
    }
  }
}
