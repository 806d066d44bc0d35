package io.hatrack.definition.docs;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** Where one approver stands on a document. */
public enum Decision {
  PENDING("Pending", "\u25CB"),
  APPROVED("Approved", "\u2713"),
  CHANGES_REQUESTED("Changes requested", "\u270E");

  private final String label;
  private final String symbol;

  Decision(String label, String symbol) {
    this.label = label;
    this.symbol = symbol;
  }

  /** A sign shown beside the label, so that the decision never depends on colour alone. */
  public String symbol() {
    return symbol;
  }

  /** The value in the API and the database, e.g. {@code changes_requested}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Decision parse(String field, String value) {
    for (Decision d : values()) {
      if (d.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return d;
      }
    }
    throw Invalid.field(field, "must be pending, approved or changes_requested");
  }
}
