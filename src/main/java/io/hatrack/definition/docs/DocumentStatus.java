package io.hatrack.definition.docs;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/**
 * Where a document is in its review: being written, waiting for its approvers, or approved by all
 * of them for its latest version.
 */
public enum DocumentStatus {
  DRAFT("Draft"),
  IN_REVIEW("In review"),
  APPROVED("Approved");

  private final String label;

  DocumentStatus(String label) {
    this.label = label;
  }

  /** The value in the API and the database, e.g. {@code in_review}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static DocumentStatus parse(String field, String value) {
    for (DocumentStatus s : values()) {
      if (s.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return s;
      }
    }
    throw Invalid.field(field, "must be draft, in_review or approved");
  }
}
