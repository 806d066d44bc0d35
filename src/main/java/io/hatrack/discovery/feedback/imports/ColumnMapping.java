package io.hatrack.discovery.feedback.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a file fills which field of feedback. A column maps to at most one field and a
 * field is filled by at most one column; columns without a field are ignored (and listed in the
 * report). {@link #guess} proposes a mapping from the header names; {@link #parse} reads one
 * written as {@code column:field,column:field} (or with {@code =}), where the field {@code ignore}
 * leaves a column out.
 */
public final class ColumnMapping {
  /** The word that leaves a column out of a mapping. */
  public static final String IGNORE = "ignore";

  private final Map<String, FeedbackField> fields;

  private ColumnMapping(Map<String, FeedbackField> fields) {
    this.fields = fields;
  }

  /** A mapping of these columns (in this order), null values leaving a column out. */
  public static ColumnMapping of(Map<String, FeedbackField> byColumn) {
    Map<String, FeedbackField> map = new LinkedHashMap<>();
    byColumn.forEach(
        (column, field) -> {
          if (field != null) {
            map.put(column, field);
          }
        });
    return new ColumnMapping(map);
  }

  /** Each column whose name suggests a field not suggested by an earlier column. */
  public static ColumnMapping guess(Collection<String> columns) {
    Map<String, FeedbackField> map = new LinkedHashMap<>();
    for (String column : columns) {
      FeedbackField.guess(column)
          .filter(f -> !map.containsValue(f))
          .ifPresent(f -> map.put(column, f));
    }
    return new ColumnMapping(map);
  }

  /**
   * A mapping written by a person, e.g. {@code Comment:text,Account:customer}; column names are
   * matched to {@code columns} without case when they do not match exactly. The columns it does not
   * name keep their guessed field, unless the person gave that field to another column. Every
   * mistake is a {@link FileProblem} of the whole file.
   */
  public static ColumnMapping parse(
      List<String> entries, Collection<String> columns, List<FileProblem> problems) {
    Map<String, FeedbackField> explicit = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      int sep = Math.max(entry.lastIndexOf(':'), entry.lastIndexOf('='));
      if (sep <= 0) {
        problems.add(
            FileProblem.ofFile(
                "the mapping \"" + entry + "\" is not column:field (e.g. Comment:text)"));
        continue;
      }
      String wanted = entry.substring(0, sep).strip();
      String fieldName = entry.substring(sep + 1).strip();
      Optional<String> column = column(wanted, columns);
      if (column.isEmpty()) {
        problems.add(
            FileProblem.ofFile(
                "the mapping names the column \""
                    + wanted
                    + "\", which the file does not have (it has "
                    + String.join(", ", columns)
                    + ")"));
        continue;
      }
      if (fieldName.equalsIgnoreCase(IGNORE) || fieldName.equals("-")) {
        ignored.add(column.get());
        continue;
      }
      Optional<FeedbackField> field = FeedbackField.byId(fieldName);
      if (field.isEmpty()) {
        problems.add(
            FileProblem.ofFile(
                "the mapping gives the column \""
                    + column.get()
                    + "\" the field \""
                    + fieldName
                    + "\"; the fields are "
                    + FeedbackField.ids()
                    + " (or ignore)"));
        continue;
      }
      if (explicit.containsValue(field.get())) {
        problems.add(
            FileProblem.ofFile(
                "the mapping gives the field " + field.get().id() + " to two columns"));
        continue;
      }
      explicit.put(column.get(), field.get());
    }
    Map<String, FeedbackField> map = new LinkedHashMap<>();
    ColumnMapping guessed = guess(columns);
    for (String column : columns) {
      FeedbackField f = explicit.get(column);
      if (f == null && !ignored.contains(column)) {
        f = guessed.fields.get(column);
        if (f != null && explicit.containsValue(f)) {
          f = null;
        }
      }
      if (f != null) {
        map.put(column, f);
      }
    }
    return new ColumnMapping(map);
  }

  private static Optional<String> column(String wanted, Collection<String> columns) {
    if (columns.contains(wanted)) {
      return Optional.of(wanted);
    }
    return columns.stream().filter(c -> c.equalsIgnoreCase(wanted)).findFirst();
  }

  /** The field a column fills, if any. */
  public Optional<FeedbackField> field(String column) {
    return Optional.ofNullable(fields.get(column));
  }

  /** The column that fills a field, if any. */
  public Optional<String> column(FeedbackField field) {
    return fields.entrySet().stream()
        .filter(e -> e.getValue() == field)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  public boolean has(FeedbackField field) {
    return fields.containsValue(field);
  }

  /** The mapped columns and their fields, in the file's order. */
  public Map<String, FeedbackField> fields() {
    return java.util.Collections.unmodifiableMap(fields);
  }

  /** The columns of {@code columns} that no field takes. */
  public List<String> unmapped(Collection<String> columns) {
    return columns.stream().filter(c -> !fields.containsKey(c)).toList();
  }

  /**
   * The mapping as the API and the command line write it: {@code Comment:text,Account:customer}.
   */
  @Override
  public String toString() {
    return String.join(
        ",", fields.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().id()).toList());
  }
}
