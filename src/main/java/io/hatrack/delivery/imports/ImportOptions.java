package io.hatrack.delivery.imports;

import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to import a file: its format, whether to save, and the mapping chosen in the preview, as
 * {@code FROM=TO} entries: {@code status:In QA=In review} maps a status (a Trello list, a GitHub
 * state) to a workflow state, {@code type:Spike=task} a type to a work-item type, and for a generic
 * CSV file {@code Column=field} a column to a field ({@code ignore} leaves it out).
 *
 * @param columns a generic CSV file's columns to their fields
 * @param statuses the file's statuses to workflow states
 * @param types the file's types to work-item types
 */
public record ImportOptions(
    ImportFormat format,
    boolean dryRun,
    Map<String, String> columns,
    Map<String, String> statuses,
    Map<String, String> types) {

  public ImportOptions {
    columns = Map.copyOf(columns);
    statuses = Map.copyOf(statuses);
    types = Map.copyOf(types);
  }

  public static ImportOptions of(ImportFormat format, boolean dryRun) {
    return new ImportOptions(format, dryRun, Map.of(), Map.of(), Map.of());
  }

  /**
   * Options from the API or the command line: {@code map} entries may also be separated by commas
   * (a status name with a comma cannot be mapped that way). An {@link Invalid} names {@code map}.
   */
  public static ImportOptions parse(String format, boolean dryRun, List<String> map) {
    List<String> entries = new ArrayList<>();
    for (String m : map == null ? List.<String>of() : map) {
      for (String e : m.split(",")) {
        entries.add(e);
      }
    }
    return ofEntries(format, dryRun, entries);
  }

  /**
   * Options from entries given one by one (the web pages' fields, the command line's repeated
   * {@code --map}), so that names with commas can be mapped.
   */
  public static ImportOptions ofEntries(String format, boolean dryRun, List<String> given) {
    ImportFormat f = ImportFormat.parse("format", format);
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> statuses = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>();
    for (String e : given == null ? List.<String>of() : given) {
      if (!e.isBlank()) {
        entries.add(e.strip());
      }
    }
    for (String e : entries) {
      int eq = e.lastIndexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw Invalid.field(
            "map",
            "\""
                + e
                + "\" is not FROM=TO (e.g. Summary=title, status:In QA=In review, type:Spike=task)");
      }
      String from = e.substring(0, eq).strip();
      String to = e.substring(eq + 1).strip();
      if (from.regionMatches(true, 0, "status:", 0, 7)) {
        statuses.put(from.substring(7).strip(), to);
      } else if (from.regionMatches(true, 0, "type:", 0, 5)) {
        types.put(from.substring(5).strip(), to);
      } else {
        columns.put(from, to);
      }
    }
    return new ImportOptions(f, dryRun, columns, statuses, types);
  }

  /** The same options as a dry run or not. */
  public ImportOptions withDryRun(boolean dry) {
    return new ImportOptions(format, dry, columns, statuses, types);
  }

  /** The options as {@code FROM=TO} entries again (for the next step of the web pages). */
  public List<String> entries() {
    List<String> out = new ArrayList<>();
    columns.forEach((k, v) -> out.add(k + "=" + v));
    statuses.forEach((k, v) -> out.add("status:" + k + "=" + v));
    types.forEach((k, v) -> out.add("type:" + k + "=" + v));
    return out;
  }
}
