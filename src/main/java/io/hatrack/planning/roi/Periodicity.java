package io.hatrack.planning.roi;

import java.util.Locale;

/**
 * The length of a model's periods. The discount rate is entered per year; a month's rate is the
 * equivalent effective rate {@code (1 + annual)^(1/12) - 1}, so that twelve months discount exactly
 * as one year does.
 */
public enum Periodicity {
  MONTHLY(12, "month"),
  YEARLY(1, "year");

  private final int perYear;
  private final String unit;

  Periodicity(int perYear, String unit) {
    this.perYear = perYear;
    this.unit = unit;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int perYear() {
    return perYear;
  }

  /** "month" or "year". */
  public String unit() {
    return unit;
  }

  /** The rate per period equivalent to {@code annual}. */
  public double periodRate(double annual) {
    return perYear == 1 ? annual : Math.pow(1 + annual, 1.0 / perYear) - 1;
  }

  /** A rate per period as the equivalent annual rate. */
  public double annualRate(double perPeriod) {
    return perYear == 1 ? perPeriod : Math.pow(1 + perPeriod, perYear) - 1;
  }

  public static Periodicity parse(String value) {
    for (Periodicity p : values()) {
      if (p.id().equals(value)) {
        return p;
      }
    }
    return null;
  }
}
