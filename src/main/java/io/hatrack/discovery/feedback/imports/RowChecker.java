package io.hatrack.discovery.feedback.imports;

import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.FeedbackSource;
import io.hatrack.discovery.feedback.FeedbackStatus;
import io.hatrack.discovery.feedback.Importance;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.work.TagService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one record of a file against the mapping and the workspace's customers, and turns it into
 * a draft of feedback; every problem is named with its line and column. Remembers the external ids
 * it has seen, so that the same id twice in one file is a problem on the second line.
 */
final class RowChecker {
  /** How far in the future a date may be (time zones differ), as the inbox allows. */
  private static final Duration FUTURE_SLACK = Duration.ofDays(1);

  /** The customers and contacts a file may name. */
  interface Directory {
    /** The live customer with this external id or, failing that, this name (without case). */
    Optional<Long> customer(String externalIdOrName);

    /** The contact with this e-mail address (without case) at a customer of the workspace. */
    Optional<ContactRef> contact(String email);
  }

  /** A contact and the customer it is at. */
  record ContactRef(long id, long customerId, String customerName) {}

  /**
   * A checked record.
   *
   * @param fields the fields the file gives (the others are kept on existing feedback)
   */
  record Checked(FileRow row, FeedbackDraft draft, java.util.Set<FeedbackField> fields) {}

  private static final java.util.regex.Pattern TAG_SEPARATOR =
      java.util.regex.Pattern.compile("[;,]");

  private final ColumnMapping mapping;
  private final DateFormat dates;
  private final ZoneId zone;
  private final Instant now;
  private final Directory directory;
  private final Map<String, Long> externalIds = new HashMap<>();

  RowChecker(
      ColumnMapping mapping, DateFormat dates, ZoneId zone, Instant now, Directory directory) {
    this.mapping = mapping;
    this.dates = dates;
    this.zone = zone;
    this.now = now;
    this.directory = directory;
  }

  /** The draft of a record, or empty with its problems added to {@code problems}. */
  Optional<Checked> check(FileRow row, List<FileProblem> problems) {
    int before = problems.size();
    for (var e : mapping.fields().entrySet()) {
      FileRow.Cell cell = row.cell(e.getKey());
      if (cell != null && cell.nested()) {
        problems.add(
            row.problem(e.getKey(), "is an object; give " + e.getValue().id() + " as text"));
      }
    }
    String text = value(row, FeedbackField.TEXT);
    if (text.isEmpty()) {
      problems.add(
          row.problem(
              column(FeedbackField.TEXT), "is empty: every piece of feedback needs its text"));
    } else if (text.length() > FeedbackService.MAX_TEXT) {
      problems.add(
          row.problem(
              column(FeedbackField.TEXT),
              "is "
                  + String.format(Locale.ROOT, "%,d", text.length())
                  + " characters long; the most is "
                  + String.format(Locale.ROOT, "%,d", FeedbackService.MAX_TEXT)));
    }
    String title = value(row, FeedbackField.TITLE);
    if (title.length() > FeedbackService.MAX_SUMMARY || title.indexOf('\n') >= 0) {
      problems.add(
          row.problem(
              column(FeedbackField.TITLE),
              "must be one line of at most " + FeedbackService.MAX_SUMMARY + " characters"));
    }
    String source = value(row, FeedbackField.SOURCE);
    FeedbackSource src = FeedbackSource.OTHER;
    if (!source.isEmpty()) {
      src = FeedbackSource.find(source.replace('-', '_')).orElse(null);
      if (src == null) {
        problems.add(
            row.problem(
                column(FeedbackField.SOURCE),
                "\"" + source + "\" is not a source; the sources are " + FeedbackSource.ids()));
      }
    }
    String statusText = value(row, FeedbackField.STATUS);
    FeedbackStatus status = null;
    if (!statusText.isEmpty()) {
      status = FeedbackStatus.find(statusText).orElse(null);
      if (status == null) {
        problems.add(
            row.problem(
                column(FeedbackField.STATUS),
                "\""
                    + statusText
                    + "\" is not a status; the statuses are new, triaged, linked,"
                    + " archived"));
      }
    }
    Integer importance = importance(row, problems);
    Instant happened = date(row, problems);
    List<String> tags = tags(row, problems);
    Long customer = null;
    String customerText = value(row, FeedbackField.CUSTOMER);
    if (!customerText.isEmpty()) {
      customer = directory.customer(customerText).orElse(null);
      if (customer == null) {
        problems.add(
            row.problem(
                column(FeedbackField.CUSTOMER),
                "no customer of the workspace has the external id or name \""
                    + customerText
                    + "\" (or several have that name); add the customer first, or fix the file"));
      }
    }
    Long contact = null;
    String email = value(row, FeedbackField.CONTACT);
    if (!email.isEmpty()) {
      ContactRef ref = directory.contact(email).orElse(null);
      if (ref == null) {
        problems.add(
            row.problem(
                column(FeedbackField.CONTACT),
                "no contact of the workspace's customers has the e-mail address \""
                    + email
                    + "\""));
      } else if (customer != null && ref.customerId() != customer) {
        problems.add(
            row.problem(
                column(FeedbackField.CONTACT),
                "\""
                    + email
                    + "\" is a contact at "
                    + ref.customerName()
                    + ", not at \""
                    + customerText
                    + "\""));
      } else {
        contact = ref.id();
        customer = ref.customerId();
      }
    }
    String external = externalId(row, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Checked(
            new FileRow(row.line(), row.record(), Map.of()),
            new FeedbackDraft(
                text,
                title.isEmpty() ? null : title,
                src.id(),
                customer,
                contact,
                happened,
                importance,
                external.isEmpty() ? null : external,
                status == null ? null : status.id(),
                tags),
            java.util.EnumSet.copyOf(mapping.fields().values())));
  }

  /** The record's external id, checked for length and for being unique in the file. */
  private String externalId(FileRow row, List<FileProblem> problems) {
    String external = value(row, FeedbackField.EXTERNAL_ID);
    if (external.length() > FeedbackService.MAX_EXTERNAL_ID) {
      problems.add(
          row.problem(
              column(FeedbackField.EXTERNAL_ID),
              "is longer than " + FeedbackService.MAX_EXTERNAL_ID + " characters"));
    } else if (!external.isEmpty()) {
      Long seen = externalIds.putIfAbsent(external, row.line());
      if (seen != null) {
        problems.add(
            row.problem(
                column(FeedbackField.EXTERNAL_ID),
                "\""
                    + external
                    + "\" is already the external id of the record on line "
                    + seen
                    + "; each piece of feedback needs its own"));
      }
    }
    return external;
  }

  private String column(FeedbackField field) {
    return mapping.column(field).orElse(null);
  }

  private String value(FileRow row, FeedbackField field) {
    return mapping.column(field).map(c -> row.text(c).strip()).orElse("");
  }

  private Integer importance(FileRow row, List<FileProblem> problems) {
    String text = value(row, FeedbackField.IMPORTANCE);
    if (text.isEmpty()) {
      return null;
    }
    int word = Importance.LABELS.indexOf(text.toLowerCase(Locale.ROOT));
    if (word >= 0) {
      return word;
    }
    if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '3') {
      return Integer.parseInt(text);
    }
    problems.add(
        row.problem(
            column(FeedbackField.IMPORTANCE),
            "\""
                + text
                + "\" is not an importance; write 0 (not important), 1 (nice to have), 2"
                + " (important) or 3 (critical)"));
    return null;
  }

  private Instant date(FileRow row, List<FileProblem> problems) {
    String text = value(row, FeedbackField.DATE);
    if (text.isEmpty()) {
      return null;
    }
    try {
      Instant at = dates.parse(text, zone);
      if (at.isAfter(now.plus(FUTURE_SLACK))) {
        problems.add(row.problem(column(FeedbackField.DATE), "\"" + text + "\" is in the future"));
        return null;
      }
      return at;
    } catch (IllegalArgumentException e) {
      problems.add(row.problem(column(FeedbackField.DATE), e.getMessage()));
      return null;
    }
  }

  private List<String> tags(FileRow row, List<FileProblem> problems) {
    Optional<String> column = mapping.column(FeedbackField.TAGS);
    if (column.isEmpty()) {
      return null;
    }
    FileRow.Cell cell = row.cell(column.get());
    List<String> raw = new ArrayList<>();
    if (cell != null && cell.items() != null) {
      raw.addAll(cell.items());
    } else if (cell != null && cell.text() != null) {
      raw.addAll(List.of(TAG_SEPARATOR.split(cell.text())));
    }
    List<String> tags = new ArrayList<>();
    for (String name : raw) {
      if (name.isBlank()) {
        continue;
      }
      try {
        String tag = TagService.normalize("tags", name);
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      } catch (Invalid e) {
        problems.add(
            row.problem(
                column.get(), "\"" + name.strip() + "\" is not a tag: " + e.reasonFor("tags")));
      }
    }
    return tags;
  }
}
