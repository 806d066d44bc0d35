package io.hatrack.discovery.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a customer CSV file (RFC 4180, UTF-8, a header row) into rows of named values, refusing a
 * file that is not one: not UTF-8, too large, quotes left open, a header without {@code name}, a
 * column named twice or unknown, a row with more or fewer fields than the header. Whether the
 * values make sense is for {@link CustomerImport} to check. No I/O: the bytes are given.
 *
 * <p>Columns: {@code name} (required), {@code external_id}, {@code segment}, {@code plan}, {@code
 * tier}, {@code arr} or {@code mrr} (the revenue per year or per month), {@code domain} (or {@code
 * website}), {@code notes}, and a contact: {@code contact_name} (or {@code contact}), {@code
 * contact_email}, {@code contact_role}. Names are matched without case, spaces and dashes as
 * underscores.
 */
public final class CustomerCsv {
  /** The largest file accepted, in bytes. */
  public static final int MAX_BYTES = 1_000_000;

  /** The most customers one file may hold. */
  public static final int MAX_ROWS = 10_000;

  /** The columns a file may have, as the import names them. */
  public static final List<String> COLUMNS =
      List.of(
          "name",
          "external_id",
          "segment",
          "plan",
          "tier",
          "arr",
          "mrr",
          "domain",
          "notes",
          "contact_name",
          "contact_email",
          "contact_role");

  /** Another name a column is known by. */
  private static final Map<String, String> ALIASES =
      Map.of("website", "domain", "contact", "contact_name");

  /** A file that cannot be read as customers: every problem found, each with where it is. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ImportProblem> problems;

    public Refused(List<ImportProblem> problems) {
      super(problems.get(0).toString());
      this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
      return problems;
    }
  }

  /** One row of customers: its line and its values by column ({@link #COLUMNS}), never null. */
  public record Row(long line, Map<String, String> values) {
    public Row {
      values = Map.copyOf(values);
    }

    public String get(String column) {
      return values.getOrDefault(column, "");
    }
  }

  /**
   * The file's rows, and how its header named each column (so that a message can name the column as
   * the file does).
   */
  public record Parsed(List<Row> rows, Map<String, String> headerNames) {
    public Parsed {
      rows = List.copyOf(rows);
      headerNames = Map.copyOf(headerNames);
    }

    /** How the file names a column, e.g. {@code ARR} for {@code arr}. */
    public String header(String column) {
      return headerNames.getOrDefault(column, column);
    }

    public boolean has(String column) {
      return headerNames.containsKey(column);
    }
  }

  private CustomerCsv() {}

  /** The text of an upload: strict UTF-8, without a byte-order mark; refused otherwise. */
  public static String text(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw refused(
          0,
          null,
          "the file is "
              + String.format(Locale.ROOT, "%,d", bytes.length)
              + " bytes; the limit is "
              + String.format(Locale.ROOT, "%,d", MAX_BYTES)
              + " bytes (about 10,000 customers): split it");
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw refused(lineOfFirstBadByte(bytes), null, notUtf8());
    }
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      throw refused(
          text.substring(0, nul).lines().count() + 1, null, "the file holds NUL characters");
    }
    return text;
  }

  private static String notUtf8() {
    return "the file is not UTF-8 text (save it as \"CSV UTF-8\" and try again)";
  }

  /** The line of the first byte that is not UTF-8, found by decoding line by line. */
  private static long lineOfFirstBadByte(byte[] bytes) {
    long line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        CharsetDecoder utf8 =
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try {
          utf8.decode(ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 0;
  }

  /** Reads the rows of a file; {@link Refused} when it is not a customer CSV file. */
  public static Parsed parse(byte[] bytes) {
    return parse(text(bytes));
  }

  public static Parsed parse(String text) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();
    List<ImportProblem> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Map<String, String> headerNames = new LinkedHashMap<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw refused(0, null, "the file is empty: it needs a header row with at least name");
      }
      CSVRecord header = records.next();
      List<String> columns = header(header, headerNames, problems);
      if (!problems.isEmpty()) {
        throw new Refused(problems);
      }
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = record.getParser().getCurrentLineNumber();
        long first = lineOf(record, line);
        if (record.size() == 1 && record.get(0).isBlank() && columns.size() > 1) {
          continue;
        }
        if (record.size() != columns.size()) {
          problems.add(
              new ImportProblem(
                  first,
                  null,
                  "has "
                      + record.size()
                      + (record.size() == 1 ? " field" : " fields")
                      + " but the header has "
                      + columns.size()
                      + " (a comma too many or too few, or a quote not closed?)"));
          if (problems.size() >= 50) {
            break;
          }
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          problems.add(
              new ImportProblem(
                  first, null, "is one customer too many: a file holds at most " + MAX_ROWS));
          break;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          values.put(columns.get(i), record.get(i));
        }
        rows.add(new Row(first, values));
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw refused(
          lineIn(e),
          null,
          "the quotes do not balance (a quote \" without its partner, or text right after a"
              + " closing quote)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    return new Parsed(rows, headerNames);
  }

  /**
   * The line a record starts on: Commons CSV counts the lines read, so a multi-line one ends later.
   */
  private static long lineOf(CSVRecord record, long linesRead) {
    long extra = 0;
    for (String value : record.values()) {
      extra += value.chars().filter(ch -> ch == '\n').count();
    }
    return Math.max(2, linesRead - extra);
  }

  private static long lineIn(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      var m =
          java.util.regex.Pattern.compile("line:? (\\d+)").matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    return 0;
  }

  private static List<String> header(
      CSVRecord header, Map<String, String> headerNames, List<ImportProblem> problems) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i);
      String name = raw.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      String column = ALIASES.getOrDefault(name, name);
      if (name.isEmpty()) {
        problems.add(
            new ImportProblem(1, null, "column " + (i + 1) + " of the header has no name"));
      } else if (!COLUMNS.contains(column)) {
        problems.add(
            new ImportProblem(
                1,
                raw,
                "is not a column Hatrack knows; the columns are "
                    + String.join(", ", COLUMNS)
                    + " (website for domain, contact for contact_name)"));
      } else if (headerNames.containsKey(column)) {
        problems.add(
            new ImportProblem(
                1,
                raw,
                "appears twice in the header (also as \"" + headerNames.get(column) + "\")"));
      } else {
        headerNames.put(column, raw.strip());
      }
      columns.add(column);
    }
    if (!headerNames.containsKey("name") && problems.isEmpty()) {
      problems.add(
          new ImportProblem(1, null, "the header has no column name, which every customer needs"));
    }
    return columns;
  }

  private static Refused refused(long line, String column, String message) {
    return new Refused(List.of(new ImportProblem(line, column, message)));
  }
}
