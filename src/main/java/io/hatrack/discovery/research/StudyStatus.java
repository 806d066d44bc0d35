package io.hatrack.discovery.research;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** Where a research study stands: planned, running (sessions are being held) or done. */
public enum StudyStatus {
  PLANNED("planned", "Planned"),
  RUNNING("running", "Running"),
  DONE("done", "Done");

  private final String id;
  private final String label;

  StudyStatus(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /**
   * The status named {@code value} (blank: planned), or an {@link Invalid} naming {@code field}.
   */
  public static StudyStatus parse(String field, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return PLANNED;
    }
    for (StudyStatus s : values()) {
      if (s.id.equals(v)) {
        return s;
      }
    }
    throw Invalid.field(field, "must be one of planned, running, done");
  }
}
