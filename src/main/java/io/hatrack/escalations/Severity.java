package io.hatrack.escalations;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** How bad an escalation is, from S1 (a customer cannot work) to S4 (a question or a nuisance). */
public enum Severity {
  S1("Critical: the customer cannot take payments"),
  S2("Major: an important function fails, with no workaround"),
  S3("Minor: a function fails, with a workaround"),
  S4("Low: a question or a cosmetic problem");

  private final String meaning;

  Severity(String meaning) {
    this.meaning = meaning;
  }

  public String id() {
    return name();
  }

  public String meaning() {
    return meaning;
  }

  /** Parses S1..S4 (any case); {@code field} names the input in the error. */
  public static Severity parse(String field, String value) {
    if (value != null) {
      String v = value.strip().toUpperCase(Locale.ROOT);
      for (Severity s : values()) {
        if (s.name().equals(v)) {
          return s;
        }
      }
    }
    throw Invalid.field(field, "must be one of S1, S2, S3, S4");
  }
}
