package io.hatrack.planning.roadmap;

import io.hatrack.kernel.Invalid;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where everything of a timeline goes: one column per month or quarter, one swimlane per team,
 * objective, theme or tag, and one bar per dated entry from its start to its end date (inclusive),
 * bars of a lane packed into as few rows as do not overlap. Pure and deterministic: the SVG and the
 * PNG are both drawn from the {@link Timeline} it returns ({@link TimelineSvg}, {@link
 * TimelinePng}), so that they show the same picture.
 */
public final class TimelineLayout {
  /** Width of the lane labels on the left. */
  public static final int GUTTER = 200;

  /** Height of the period header. */
  public static final int HEADER = 32;

  /** Height of one row of bars. */
  public static final int ROW = 24;

  /** Height of a bar. */
  public static final int BAR = 18;

  /** Space above and below the rows of a lane. */
  public static final int LANE_PAD = 4;

  /** Width of one character of the 11 px labels, on average (for cutting labels to fit). */
  public static final double CHAR_WIDTH = 6.4;

  /** The fewest periods a timeline shows, so that a short roadmap still reads as a timeline. */
  public static final int MIN_PERIODS = 3;

  /** The most periods a timeline shows; bars beyond are clipped to its end. */
  public static final int MAX_PERIODS = 120;

  private TimelineLayout() {}

  /** The columns of the timeline. */
  public enum Scale {
    MONTH(4.0),
    QUARTER(1.6);

    private final double pxPerDay;

    Scale(double pxPerDay) {
      this.pxPerDay = pxPerDay;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public double pxPerDay() {
      return pxPerDay;
    }

    /** The scale named {@code value} (month, quarter; blank: month), or an {@link Invalid}. */
    public static Scale parse(String field, String value) {
      if (value == null || value.isBlank()) {
        return MONTH;
      }
      for (Scale s : values()) {
        if (s.id().equalsIgnoreCase(value.strip())) {
          return s;
        }
      }
      throw Invalid.field(field, "must be month or quarter");
    }

    LocalDate periodStart(LocalDate d) {
      return this == MONTH
          ? d.withDayOfMonth(1)
          : LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    LocalDate next(LocalDate periodStart) {
      return this == MONTH ? periodStart.plusMonths(1) : periodStart.plusMonths(3);
    }

    String label(LocalDate periodStart) {
      return this == MONTH
          ? periodStart.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
              + " "
              + periodStart.getYear()
          : "Q" + ((periodStart.getMonthValue() - 1) / 3 + 1) + " " + periodStart.getYear();
    }
  }

  /** What to draw of one entry: {@code lane} is the swimlane it goes in. */
  public record Bar(
      String key,
      String title,
      String lane,
      LocalDate start,
      LocalDate end,
      String type,
      boolean isPublic,
      boolean warning,
      long version) {}

  /** A period's column: from {@code x}, {@code width} wide. */
  public record Tick(int x, int width, String label, LocalDate start) {}

  /** A swimlane's band. */
  public record Lane(String label, String shownLabel, int y, int height, int bars) {}

  /** A bar's box and the label that fits in it. */
  public record Box(
      String key,
      String title,
      String label,
      String lane,
      int x,
      int y,
      int width,
      int height,
      String type,
      String color,
      boolean isPublic,
      boolean warning,
      LocalDate start,
      LocalDate end,
      long version) {}

  /** The whole picture. {@code todayX} is null when today is outside the shown periods. */
  public record Timeline(
      Scale scale,
      LocalDate from,
      LocalDate to,
      int width,
      int height,
      double pxPerDay,
      List<Tick> ticks,
      List<Lane> lanes,
      List<Box> boxes,
      Integer todayX) {
    /** The x of a day's left edge. */
    public int x(LocalDate day) {
      return GUTTER + (int) Math.round(ChronoUnit.DAYS.between(from, day) * pxPerDay);
    }
  }

  /** The colour of a work item type's bars (white labels read on each, WCAG AA). */
  public static String color(String type) {
    return switch (type == null ? "" : type) {
      case "objective" -> "#6d28d9";
      case "initiative" -> "#1d4ed8";
      case "epic" -> "#0e7490";
      case "feature" -> "#047857";
      case "story" -> "#4d7c0f";
      case "bug" -> "#b91c1c";
      default -> "#475569";
    };
  }

  /**
   * Lays out {@code bars} (undated ones are left out) on {@code scale}. Lanes are sorted by label,
   * with {@code noneLabel} (the lane of entries without a team, objective, ...) last; {@code today}
   * marks the current day.
   */
  public static Timeline layout(List<Bar> bars, Scale scale, String noneLabel, LocalDate today) {
    List<Bar> dated = new ArrayList<>();
    for (Bar b : bars) {
      if (b.start() != null && b.end() != null && !b.end().isBefore(b.start())) {
        dated.add(b);
      }
    }
    LocalDate min = today;
    LocalDate max = today;
    if (!dated.isEmpty()) {
      min = dated.stream().map(Bar::start).min(Comparator.naturalOrder()).orElseThrow();
      max = dated.stream().map(Bar::end).max(Comparator.naturalOrder()).orElseThrow();
    }
    LocalDate from = scale.periodStart(min);
    List<Tick> ticks = new ArrayList<>();
    LocalDate p = from;
    double px = scale.pxPerDay();
    while ((ticks.size() < MIN_PERIODS || !p.isAfter(max)) && ticks.size() < MAX_PERIODS) {
      LocalDate next = scale.next(p);
      int x = GUTTER + (int) Math.round(ChronoUnit.DAYS.between(from, p) * px);
      int x2 = GUTTER + (int) Math.round(ChronoUnit.DAYS.between(from, next) * px);
      ticks.add(new Tick(x, x2 - x, scale.label(p), p));
      p = next;
    }
    LocalDate to = p.minusDays(1);
    int width = GUTTER + (int) Math.round(ChronoUnit.DAYS.between(from, p) * px) + 1;

    Map<String, List<Bar>> byLane = new TreeMap<>(lanesOrder(noneLabel));
    for (Bar b : dated) {
      if (!b.start().isAfter(to)) {
        byLane
            .computeIfAbsent(b.lane() == null ? noneLabel : b.lane(), k -> new ArrayList<>())
            .add(b);
      }
    }
    List<Lane> lanes = new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    int y = HEADER;
    for (Map.Entry<String, List<Bar>> lane : byLane.entrySet()) {
      List<Bar> in = lane.getValue();
      in.sort(
          Comparator.comparing(Bar::start)
              .thenComparing(Bar::end)
              .thenComparing(Bar::key, Comparator.nullsFirst(Comparator.naturalOrder())));
      List<LocalDate> rowEnds = new ArrayList<>();
      List<Integer> rowOf = new ArrayList<>();
      for (Bar b : in) {
        int row = 0;
        while (row < rowEnds.size() && !rowEnds.get(row).isBefore(b.start())) {
          row++;
        }
        if (row == rowEnds.size()) {
          rowEnds.add(b.end());
        } else {
          rowEnds.set(row, b.end());
        }
        rowOf.add(row);
      }
      int height = Math.max(1, rowEnds.size()) * ROW + 2 * LANE_PAD;
      lanes.add(new Lane(lane.getKey(), cut(lane.getKey(), GUTTER - 16), y, height, in.size()));
      for (int i = 0; i < in.size(); i++) {
        Bar b = in.get(i);
        LocalDate end = b.end().isAfter(to) ? to : b.end();
        int x = GUTTER + (int) Math.round(ChronoUnit.DAYS.between(from, b.start()) * px);
        int x2 = GUTTER + (int) Math.round((ChronoUnit.DAYS.between(from, end) + 1) * px);
        int w = Math.max(4, x2 - x);
        int by = y + LANE_PAD + rowOf.get(i) * ROW + (ROW - BAR) / 2;
        String text = b.key() + " " + b.title();
        boxes.add(
            new Box(
                b.key(),
                b.title(),
                cut(text, w - 8),
                lane.getKey(),
                x,
                by,
                w,
                BAR,
                b.type(),
                color(b.type()),
                b.isPublic(),
                b.warning(),
                b.start(),
                b.end(),
                b.version()));
      }
      y += height;
    }
    if (lanes.isEmpty()) {
      y += ROW + 2 * LANE_PAD;
    }
    Integer todayX =
        today.isBefore(from) || today.isAfter(to)
            ? null
            : GUTTER + (int) Math.round((ChronoUnit.DAYS.between(from, today) + 0.5) * px);
    return new Timeline(
        scale, from, to, width, y + 1, px, List.copyOf(ticks), lanes, boxes, todayX);
  }

  /** Lane labels in alphabetical order (ignoring case), {@code noneLabel} last. */
  private static Comparator<String> lanesOrder(String noneLabel) {
    return (a, b) -> {
      if (a.equals(b)) {
        return 0;
      }
      if (a.equals(noneLabel)) {
        return 1;
      }
      if (b.equals(noneLabel)) {
        return -1;
      }
      int c = a.compareToIgnoreCase(b);
      return c != 0 ? c : a.compareTo(b);
    };
  }

  /** {@code text} cut with an ellipsis to fit {@code width} pixels; empty when nothing fits. */
  static String cut(String text, int width) {
    int max = (int) Math.floor(width / CHAR_WIDTH);
    if (max < 3) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1).stripTrailing() + "\u2026";
  }
}
