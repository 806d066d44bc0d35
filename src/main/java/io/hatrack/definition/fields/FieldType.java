package io.hatrack.definition.fields;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of custom field, with how each is shown and whether a formula may read it. */
public enum FieldType {
  TEXT("Text", "Free text"),
  NUMBER("Number", "A number such as 3 or 2.5"),
  SELECT("Select", "One of a list of options"),
  MULTI_SELECT("Multi-select", "Any of a list of options"),
  DATE("Date", "A day, such as 2026-03-31"),
  PERSON("Person", "A member of the workspace"),
  URL("URL", "A web address (http or https)"),
  CHECKBOX("Checkbox", "Yes or no"),
  FORMULA("Formula", "Computed from other fields");

  private final String label;
  private final String description;

  FieldType(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The lower-case name used in the API and the database, e.g. {@code multi_select}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** Whether a formula may refer to a field of this type (it reads as a number). */
  public boolean numeric() {
    return this == NUMBER || this == CHECKBOX || this == FORMULA;
  }

  /** Whether the field offers a list of options. */
  public boolean hasOptions() {
    return this == SELECT || this == MULTI_SELECT;
  }

  /** Parses an API or form value; {@code field} names the input in the error. */
  public static FieldType parse(String field, String value) {
    if (value != null) {
      String clean = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      for (FieldType type : values()) {
        if (type.id().equals(clean)) {
          return type;
        }
      }
    }
    throw Invalid.field(
        field,
        "must be one of "
            + Arrays.stream(values()).map(FieldType::id).collect(Collectors.joining(", ")));
  }
}
