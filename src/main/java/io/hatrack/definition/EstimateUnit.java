package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** How a product estimates its work items: story points, t-shirt sizes or person-days. */
public enum EstimateUnit {
  POINTS("story points"),
  SIZE("t-shirt size"),
  DAYS("person-days");

  private final String label;

  EstimateUnit(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static EstimateUnit parse(String field, String value) {
    for (EstimateUnit unit : values()) {
      if (unit.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return unit;
      }
    }
    throw Invalid.field(field, "must be points, size or days");
  }
}
