package io.hatrack.kernel;

import java.util.Objects;

/** One reason why one input field is not acceptable, e.g. {@code title: must not be blank}. */
public record FieldError(String field, String reason) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
