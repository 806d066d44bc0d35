package io.hatrack.definition.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hatrack.definition.Person;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The value of one custom field on one item, ready to show as text or to send as JSON.
 *
 * @param text a text, select, date or URL value, or null
 * @param number a number, checkbox (1 or 0) or formula result, or null
 * @param choices the options picked in a multi-select field (empty otherwise)
 * @param person the person of a person field, or null
 * @param emptyReason why a formula has no result (e.g. "Confidence has no value"), or null
 */
public record FieldValue(
    CustomField field,
    String text,
    Double number,
    List<String> choices,
    Person person,
    String emptyReason) {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public FieldValue {
    Objects.requireNonNull(field, "field");
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public String key() {
    return field.key();
  }

  public FieldType type() {
    return field.type();
  }

  /** True when the field holds nothing (an empty formula result among them). */
  public boolean isEmpty() {
    return switch (field.type()) {
      case NUMBER, CHECKBOX, FORMULA -> number == null;
      case MULTI_SELECT -> choices.isEmpty();
      case PERSON -> person == null;
      default -> text == null || text.isEmpty();
    };
  }

  /** The value as a person reads it: "7", "12,500.5", "Yes", "Low, High", "Ben Ortiz". */
  public String display() {
    if (isEmpty()) {
      return "";
    }
    return switch (field.type()) {
      case NUMBER, FORMULA -> formatNumber(number);
      case CHECKBOX -> number != 0 ? "Yes" : "No";
      case MULTI_SELECT -> String.join(", ", choices);
      case PERSON -> person.name();
      default -> text;
    };
  }

  /**
   * The value in the API: a number (number, formula), true or false (checkbox), an array of strings
   * (multi-select), {@code {id, handle, name}} (person), a string (the rest), or null.
   */
  public JsonNode json() {
    if (isEmpty()) {
      return NODES.nullNode();
    }
    return switch (field.type()) {
      case NUMBER, FORMULA ->
          number == Math.rint(number) && Math.abs(number) < 1e15
              ? NODES.numberNode(number.longValue())
              : NODES.numberNode(number);
      case CHECKBOX -> NODES.booleanNode(number != 0);
      case MULTI_SELECT -> {
        ArrayNode array = NODES.arrayNode();
        choices.forEach(array::add);
        yield array;
      }
      case PERSON -> {
        ObjectNode p = NODES.objectNode();
        p.put("id", person.id());
        p.put("handle", person.handle());
        p.put("name", person.name());
        yield p;
      }
      default -> NODES.textNode(text);
    };
  }

  /** A number as shown: thousands separated, at most four decimals, no trailing zeros. */
  public static String formatNumber(double value) {
    if (Math.abs(value) >= 1e15) {
      return BigDecimal.valueOf(value).toPlainString();
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String shown = format.format(value);
    return shown.equals("-0") ? "0" : shown;
  }
}
