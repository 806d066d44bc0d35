package io.hatrack.planning.roi;

import java.util.Locale;

/** The kinds of line of an ROI model: two kinds of cost and three of benefit. */
public enum LineKind {
  ONE_OFF_COST("One-off cost"),
  RECURRING_COST("Recurring cost"),
  NEW_REVENUE("New revenue"),
  RETAINED_REVENUE("Retained revenue"),
  COST_SAVED("Cost saved");

  private final String label;

  LineKind(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public boolean cost() {
    return this == ONE_OFF_COST || this == RECURRING_COST;
  }

  /** True for the one-off cost, which falls in one period only. */
  public boolean once() {
    return this == ONE_OFF_COST;
  }

  public static LineKind parse(String value) {
    for (LineKind k : values()) {
      if (k.id().equals(value)) {
        return k;
      }
    }
    return null;
  }
}
