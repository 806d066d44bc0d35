package io.hatrack.delivery.imports.source;

import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.RecordProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file with a header row, streamed: RFC 4180 with quoted fields over several
 * lines, columns that may repeat (Jira writes one {@code Labels} column per label), and the line
 * each row starts on. Blank rows (a file's empty trailing rows) are passed over. A row with more
 * fields than the header is a problem; one with fewer (a spreadsheet that dropped trailing empty
 * cells) is filled with empty values. Rows can be looked at ahead of reading, to learn a file's
 * date format from its first rows.
 */
final class CsvTable implements AutoCloseable {
  private static final Pattern LINE = Pattern.compile("line:? (\\d+)");

  /** One row: its first line and its values in the header's order. */
  record Row(long line, List<String> values) {}

  private final Reader reader;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header = new ArrayList<>();
  private final Map<String, List<Integer>> byName = new LinkedHashMap<>();
  private final Deque<Row> ahead = new ArrayDeque<>();
  private final List<RecordProblem> problems = new ArrayList<>();
  private boolean ended;

  CsvTable(ImportFile file, SourceText text) {
    try {
      this.reader = text.open(file);
      this.parser =
          CSVParser.parse(
              reader, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.records = parser.iterator();
    CSVRecord first;
    try {
      if (!records.hasNext()) {
        throw new SourceText.Unreadable(
            RecordProblem.ofFile("the file is empty: it needs a header row"));
      }
      first = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new SourceText.Unreadable(unbalanced(e));
    }
    for (int i = 0; i < first.size(); i++) {
      String name = first.get(i).strip();
      header.add(name);
      byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
    }
  }

  /** The header's names in order, repeated ones as often as they appear. */
  List<String> header() {
    return List.copyOf(header);
  }

  /** The positions of the columns named {@code name} (without case); empty if none. */
  List<Integer> columns(String name) {
    return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The distinct column names, in the file's order. */
  List<String> distinctColumns() {
    List<String> names = new ArrayList<>();
    for (List<Integer> at : byName.values()) {
      names.add(header.get(at.get(0)));
    }
    return names;
  }

  List<RecordProblem> problems() {
    return problems;
  }

  /** Up to {@code n} rows ahead, without reading them. */
  List<Row> peek(int n) {
    while (ahead.size() < n && !ended) {
      Row r = read();
      if (r != null) {
        ahead.addLast(r);
      }
    }
    return List.copyOf(ahead);
  }

  /** The next row, or null at the end. */
  Row next() {
    if (!ahead.isEmpty()) {
      return ahead.pollFirst();
    }
    while (!ended) {
      Row r = read();
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private Row read() {
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        ended = true;
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      problems.add(unbalanced(e));
      ended = true;
      return null;
    }
    long line = firstLine(record, parser.getCurrentLineNumber());
    List<String> values = new ArrayList<>(header.size());
    boolean blank = true;
    for (String v : record.values()) {
      values.add(v);
      blank &= v.isBlank();
    }
    if (blank) {
      return null;
    }
    if (values.size() > header.size()) {
      boolean extraBlank = true;
      for (int i = header.size(); i < values.size(); i++) {
        extraBlank &= values.get(i).isBlank();
      }
      if (!extraBlank) {
        problems.add(
            new RecordProblem(
                "line " + line,
                "has "
                    + values.size()
                    + " fields but the header has "
                    + header.size()
                    + " (a comma too many, or a quote not closed?)"));
        return null;
      }
      values = new ArrayList<>(values.subList(0, header.size()));
    }
    while (values.size() < header.size()) {
      values.add("");
    }
    return new Row(line, values);
  }

  private static long firstLine(CSVRecord record, long linesRead) {
    long extra = 0;
    for (String value : record.values()) {
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) == '\n') {
          extra++;
        }
      }
    }
    return Math.max(2, linesRead - extra);
  }

  private static RecordProblem unbalanced(RuntimeException e) {
    long line = 0;
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        line = Long.parseLong(m.group(1));
        break;
      }
    }
    return new RecordProblem(
        line > 0 ? "line " + line : null,
        "the quotes do not balance (a quote \" opened here is never closed, or text follows a"
            + " closing quote)");
  }

  @Override
  public void close() {
    try {
      parser.close();
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
