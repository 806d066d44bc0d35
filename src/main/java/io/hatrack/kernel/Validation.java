package io.hatrack.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of one input before failing, so that a form or an API client learns
 * about all of its mistakes at once rather than one per round trip.
 */
public final class Validation {
  private final List<FieldError> errors = new ArrayList<>();

  /** Records {@code reason} for {@code field} unless {@code ok} holds. */
  public Validation check(String field, boolean ok, String reason) {
    if (!ok && !has(field)) {
      errors.add(new FieldError(field, reason));
    }
    return this;
  }

  /** A required text: present, not blank, and at most {@code max} characters long. */
  public Validation text(String field, String value, int max) {
    check(field, value != null && !value.isBlank(), "must not be blank");
    return optionalText(field, value, max);
  }

  /**
   * An optional text: when present, at most {@code max} characters long and free of NUL characters
   * (which PostgreSQL cannot store, so no database may hold them).
   */
  public Validation optionalText(String field, String value, int max) {
    check(field, value == null || value.indexOf('\u0000') < 0, "must not contain NUL characters");
    return check(
        field, value == null || value.length() <= max, "must be at most " + max + " characters");
  }

  /**
   * A text that, when present, must match {@code pattern}; {@code reason} says what is expected.
   */
  public Validation matches(String field, String value, Pattern pattern, String reason) {
    return check(field, value == null || pattern.matcher(value).matches(), reason);
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** Throws {@link Invalid} listing every recorded error, if there is any. */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
  }
}
