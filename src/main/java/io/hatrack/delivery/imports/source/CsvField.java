package io.hatrack.delivery.imports.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fields a column of a generic CSV file can fill, and the header names that suggest each. */
public enum CsvField {
  TITLE("title", List.of("title", "summary", "name", "subject")),
  TYPE("type", List.of("type", "issue type", "kind", "item type")),
  STATUS("status", List.of("status", "state", "column", "list")),
  DESCRIPTION("description", List.of("description", "body", "details", "text", "desc")),
  ESTIMATE("estimate", List.of("estimate", "points", "story points", "size", "effort")),
  TAGS("tags", List.of("tags", "labels", "label", "tag")),
  PARENT("parent", List.of("parent", "parent key", "parent id", "epic", "epic link")),
  KEY("key", List.of("key", "id", "external key", "external id", "issue key", "ref")),
  OWNER("owner", List.of("owner", "assignee", "assigned to"));

  /** A column left out of the import. */
  public static final String IGNORE = "ignore";

  private final String id;
  private final List<String> names;

  CsvField(String id, List<String> names) {
    this.id = id;
    this.names = names;
  }

  public String id() {
    return id;
  }

  /** The field named {@code id}, e.g. {@code title}. */
  public static Optional<CsvField> byId(String id) {
    for (CsvField f : values()) {
      if (f.id.equalsIgnoreCase(id == null ? "" : id.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The field a header name suggests, if any. */
  public static Optional<CsvField> guess(String header) {
    String h = header.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    for (CsvField f : values()) {
      if (f.names.contains(h)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The ids of every field, for messages. */
  public static String ids() {
    return String.join(", ", List.of(values()).stream().map(CsvField::id).toList());
  }
}
