package io.hatrack.delivery.imports.source;

import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.RecordProblem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Jira's "CSV (all fields)" export. Columns are matched by Jira's names (without case):
 * {@code Summary} (required), {@code Issue key} and {@code Issue id} (one required), {@code Issue
 * Type}, {@code Status}, {@code Status Category}, {@code Description}, {@code Assignee}, {@code
 * Parent id} or {@code Parent} (the parent's id or key), {@code Custom field (Epic Link)}, {@code
 * Custom field (Story Points)} or {@code Custom field (Story point estimate)}; the repeated columns
 * {@code Labels} and {@code Component/s} become tags, {@code Sprint} becomes tags {@code
 * sprint-NAME}, {@code Comment} ({@code date;author;text}) becomes comments, and {@code
 * Outward/Inward issue link (Blocks|Relates|Duplicate)} become links. The file's date format is
 * found from its first 200 rows. Every other column (Watchers, Attachment, Log Work, ...) is
 * reported as not imported.
 */
public final class JiraCsvReader implements RecordReader {
  private static final int SAMPLE_ROWS = 200;

  private static final List<String> ESTIMATES =
      List.of(
          "Custom field (Story Points)",
          "Custom field (Story point estimate)",
          "Story point estimate",
          "Story Points");

  private static final Set<String> READ =
      Set.of(
          "summary",
          "issue key",
          "issue id",
          "issue type",
          "status",
          "status category",
          "description",
          "assignee",
          "parent id",
          "parent",
          "custom field (epic link)",
          "custom field (story points)",
          "custom field (story point estimate)",
          "story point estimate",
          "story points",
          "labels",
          "component/s",
          "sprint",
          "comment");

  private final CsvTable table;
  private final ZoneId zone;
  private final List<String> notes = new ArrayList<>();
  private final JiraDates.Format dates;
  private SourceRecord next;

  public JiraCsvReader(ImportFile file, SourceText text, ZoneId zone) {
    this.table = new CsvTable(file, text);
    this.zone = zone;
    List<RecordProblem> missing = new ArrayList<>();
    if (table.columns("Summary").isEmpty()) {
      missing.add(
          new RecordProblem(
              "line 1",
              "no column Summary: is this Jira's \"CSV (all fields)\" export? The columns are "
                  + String.join(", ", table.distinctColumns())));
    }
    if (table.columns("Issue key").isEmpty() && table.columns("Issue id").isEmpty()) {
      missing.add(new RecordProblem("line 1", "no column Issue key (nor Issue id)"));
    }
    if (!missing.isEmpty()) {
      table.close();
      throw new SourceText.Unreadable(missing.get(0));
    }
    this.dates = detectDates();
    List<String> ignored = new ArrayList<>();
    for (String c : table.distinctColumns()) {
      String lower = c.toLowerCase(Locale.ROOT);
      if (!READ.contains(lower) && !lower.contains("issue link (")) {
        ignored.add(c);
      }
    }
    if (!ignored.isEmpty()) {
      notes.add("columns not imported: " + String.join(", ", ignored));
    }
  }

  private JiraDates.Format detectDates() {
    List<String> samples = new ArrayList<>();
    for (CsvTable.Row row : table.peek(SAMPLE_ROWS)) {
      for (String c : List.of("Created", "Updated", "Resolved")) {
        for (int i : table.columns(c)) {
          samples.add(row.values().get(i));
        }
      }
      for (int i : table.columns("Comment")) {
        String v = row.values().get(i);
        int semi = v.indexOf(';');
        if (semi > 0) {
          samples.add(v.substring(0, semi));
        }
      }
    }
    Optional<JiraDates.Detected> found = JiraDates.detect(samples);
    if (found.isEmpty()) {
      if (samples.stream().anyMatch(s -> !s.isBlank())) {
        notes.add(
            "the dates (e.g. \""
                + samples.stream().filter(s -> !s.isBlank()).findFirst().orElse("")
                + "\") are in no format Hatrack knows: comments are dated now");
      }
      return null;
    }
    JiraDates.Detected d = found.get();
    notes.add(
        "dates read as "
            + d.format().pattern()
            + (d.alsoFits().isEmpty()
                ? ""
                : " (they could also be " + String.join(" or ", d.alsoFits()) + ")")
            + ", in the time zone "
            + zone.getId());
    return d.format();
  }

  @Override
  public List<String> columns() {
    return table.distinctColumns();
  }

  @Override
  public List<RecordProblem> problems() {
    return List.copyOf(table.problems());
  }

  @Override
  public List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
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

  private String first(CsvTable.Row row, String column) {
    for (int i : table.columns(column)) {
      String v = row.values().get(i).strip();
      if (!v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private List<String> all(CsvTable.Row row, String column) {
    Set<String> values = new LinkedHashSet<>();
    for (int i : table.columns(column)) {
      String v = row.values().get(i).strip();
      if (!v.isEmpty()) {
        values.add(v);
      }
    }
    return List.copyOf(values);
  }

  private SourceRecord record(CsvTable.Row row) {
    String key = first(row, "Issue key");
    String id = first(row, "Issue id");
    String where = "line " + row.line() + (key == null ? "" : " (" + key + ")");
    List<String> recordNotes = new ArrayList<>();
    String parent = first(row, "Parent id");
    if (parent == null) {
      parent = first(row, "Parent");
    }
    if (parent == null) {
      parent = first(row, "Custom field (Epic Link)");
    }
    String estimate = null;
    for (String c : ESTIMATES) {
      estimate = estimate == null ? first(row, c) : estimate;
    }
    List<String> tags = new ArrayList<>(all(row, "Labels"));
    tags.addAll(all(row, "Component/s"));
    for (String sprint : all(row, "Sprint")) {
      tags.add("sprint-" + sprint);
    }
    List<SourceRecord.Comment> comments = new ArrayList<>();
    for (String c : all(row, "Comment")) {
      comments.add(comment(c, recordNotes));
    }
    return new SourceRecord(
        where,
        key == null ? id : key,
        id,
        first(row, "Issue Type"),
        orEmpty(first(row, "Summary")),
        orEmpty(first(row, "Description")),
        first(row, "Status"),
        category(first(row, "Status Category")),
        parent,
        estimate,
        first(row, "Assignee"),
        tags,
        comments,
        links(row),
        null,
        recordNotes);
  }

  private static String orEmpty(String v) {
    return v == null ? "" : v;
  }

  private SourceRecord.Comment comment(String value, List<String> recordNotes) {
    String[] parts = value.split(";", 3);
    if (parts.length == 3 && dates != null) {
      Optional<Instant> at = dates.parse(parts[0], zone);
      if (at.isPresent()) {
        return new SourceRecord.Comment(parts[1].strip(), at.get(), parts[2].strip());
      }
      recordNotes.add(
          "a comment's date \""
              + parts[0].strip()
              + "\" is not "
              + dates.pattern()
              + ": dated now");
      return new SourceRecord.Comment(parts[1].strip(), null, parts[2].strip());
    }
    if (parts.length == 3 && JiraDates.detect(List.of(parts[0])).isPresent()) {
      return new SourceRecord.Comment(
          parts[1].strip(),
          JiraDates.detect(List.of(parts[0])).get().format().parse(parts[0], zone).orElse(null),
          parts[2].strip());
    }
    return new SourceRecord.Comment(null, null, value.strip());
  }

  private static String category(String jira) {
    if (jira == null) {
      return null;
    }
    return switch (jira.strip().toLowerCase(Locale.ROOT)) {
      case "to do", "todo", "new", "open" -> "todo";
      case "in progress", "indeterminate" -> "doing";
      case "done", "complete" -> "done";
      default -> null;
    };
  }

  private List<SourceRecord.Link> links(CsvTable.Row row) {
    List<SourceRecord.Link> links = new ArrayList<>();
    List<String> header = table.header();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).toLowerCase(Locale.ROOT);
      String v = row.values().get(i).strip();
      if (v.isEmpty() || !name.contains("issue link (")) {
        continue;
      }
      boolean outward = name.startsWith("outward");
      String kind = name.substring(name.indexOf('(') + 1).replace(")", "").strip();
      for (String target : v.split("[,\\s]+")) {
        if (target.isBlank()) {
          continue;
        }
        if (kind.startsWith("block")) {
          // "A blocks B" is "B depends on A": the link goes from the target.
          links.add(new SourceRecord.Link("depends-on", target, outward));
        } else if (kind.startsWith("duplicate")) {
          links.add(new SourceRecord.Link("duplicates", target, !outward));
        } else {
          links.add(new SourceRecord.Link("relates-to", target, false));
        }
      }
    }
    return links;
  }

  @Override
  public void close() {
    table.close();
  }
}
