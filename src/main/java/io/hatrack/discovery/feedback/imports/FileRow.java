package io.hatrack.discovery.feedback.imports;

import java.util.List;
import java.util.Map;

/**
 * One record of an imported file: where it starts and its values by column (CSV) or field (JSON).
 *
 * @param line the line the record starts on
 * @param record the JSON record, counted from 1; 0 for CSV
 * @param cells the values by column name, in the file's order
 */
public record FileRow(long line, long record, Map<String, Cell> cells) {
  /**
   * One value: its text (a list's items joined by commas), and for JSON where it is and the items
   * of a list.
   *
   * @param items the items when the value is a JSON list, else null
   * @param nested true when the value is a JSON object, which no field takes
   */
  public record Cell(String text, List<String> items, long line, long position, boolean nested) {
    public static Cell of(String text) {
      return new Cell(text, null, 0, 0, false);
    }
  }

  public String text(String column) {
    Cell c = cells.get(column);
    return c == null || c.text() == null ? "" : c.text();
  }

  public Cell cell(String column) {
    return cells.get(column);
  }

  /** A problem at this record and a column (null: the whole record). */
  public FileProblem problem(String column, String message) {
    Cell c = column == null ? null : cells.get(column);
    if (record > 0) {
      long l = c != null && c.line() > 0 ? c.line() : line;
      long p = c != null && c.position() > 0 ? c.position() : 0;
      return new FileProblem(l, column, record, p, message);
    }
    return FileProblem.at(line, column, message);
  }
}
