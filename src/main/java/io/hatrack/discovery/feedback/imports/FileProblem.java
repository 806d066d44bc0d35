package io.hatrack.discovery.feedback.imports;

/**
 * What is wrong with an imported file, and where: the line (1 is a CSV file's header) and the
 * column as the file names it; for JSON also the record (counted from 1) and the character position
 * on the line.
 *
 * @param line the line of the file, counted from 1; 0 when the file as a whole is wrong
 * @param column the column's (or JSON field's) name as the file writes it, or null
 * @param record the JSON record, counted from 1, or 0 (a CSV file, or not in a record)
 * @param position the character on the line, counted from 1, or 0 when not known
 */
public record FileProblem(long line, String column, long record, long position, String message) {
  /** The problem in words with where it is, as {@link #toString()} says it (for the API). */
  @com.fasterxml.jackson.annotation.JsonProperty("text")
  public String text() {
    return toString();
  }

  /** A problem of a CSV file. */
  public static FileProblem at(long line, String column, String message) {
    return new FileProblem(line, column, 0, 0, message);
  }

  /** A problem of the whole file. */
  public static FileProblem ofFile(String message) {
    return new FileProblem(0, null, 0, 0, message);
  }

  /**
   * How people read it, e.g. {@code line 7, column source: "chat" is not a source ...} or {@code
   * record 3 (line 12, column 5), field date: ...}.
   */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder();
    if (record > 0) {
      where.append("record ").append(record);
      if (line > 0) {
        where.append(" (line ").append(line);
        if (position > 0) {
          where.append(", column ").append(position);
        }
        where.append(')');
      }
      if (column != null) {
        where.append(", field ").append(column);
      }
    } else {
      if (line > 0) {
        where.append("line ").append(line);
      }
      if (column != null) {
        where.append(where.isEmpty() ? "" : ", ").append("column ").append(column);
      }
    }
    return where.isEmpty() ? message : where + ": " + message;
  }
}
