package io.hatrack.kernel.web;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted (or blank) form as a template shows it: the values to put back in the fields and the
 * server's message for each field that was refused.
 */
public record Form(Map<String, String> values, List<FieldError> errors, String message) {
  public static final Form EMPTY = new Form(Map.of(), List.of(), null);

  /** A form pre-filled with {@code values} given as name, value pairs. */
  public static Form of(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return new Form(values, List.of(), null);
  }

  /** The submitted fields of a request, with the errors that refused them. */
  public static Form refused(Context ctx, Invalid invalid) {
    return new Form(submitted(ctx), invalid.errors(), null);
  }

  /** The submitted fields with one message not tied to a field (a conflict, a rate limit). */
  public static Form refused(Context ctx, String message) {
    return new Form(submitted(ctx), List.of(), message);
  }

  private static Map<String, String> submitted(Context ctx) {
    Map<String, String> values = new HashMap<>();
    ctx.formParamMap()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty() && !k.equals(Csrf.FIELD) && !k.contains("password")) {
                values.put(k, v.get(0));
              }
            });
    return values;
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** The reason the field was refused, or null. */
  public String error(String name) {
    return errors.stream()
        .filter(e -> e.field().equals(name))
        .map(FieldError::reason)
        .findFirst()
        .orElse(null);
  }

  public boolean invalid(String name) {
    return error(name) != null;
  }

  public boolean hasErrors() {
    return !errors.isEmpty() || message != null;
  }
}
