package io.hatrack.definition.query;

import io.hatrack.kernel.Invalid;
import java.util.Objects;

/**
 * What is wrong with a query and where: the 0-based {@code offset} and the {@code length} of the
 * offending part (for the UI to underline it) and a message for people, e.g. {@code unknown field
 * "stauts": did you mean "status"?}.
 */
public record QueryError(int offset, int length, String message) implements WorkItemQuery.Outcome {
  /** The widest excerpt of the query a reason quotes. */
  private static final int WINDOW = 60;

  public QueryError {
    Objects.requireNonNull(message, "message");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
  }

  static QueryError at(ParsedQuery.Span span, String message) {
    return new QueryError(span.offset(), span.length(), message);
  }

  /** The 1-based column people count in. */
  public int column() {
    return offset + 1;
  }

  /**
   * Two lines: the query (or, for a long one, the part around the error) and carets under the
   * offending part.
   */
  public String excerpt(String query) {
    String flat = query.replaceAll("[\\t\\r\\n]", " ");
    int from = 0;
    int to = flat.length();
    if (flat.length() > WINDOW) {
      from = Math.max(0, Math.min(offset - WINDOW / 3, flat.length() - WINDOW));
      to = Math.min(flat.length(), from + WINDOW);
    }
    String prefix = from > 0 ? "\u2026" : "";
    String shown = prefix + flat.substring(from, to) + (to < flat.length() ? "\u2026" : "");
    int caretAt = prefix.length() + Math.max(0, Math.min(offset, flat.length()) - from);
    int carets = Math.max(1, Math.min(length, to - Math.min(offset, to)));
    return shown + "\n" + " ".repeat(caretAt) + "^".repeat(carets);
  }

  /** The reason an {@link Invalid} gives: the column, the message and the excerpt. */
  public String reason(String query) {
    return "column " + column() + ": " + message + "\n" + excerpt(query);
  }

  /** This error as the kernel's validation error on the field {@code q}. */
  public Invalid invalid(String query) {
    return Invalid.field("q", reason(query));
  }
}
