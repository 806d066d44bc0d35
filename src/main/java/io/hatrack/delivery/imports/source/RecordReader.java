package io.hatrack.delivery.imports.source;

import io.hatrack.delivery.imports.RecordProblem;
import java.util.Iterator;
import java.util.List;

/**
 * The records of one file, read one at a time as they are asked for, so that a large file never
 * lives in memory as records. Close it when done.
 */
public interface RecordReader extends Iterator<SourceRecord>, AutoCloseable {
  /** The columns (a CSV file's header, in the file's order, repeated ones once). */
  List<String> columns();

  /** What makes the file, or records of it, unreadable, found so far. */
  List<RecordProblem> problems();

  /** What the report should say about the file as a whole (the date format found, ...). */
  List<String> notes();

  @Override
  void close();
}
