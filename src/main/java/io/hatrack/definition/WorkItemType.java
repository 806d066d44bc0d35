package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of work item, from the broadest to the most concrete, and which kinds each may sit
 * under: objective > initiative > epic > feature > story, with bugs and tasks below features,
 * stories or epics.
 */
public enum WorkItemType {
  OBJECTIVE("Objective"),
  INITIATIVE("Initiative"),
  EPIC("Epic"),
  FEATURE("Feature"),
  STORY("Story"),
  BUG("Bug"),
  TASK("Task");

  private final String label;

  WorkItemType(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** The kinds an item of this kind may have as its parent (it may also have none). */
  public Set<WorkItemType> allowedParents() {
    return switch (this) {
      case OBJECTIVE -> EnumSet.noneOf(WorkItemType.class);
      case INITIATIVE -> EnumSet.of(OBJECTIVE);
      case EPIC -> EnumSet.of(OBJECTIVE, INITIATIVE);
      case FEATURE -> EnumSet.of(INITIATIVE, EPIC);
      case STORY -> EnumSet.of(EPIC, FEATURE);
      case BUG -> EnumSet.of(EPIC, FEATURE, STORY);
      case TASK -> EnumSet.of(EPIC, FEATURE, STORY, BUG);
    };
  }

  public boolean mayBeUnder(WorkItemType parent) {
    return allowedParents().contains(parent);
  }

  /** Parses an API or form value; {@code field} names the input in the error. */
  public static WorkItemType parse(String field, String value) {
    if (value != null) {
      for (WorkItemType type : values()) {
        if (type.id().equalsIgnoreCase(value.trim())) {
          return type;
        }
      }
    }
    throw Invalid.field(
        field, "must be one of objective, initiative, epic, feature, story, bug, task");
  }
}
