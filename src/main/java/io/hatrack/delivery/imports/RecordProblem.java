package io.hatrack.delivery.imports;

/**
 * What is wrong with an imported file, and where: the record as the file names it (e.g. {@code line
 * 7 (PROJ-12)}, {@code issue #41}, {@code card 5f1c… "Saved cards"}), or null for the whole file.
 */
public record RecordProblem(String where, String message) {
  public static RecordProblem ofFile(String message) {
    return new RecordProblem(null, message);
  }

  /** The problem in words with where it is, as {@link #toString()} says it (for the API). */
  @com.fasterxml.jackson.annotation.JsonProperty("text")
  public String text() {
    return toString();
  }

  @Override
  public String toString() {
    return where == null ? message : where + ": " + message;
  }
}
