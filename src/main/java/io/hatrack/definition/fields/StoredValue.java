package io.hatrack.definition.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.Person;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A custom field value as the database holds it: numbers, checkboxes (1 or 0) and formula results
 * in {@code number}, people in {@code userId}, the rest in {@code text} (dates as yyyy-mm-dd,
 * multi-select choices as {@code |a|b|}). Also how a value given in JSON becomes one, and how a
 * stored one becomes a {@link FieldValue}.
 */
record StoredValue(String text, Double number, Long userId) {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Reads a value given in JSON for {@code field}: null (or an empty text or list) clears it.
   *
   * @param members finds the id of a workspace member by handle ({@code ben} or {@code @ben})
   * @throws Invalid naming {@code value} and what was expected
   */
  static StoredValue fromJson(
      CustomField field, JsonNode value, Function<String, Optional<Long>> members) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    switch (field.type()) {
      case FORMULA:
        throw Invalid.field("value", "is computed from its formula and cannot be set");
      case NUMBER:
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
          throw Invalid.field("value", "must be a number");
        }
        return new StoredValue(null, value.doubleValue(), null);
      case CHECKBOX:
        if (!value.isBoolean()) {
          throw Invalid.field("value", "must be true or false");
        }
        return new StoredValue(null, value.booleanValue() ? 1.0 : 0.0, null);
      case MULTI_SELECT:
        return multi(field, value);
      default:
        break;
    }
    if (!value.isTextual()) {
      throw Invalid.field("value", "must be " + expectation(field));
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      return null;
    }
    return switch (field.type()) {
      case TEXT -> {
        new Validation().optionalText("value", text, CustomFieldService.MAX_TEXT).orThrow();
        yield new StoredValue(text, null, null);
      }
      case SELECT -> new StoredValue(option(field, text), null, null);
      case DATE -> new StoredValue(date(text), null, null);
      case URL -> new StoredValue(url(text), null, null);
      case PERSON -> {
        long person =
            members
                .apply(text)
                .orElseThrow(
                    () ->
                        Invalid.field(
                            "value",
                            "must be a member of this workspace; there is no @"
                                + text.replaceFirst("^@", "")));
        yield new StoredValue(null, null, person);
      }
      default -> throw new IllegalStateException("unexpected type " + field.type());
    };
  }

  private static String expectation(CustomField field) {
    return switch (field.type()) {
      case SELECT -> "one of " + String.join(", ", field.options());
      case DATE -> "a date as yyyy-mm-dd";
      case URL -> "an http or https address";
      case PERSON -> "a member's handle such as @ana";
      default -> "a string";
    };
  }

  private static String option(CustomField field, String text) {
    for (String option : field.options()) {
      if (option.equalsIgnoreCase(text)) {
        return option;
      }
    }
    throw Invalid.field(
        "value", "must be one of " + String.join(", ", field.options()) + ", not '" + text + "'");
  }

  private static StoredValue multi(CustomField field, JsonNode value) {
    if (!value.isArray()) {
      throw Invalid.field(
          "value", "must be a list of options, e.g. [\"" + field.options().get(0) + "\"]");
    }
    Set<String> picked = new LinkedHashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw Invalid.field("value", "must be a list of option names (strings)");
      }
      picked.add(option(field, item.textValue().strip()));
    }
    if (picked.isEmpty()) {
      return null;
    }
    List<String> ordered =
        field.options().stream().filter(picked::contains).collect(Collectors.toList());
    return new StoredValue("|" + String.join("|", ordered) + "|", null, null);
  }

  private static String date(String text) {
    try {
      if (ISO_DATE.matcher(text).matches()) {
        return LocalDate.parse(text).toString();
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw Invalid.field("value", "must be a date as yyyy-mm-dd, e.g. 2026-03-31");
  }

  private static String url(String text) {
    String reason = "must be an absolute http or https address, e.g. https://example.com/spec";
    if (text.length() > CustomFieldService.MAX_URL) {
      throw Invalid.field("value", "must be at most " + CustomFieldService.MAX_URL + " characters");
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw Invalid.field("value", reason);
  }

  static FieldValue toValue(CustomField field, CustomFieldStore.ValueRow row) {
    return switch (field.type()) {
      case NUMBER, CHECKBOX -> new FieldValue(field, null, row.number(), null, null, null);
      case FORMULA ->
          new FieldValue(
              field, null, row.number(), null, null, row.number() == null ? row.text() : null);
      case MULTI_SELECT ->
          new FieldValue(
              field,
              null,
              null,
              row.text() == null ? List.of() : choices(row.text(), FieldType.MULTI_SELECT),
              null,
              null);
      case PERSON ->
          new FieldValue(
              field,
              null,
              null,
              null,
              row.userId() == null
                  ? null
                  : new Person(row.userId(), row.userHandle(), row.userName()),
              null);
      default -> new FieldValue(field, row.text(), null, null, null, null);
    };
  }

  static List<String> choices(String stored, FieldType type) {
    if (type != FieldType.MULTI_SELECT) {
      return List.of(stored);
    }
    List<String> out = new ArrayList<>();
    for (String part : stored.split("\\|")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }
}
