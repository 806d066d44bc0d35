package io.hatrack.delivery.imports;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** The tools whose files the import reads: what each file is and how it is named. */
public enum ImportFormat {
  /** Jira's "Export Excel CSV (all fields)": repeated columns, Jira's dates. */
  JIRA("Jira CSV (all fields)"),
  /** GitHub's REST API answer for a repository's issues: a JSON array, pull requests mixed in. */
  GITHUB("GitHub issues JSON"),
  /** Trello's board export ("Print and export" → JSON). */
  TRELLO("Trello board JSON"),
  /** Any CSV file with a header row; its columns are mapped in the preview. */
  CSV("CSV with a column mapping");

  private final String label;

  ImportFormat(String label) {
    this.label = label;
  }

  /** The name the API, the command line and the database use: jira, github, trello or csv. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** The tool's name for people, e.g. {@code Jira}. */
  public String tool() {
    return switch (this) {
      case JIRA -> "Jira";
      case GITHUB -> "GitHub";
      case TRELLO -> "Trello";
      case CSV -> "CSV";
    };
  }

  /** The format named {@code value}; an {@link Invalid} on {@code field} otherwise. */
  public static ImportFormat parse(String field, String value) {
    for (ImportFormat f : values()) {
      if (f.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return f;
      }
    }
    throw Invalid.field(field, "must be jira, github, trello or csv");
  }
}
