package io.hatrack.discovery.customers;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** The period a customer's revenue is given for: a year (ARR) or a month (MRR). */
public enum RevenuePeriod {
  ARR("arr", "ARR", "per year"),
  MRR("mrr", "MRR", "per month");

  private final String id;
  private final String label;
  private final String meaning;

  RevenuePeriod(String id, String label, String meaning) {
    this.id = id;
    this.label = label;
    this.meaning = meaning;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** "per year" or "per month". */
  public String meaning() {
    return meaning;
  }

  /** {@code arr} or {@code mrr} (any case); an {@link Invalid} on {@code field} otherwise. */
  public static RevenuePeriod parse(String field, String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (RevenuePeriod p : values()) {
      if (p.id.equals(t)) {
        return p;
      }
    }
    throw Invalid.field(field, "must be arr (per year) or mrr (per month)");
  }
}
