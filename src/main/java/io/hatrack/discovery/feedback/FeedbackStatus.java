package io.hatrack.discovery.feedback;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a piece of feedback stands in the inbox: just arrived, looked at, linked to the work it
 * supports, or put away (merged duplicates are archived).
 */
public enum FeedbackStatus {
  NEW("new", "New"),
  TRIAGED("triaged", "Triaged"),
  LINKED("linked", "Linked"),
  ARCHIVED("archived", "Archived");

  private final String id;
  private final String label;

  FeedbackStatus(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<FeedbackStatus> find(String value) {
    String clean = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(clean)).findFirst();
  }

  /** The status named {@code value}; an {@link Invalid} on {@code field} for anything else. */
  public static FeedbackStatus parse(String field, String value) {
    return find(value)
        .orElseThrow(() -> Invalid.field(field, "must be new, triaged, linked or archived"));
  }

  /** Whether linking the feedback to a work item moves it to {@link #LINKED}. */
  public boolean linkable() {
    return this == NEW || this == TRIAGED;
  }
}
