package io.hatrack.kernel;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule: each broken rule names its field and the reason. */
public final class Invalid extends HatrackException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public Invalid(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an Invalid needs at least one field error");
    }
    this.errors = List.copyOf(errors);
  }

  public static Invalid field(String field, String reason) {
    return new Invalid(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The reason given for a field, or an empty string when the field is fine. */
  public String reasonFor(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::reason)
        .findFirst()
        .orElse("");
  }

  @Override
  public String code() {
    return "validation_failed";
  }
}
