package io.hatrack.delivery.imports.source;

import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.RecordProblem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads any CSV file with a header row, its columns mapped to fields ({@link CsvField}): a column
 * named in the mapping fills that field, the others are guessed from their header names (Title,
 * Summary, Status, Labels, ...). {@code title} is required. Tags are separated by {@code ;} or
 * {@code ,}. The {@code key} column is the record's external key: without one, importing the file
 * again adds its rows again, which the report says.
 */
public final class GenericCsvReader implements RecordReader {
  private final CsvTable table;
  private final Map<CsvField, Integer> fields = new EnumMap<>(CsvField.class);
  private final Map<String, String> mapping = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<RecordProblem> problems = new ArrayList<>();
  private SourceRecord next;

  /**
   * @param chosen the field of some columns (header name to field id, or {@code ignore})
   */
  public GenericCsvReader(ImportFile file, SourceText text, Map<String, String> chosen) {
    this.table = new CsvTable(file, text);
    Map<String, String> lower = new LinkedHashMap<>();
    chosen.forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v));
    Set<String> seen = new LinkedHashSet<>();
    List<String> header = table.header();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      if (!seen.add(column.toLowerCase(Locale.ROOT))) {
        problems.add(
            new RecordProblem(
                "line 1, column " + column,
                "appears twice in the header: rename one (a generic CSV maps each column once)"));
        continue;
      }
      String field = lower.get(column.toLowerCase(Locale.ROOT));
      CsvField f;
      if (field != null) {
        if (field.equalsIgnoreCase(CsvField.IGNORE)) {
          mapping.put(column, CsvField.IGNORE);
          continue;
        }
        f = CsvField.byId(field).orElse(null);
        if (f == null) {
          problems.add(
              new RecordProblem(
                  "column " + column,
                  "\"" + field + "\" is not a field; the fields are " + CsvField.ids()));
          continue;
        }
      } else {
        f = CsvField.guess(column).filter(g -> !fields.containsKey(g)).orElse(null);
      }
      if (f == null) {
        mapping.put(column, CsvField.IGNORE);
      } else if (fields.containsKey(f)) {
        problems.add(
            new RecordProblem(
                "column " + column,
                "is mapped to " + f.id() + " like column " + header.get(fields.get(f))));
      } else {
        fields.put(f, i);
        mapping.put(column, f.id());
      }
    }
    for (String c : chosen.keySet()) {
      if (table.columns(c).isEmpty()) {
        problems.add(
            new RecordProblem("line 1", "the mapping names a column \"" + c + "\" the file lacks"));
      }
    }
    if (!fields.containsKey(CsvField.TITLE) && problems.isEmpty()) {
      problems.add(
          new RecordProblem(
              "line 1",
              "no column is mapped to title (the columns are "
                  + String.join(", ", header)
                  + "): map one with COLUMN=title"));
    }
    if (!fields.containsKey(CsvField.KEY)) {
      notes.add(
          "no column is mapped to key: importing this file again will add its rows again"
              + " rather than update them");
    }
  }

  /** The field each column fills, in the file's order ({@code ignore} for the others). */
  public Map<String, String> mapping() {
    return Map.copyOf(mapping);
  }

  @Override
  public List<String> columns() {
    return table.distinctColumns();
  }

  @Override
  public List<RecordProblem> problems() {
    List<RecordProblem> all = new ArrayList<>(problems);
    all.addAll(table.problems());
    return all;
  }

  @Override
  public List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public boolean hasNext() {
    if (next == null && problems.isEmpty()) {
      CsvTable.Row row = table.next();
      if (row != null) {
        next = record(row);
      }
    }
    return next != null;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRecord r = next;
    next = null;
    return r;
  }

  private String get(CsvTable.Row row, CsvField f) {
    Integer i = fields.get(f);
    if (i == null) {
      return null;
    }
    String v = row.values().get(i).strip();
    return v.isEmpty() ? null : v;
  }

  private SourceRecord record(CsvTable.Row row) {
    String key = get(row, CsvField.KEY);
    List<String> tags = new ArrayList<>();
    String t = get(row, CsvField.TAGS);
    if (t != null) {
      for (String tag : t.split("[;,]")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip());
        }
      }
    }
    String title = get(row, CsvField.TITLE);
    String description = get(row, CsvField.DESCRIPTION);
    return new SourceRecord(
        "line " + row.line() + (key == null ? "" : " (" + key + ")"),
        key,
        null,
        get(row, CsvField.TYPE),
        title == null ? "" : title,
        description == null ? "" : description,
        get(row, CsvField.STATUS),
        null,
        get(row, CsvField.PARENT),
        get(row, CsvField.ESTIMATE),
        get(row, CsvField.OWNER),
        tags,
        List.of(),
        List.of(),
        null,
        List.of());
  }

  @Override
  public void close() {
    table.close();
  }
}
