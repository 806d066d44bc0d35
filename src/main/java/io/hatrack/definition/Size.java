package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** T-shirt sizes, in order, for products that estimate by size. */
public enum Size {
  XS,
  S,
  M,
  L,
  XL,
  XXL;

  public static Size parse(String field, String value) {
    for (Size size : values()) {
      if (size.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return size;
      }
    }
    throw Invalid.field(field, "must be one of XS, S, M, L, XL, XXL");
  }

  /** The size's rank from 1 (XS) to 6 (XXL), used to compare sizes with a limit. */
  public int rank() {
    return ordinal() + 1;
  }

  public String id() {
    return name().toUpperCase(Locale.ROOT);
  }
}
