package io.hatrack.delivery.sprints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small number helpers shared by the sprint calculators, without I/O. */
final class SprintMath {
  private SprintMath() {}

  /** A number as a person reads it: whole numbers without decimals, else one decimal. */
  static String text(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
  }

  /** Rounded to one decimal, for charts and JSON. */
  static double tenth(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /**
   * The {@code p}-th percentile (0..1) of {@code values} by linear interpolation between closest
   * ranks (the "R-7" method of spreadsheets and NumPy's default). Empty values give 0.
   */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
