package io.hatrack.discovery.surveys;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** Where a survey stands: written but not yet answerable, taking answers, or no longer. */
public enum SurveyStatus {
  DRAFT("draft", "Draft"),
  OPEN("open", "Open"),
  CLOSED("closed", "Closed");

  private final String id;
  private final String label;

  SurveyStatus(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The status named {@code value}; an {@link Invalid} on {@code field} for anything else. */
  public static SurveyStatus parse(String field, String value) {
    String clean = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (SurveyStatus s : values()) {
      if (s.id.equals(clean)) {
        return s;
      }
    }
    throw Invalid.field(field, "must be draft, open or closed");
  }
}
