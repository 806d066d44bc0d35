package io.hatrack.definition;

import java.util.Objects;

/** One state of a product's workflow, such as "In review". */
public record WorkflowState(
    long id, long productId, String name, StateCategory category, int position) {
  public WorkflowState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
  }
}
