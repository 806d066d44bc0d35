package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** What a workflow state means for progress: not started, in progress, or finished. */
public enum StateCategory {
  TODO("To do"),
  DOING("In progress"),
  DONE("Done");

  private final String label;

  StateCategory(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static StateCategory parse(String field, String value) {
    for (StateCategory c : values()) {
      if (c.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return c;
      }
    }
    throw Invalid.field(field, "must be todo, doing or done");
  }
}
