package io.hatrack.definition.decisions;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a decision stands: still open, taken, or replaced by a later decision. */
public enum DecisionStatus {
  PROPOSED("proposed", "Proposed"),
  DECIDED("decided", "Decided"),
  SUPERSEDED("superseded", "Superseded");

  private final String id;
  private final String label;

  DecisionStatus(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The value stored and sent over the API, e.g. {@code decided}. */
  public String id() {
    return id;
  }

  /** How people read it, e.g. {@code Decided}. */
  public String label() {
    return label;
  }

  /** The status named {@code value}; an {@link Invalid} on {@code field} for anything else. */
  public static DecisionStatus parse(String field, String value) {
    String clean = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (DecisionStatus s : values()) {
      if (s.id.equals(clean)) {
        return s;
      }
    }
    throw Invalid.field(field, "must be one of " + ids());
  }

  /** Every status id, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(DecisionStatus::id).collect(Collectors.joining(", "));
  }
}
