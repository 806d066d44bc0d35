package io.hatrack.discovery.portal;

import java.util.Arrays;
import java.util.Optional;

/** Where an idea stands, as the product team tells visitors of the portal. */
public enum IdeaStatus {
  UNDER_REVIEW("under_review", "Under review"),
  PLANNED("planned", "Planned"),
  IN_PROGRESS("in_progress", "In progress"),
  DONE("done", "Done"),
  DECLINED("declined", "Declined");

  private final String id;
  private final String label;

  IdeaStatus(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<IdeaStatus> parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  /** The ids, for messages and the API description. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(IdeaStatus::id).toList());
  }
}
