package io.hatrack.definition;

import io.hatrack.kernel.Invalid;

/** What a workflow state means for progress: not started, in progress, or finished. */
public enum StateCategory {
  NOT_STARTED("todo", "To do"),
  DOING("doing", "In progress"),
  DONE("done", "Done");

  private final String id;
  private final String label;

  StateCategory(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The stored and typed name: todo, doing or done. */
  public String id() {
    return id;
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
