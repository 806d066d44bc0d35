package io.hatrack.discovery.feedback.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the records of an imported feedback file one at a time, so that a file of 100,000 rows
 * never lives in memory as rows: CSV (RFC 4180 with a header row) or JSON (an array of objects, or
 * an object holding one under {@code feedback}, read with Jackson's streaming parser). The file
 * must be UTF-8 (a byte-order mark is skipped); anything else is refused with the line of the first
 * byte that is not. What the values mean is for the import to check; this class finds what makes a
 * file unreadable: a row with more or fewer fields than the header, quotes left open, JSON that is
 * not JSON, a record that is not an object.
 */
public final class FeedbackFile {
  /** The largest file accepted, in bytes (64 MiB: some 200,000 rows of feedback). */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  /** The most records one file may hold. */
  public static final int MAX_ROWS = 250_000;

  /** After this many problems, reading stops: the file needs fixing anyway. */
  public static final int MAX_PROBLEMS = 100;

  private static final Pattern LINE = Pattern.compile("line:? (\\d+)");

  /** A file that cannot be read at all: every problem found, with where it is. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FileProblem> problems;

    public Refused(List<FileProblem> problems) {
      super(problems.get(0).toString());
      this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
      return problems;
    }
  }

  /** The records of a file, read as they are asked for; close it when done. */
  public interface Rows extends Iterator<FileRow> {
    /** The columns: a CSV file's header, or the JSON fields seen so far. */
    List<String> columns();

    /** What made records unreadable so far; a problem that stops reading ends the rows. */
    List<FileProblem> problems();
  }

  private FeedbackFile() {}

  /**
   * Checks that {@code bytes} are a UTF-8 text within the size limit and answers where the text
   * starts (after a byte-order mark); {@link Refused} names the line of the first wrong byte.
   */
  public static int checkText(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length);
    }
    if (bytes.length == 0) {
      throw refused(FileProblem.ofFile("the file is empty"));
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw refused(
          FileProblem.ofFile(
              "the file is UTF-16 text (its byte-order mark says so); save it as UTF-8 and try"
                  + " again"));
    }
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    while (true) {
      CoderResult result = utf8.decode(in, out, true);
      if (result.isError()) {
        throw refused(
            FileProblem.at(
                lineAt(bytes, in.position()),
                null,
                "the file is not UTF-8 text (a byte there is not UTF-8: was it saved as Windows-1252"
                    + " or Latin-1?); save it as UTF-8 (\"CSV UTF-8\") and try again"));
      }
      if (result.isUnderflow()) {
        break;
      }
      out.clear();
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw refused(
            FileProblem.at(
                lineAt(bytes, i), null, "the file holds NUL characters (is it UTF-16 or binary?)"));
      }
    }
    return start;
  }

  /** The problem of a file over {@link #MAX_BYTES}. */
  public static Refused tooLarge(long size) {
    return refused(
        FileProblem.ofFile(
            "the file is "
                + String.format(Locale.ROOT, "%,d", size)
                + " bytes; the limit is "
                + String.format(Locale.ROOT, "%,d", MAX_BYTES)
                + " bytes: split it"));
  }

  private static long lineAt(byte[] bytes, int end) {
    long line = 1;
    for (int i = 0; i < end && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static Refused refused(FileProblem problem) {
    return new Refused(List.of(problem));
  }

  /** Opens the records of a checked file ({@link #checkText} first). */
  public static Rows open(FileFormat format, byte[] bytes) {
    int start = checkText(bytes);
    return format == FileFormat.JSON ? new JsonRows(bytes, start) : new CsvRows(bytes, start);
  }

  // ---- CSV ------------------------------------------------------------------------------------

  private static final class CsvRows implements Rows {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns = new ArrayList<>();
    private final List<FileProblem> problems = new ArrayList<>();
    private FileRow next;
    private boolean ended;
    private long count;

    CsvRows(byte[] bytes, int start) {
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setIgnoreEmptyLines(true)
              .setIgnoreSurroundingSpaces(false)
              .get();
      try {
        this.parser =
            CSVParser.parse(
                new InputStreamReader(
                    new ByteArrayInputStream(bytes, start, bytes.length - start),
                    StandardCharsets.UTF_8),
                format);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.records = parser.iterator();
      header();
    }

    private void header() {
      CSVRecord header;
      try {
        if (!records.hasNext()) {
          throw refused(FileProblem.ofFile("the file is empty: it needs a header row"));
        }
        header = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw refused(unbalanced(e));
      }
      Set<String> seen = new LinkedHashSet<>();
      List<FileProblem> found = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).strip();
        if (name.isEmpty()) {
          name = "column " + (i + 1);
        }
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
          found.add(FileProblem.at(1, name, "appears twice in the header"));
        }
        columns.add(name);
      }
      if (!found.isEmpty()) {
        throw new Refused(found);
      }
    }

    @Override
    public List<String> columns() {
      return List.copyOf(columns);
    }

    @Override
    public List<FileProblem> problems() {
      return List.copyOf(problems);
    }

    @Override
    public boolean hasNext() {
      while (next == null && !ended) {
        advance();
      }
      return next != null;
    }

    private void advance() {
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          ended = true;
          return;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        problems.add(unbalanced(e));
        ended = true;
        return;
      }
      long first = firstLine(record, parser.getCurrentLineNumber());
      if (record.size() == 1 && record.get(0).isBlank() && columns.size() > 1) {
        return;
      }
      if (record.size() != columns.size()) {
        problems.add(
            FileProblem.at(
                first,
                null,
                "has "
                    + record.size()
                    + (record.size() == 1 ? " field" : " fields")
                    + " but the header has "
                    + columns.size()
                    + " (a comma too many or too few, or a quote not closed?)"));
        ended = problems.size() >= MAX_PROBLEMS;
        return;
      }
      if (++count > MAX_ROWS) {
        problems.add(
            FileProblem.at(first, null, "is one row too many: a file holds at most " + MAX_ROWS));
        ended = true;
        return;
      }
      Map<String, FileRow.Cell> cells = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        cells.put(columns.get(i), FileRow.Cell.of(record.get(i)));
      }
      next = new FileRow(first, 0, cells);
    }

    @Override
    public FileRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FileRow row = next;
      next = null;
      return row;
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

    private static FileProblem unbalanced(RuntimeException e) {
      long line = 0;
      for (Throwable t = e; t != null; t = t.getCause()) {
        Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
        if (m.find()) {
          line = Long.parseLong(m.group(1));
          break;
        }
      }
      return FileProblem.at(
          line,
          null,
          "the quotes do not balance (a quote \" opened here is never closed, or text follows a"
              + " closing quote)");
    }
  }

  // ---- JSON -----------------------------------------------------------------------------------

  private static final class JsonRows implements Rows {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonParser parser;
    private final Set<String> columns = new LinkedHashSet<>();
    private final List<FileProblem> problems = new ArrayList<>();
    private FileRow next;
    private boolean ended;
    private long record;

    JsonRows(byte[] bytes, int start) {
      try {
        this.parser = FACTORY.createParser(bytes, start, bytes.length - start);
        enter();
      } catch (JsonProcessingException e) {
        throw refused(syntax(e, 0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Moves to the first record: into the top array, or the array under "feedback". */
    private void enter() throws IOException {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return;
      }
      if (first == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if (name.equals("feedback") && value == JsonToken.START_ARRAY) {
            return;
          }
          parser.skipChildren();
        }
      }
      throw refused(
          FileProblem.ofFile(
              "the JSON must be an array of feedback objects, or an object with such an array"
                  + " under \"feedback\""));
    }

    @Override
    public List<String> columns() {
      return List.copyOf(columns);
    }

    @Override
    public List<FileProblem> problems() {
      return List.copyOf(problems);
    }

    @Override
    public boolean hasNext() {
      while (next == null && !ended) {
        try {
          advance();
        } catch (JsonProcessingException e) {
          problems.add(syntax(e, record));
          ended = true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return next != null;
    }

    private void advance() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY || token == null) {
        ended = true;
        return;
      }
      record++;
      JsonLocation at = parser.currentTokenLocation();
      if (token != JsonToken.START_OBJECT) {
        problems.add(
            new FileProblem(
                at.getLineNr(),
                null,
                record,
                at.getColumnNr(),
                "is " + kind(token) + ", not an object of feedback"));
        parser.skipChildren();
        ended = problems.size() >= MAX_PROBLEMS;
        return;
      }
      if (record > MAX_ROWS) {
        problems.add(
            new FileProblem(
                at.getLineNr(),
                null,
                record,
                at.getColumnNr(),
                "is one record too many: a file holds at most " + MAX_ROWS));
        ended = true;
        return;
      }
      Map<String, FileRow.Cell> cells = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        JsonLocation where = parser.currentTokenLocation();
        columns.add(name);
        cells.put(name, cell(value, where));
      }
      next = new FileRow(at.getLineNr(), record, cells);
    }

    private FileRow.Cell cell(JsonToken value, JsonLocation where) throws IOException {
      long line = where.getLineNr();
      long column = where.getColumnNr();
      return switch (value) {
        case VALUE_NULL -> new FileRow.Cell("", null, line, column, false);
        case START_ARRAY -> {
          List<String> items = new ArrayList<>();
          boolean nested = false;
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
              nested = true;
              parser.skipChildren();
            } else if (t != JsonToken.VALUE_NULL) {
              items.add(parser.getText());
            }
          }
          yield new FileRow.Cell(String.join(",", items), items, line, column, nested);
        }
        case START_OBJECT -> {
          parser.skipChildren();
          yield new FileRow.Cell("", null, line, column, true);
        }
        default -> new FileRow.Cell(parser.getText(), null, line, column, false);
      };
    }

    @Override
    public FileRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FileRow row = next;
      next = null;
      return row;
    }

    private static String kind(JsonToken token) {
      return switch (token) {
        case START_ARRAY -> "a list";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "true or false";
        case VALUE_NULL -> "null";
        default -> "not a value";
      };
    }

    private static FileProblem syntax(JsonProcessingException e, long record) {
      JsonLocation at = e.getLocation();
      return new FileProblem(
          at == null ? 0 : at.getLineNr(),
          null,
          record,
          at == null ? 0 : at.getColumnNr(),
          "is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
