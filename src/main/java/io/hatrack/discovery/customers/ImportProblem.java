package io.hatrack.discovery.customers;

/**
 * What is wrong with a CSV file, where: the line (1 is the header) and, when one is to blame, the
 * column.
 *
 * @param line the line of the file, counted from 1; 0 when the file as a whole is wrong
 * @param column the column's name as the header writes it, or null
 */
public record ImportProblem(long line, String column, String message) {
  /** How people read it, e.g. {@code line 7, column arr: "12k" is not an amount}. */
  @Override
  public String toString() {
    String where = line == 0 ? "" : "line " + line;
    if (column != null) {
      where += (where.isEmpty() ? "" : ", ") + "column " + column;
    }
    return where.isEmpty() ? message : where + ": " + message;
  }
}
