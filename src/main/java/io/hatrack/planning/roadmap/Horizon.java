package io.hatrack.planning.roadmap;

import io.hatrack.kernel.Invalid;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Where an item sits on a Now/Next/Later roadmap. An entry without a horizon of its own (a release
 * plan may write dates only) is placed by its dates: started or starting today is now, starting
 * within {@link #NEXT_DAYS} days is next, anything later or undated is later.
 */
public enum Horizon {
  NOW("Now"),
  NEXT("Next"),
  LATER("Later");

  /** How far ahead "next" looks for an entry placed by its dates. */
  public static final int NEXT_DAYS = 90;

  private final String label;

  Horizon(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /**
   * The horizon named {@code value} (now, next, later), or an {@link Invalid} for {@code field}.
   */
  public static Horizon parse(String field, String value) {
    if (value != null) {
      for (Horizon h : values()) {
        if (h.id().equalsIgnoreCase(value.strip())) {
          return h;
        }
      }
    }
    throw Invalid.field(field, "must be one of now, next, later");
  }

  /** The horizon an entry shows in: its own, or the one its start date gives on {@code today}. */
  public static Horizon effective(Horizon own, LocalDate start, LocalDate today) {
    if (own != null) {
      return own;
    }
    if (start == null) {
      return LATER;
    }
    if (!start.isAfter(today)) {
      return NOW;
    }
    return start.isAfter(today.plusDays(NEXT_DAYS)) ? LATER : NEXT;
  }
}
