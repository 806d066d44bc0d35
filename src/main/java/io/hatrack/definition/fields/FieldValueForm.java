package io.hatrack.definition.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.web.Form;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom fields of the new-item and edit-item forms: which inputs a form shows for a kind of
 * item (the fields that apply to it, in the product's order, formulas read-only with their result),
 * what they hold (the item's values, or what a refused submission typed), and how a submission
 * becomes the {@code fields} map that {@link io.hatrack.definition.WorkItemService} applies in the
 * transaction of the item's own change, exactly as the API's {@code fields} is; so one refused
 * value saves nothing at all.
 *
 * <p>An input is named {@code fields.<key>}, the name the service gives its errors. Each editable
 * input a form shows is also listed in {@code fields_shown}: browsers send nothing for an unticked
 * checkbox or a multi-select with nothing ticked, and the list tells "nothing ticked" apart from
 * "not on the form". Only values that differ from the item's are sent, so that a value the form
 * cannot offer again (a person who left the workspace) survives saving the item's other changes.
 */
public final class FieldValueForm {
  /** The prefix of an input's name: {@code fields.risk}. */
  public static final String PREFIX = "fields.";

  /** The form parameter listing the keys of the editable inputs a form showed. */
  public static final String SHOWN = "fields_shown";

  /** The form parameter naming the item an edit form changes, for the fields of another type. */
  public static final String ITEM = "fields_item";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final int LONG_TEXT = 120;

  private final Database db;
  private final CustomFieldService fields;

  public FieldValueForm(Database db, CustomFieldService fields) {
    this.db = db;
    this.fields = fields;
  }

  /**
   * The custom-field part of a form for an item of {@code type}.
   *
   * @param inputs the fields that apply to the type, in the product's order
   * @param all every field of the product (to name them in the form's summary of errors)
   * @param item the item being edited, or null on the new-item form
   */
  public record Section(
      WorkItemType type,
      List<Input> inputs,
      List<CustomField> all,
      CustomFieldService.ItemRef item) {

    /** The form with errors on custom fields named as people read them ("Risk", not a key). */
    public Form summary(Form form) {
      List<FieldError> named = new ArrayList<>();
      for (FieldError e : form.errors()) {
        Optional<CustomField> field =
            all.stream().filter(f -> e.field().equals(PREFIX + f.key())).findFirst();
        named.add(field.map(f -> new FieldError(f.name(), e.reason())).orElse(e));
      }
      return new Form(form.values(), named, form.message());
    }

    /** "stories", for "No custom fields apply to stories". */
    public String typePlural() {
      return CustomField.plural(type);
    }
  }

  /**
   * One input of the form.
   *
   * @param values what the input holds as the form sends it: one text, the ticked options, {@code
   *     true} or {@code false} for a checkbox; empty when blank
   * @param shown the stored value as people read it (a formula's result, a person's name), or an
   *     empty string
   * @param why why a formula has no result (e.g. "Confidence has no value"), or null
   * @param error why the last submission of this input was refused, or null
   */
  public record Input(
      CustomField field, List<String> values, String shown, String why, String error) {
    public Input {
      values = List.copyOf(values);
    }

    public String name() {
      return PREFIX + field.key();
    }

    /** The element id, e.g. {@code f-cf-risk}; its error is {@code e-cf-risk}. */
    public String id() {
      return "f-cf-" + field.key();
    }

    public String value() {
      return values.isEmpty() ? "" : values.get(0);
    }

    public boolean has(String option) {
      return values.contains(option);
    }

    public boolean checked() {
      return values.contains("true");
    }

    public boolean editable() {
      return field.type() != FieldType.FORMULA;
    }

    /** A text that would not fit on one line (or holds line breaks) gets a text area. */
    public boolean multiline() {
      return field.type() == FieldType.TEXT
          && (value().contains("\n") || value().length() > LONG_TEXT);
    }

    /**
     * The type of an {@code <input>}. Numbers use a text input (with a numeric keyboard on phones):
     * a browser's number input sends an empty string for what it cannot read, which would clear the
     * value instead of letting the server say what is wrong.
     */
    public String inputType() {
      return switch (field.type()) {
        case DATE -> "date";
        case URL -> "url";
        default -> "text";
      };
    }

    public String inputMode() {
      return field.type() == FieldType.NUMBER ? "decimal" : null;
    }

    /** The hint under the input, or null. */
    public String hint() {
      return switch (field.type()) {
        case NUMBER, URL -> field.type().description();
        default -> null;
      };
    }
  }

  // ---- Showing the form -----------------------------------------------------------------------

  /**
   * The inputs for an item of {@code type} (read leniently: an unknown type shows the fields of
   * {@code fallback}).
   *
   * @param item the item being edited (its values fill the inputs), or null for a new item
   * @param submitted the parameters of a refused submission (what was typed fills the inputs it
   *     showed), or null for a fresh form
   * @param errors the refusal's errors
   */
  public Section section(
      User actor,
      long productId,
      String type,
      WorkItemType fallback,
      CustomFieldService.ItemRef item,
      Map<String, List<String>> submitted,
      List<FieldError> errors) {
    WorkItemType kind = parseType(type).orElse(fallback);
    List<CustomField> all = fields.fields(actor, Long.toString(productId));
    Map<String, FieldValue> stored = item == null ? Map.of() : stored(item.id());
    return new Section(kind, inputs(all, kind, stored, submitted, errors), all, item);
  }

  /**
   * The inputs for an item of {@code type}: the fields that apply to it, filled from a submission
   * for those it showed and from the stored values for the others.
   */
  static List<Input> inputs(
      List<CustomField> all,
      WorkItemType type,
      Map<String, FieldValue> stored,
      Map<String, List<String>> submitted,
      List<FieldError> errors) {
    Set<String> shown =
        submitted == null ? Set.of() : new HashSet<>(submitted.getOrDefault(SHOWN, List.of()));
    List<Input> inputs = new ArrayList<>();
    for (CustomField f : all) {
      if (!f.appliesTo(type)) {
        continue;
      }
      FieldValue v = stored.get(f.key());
      List<String> values =
          shown.contains(f.key())
              ? typed(f, submitted.getOrDefault(PREFIX + f.key(), List.of()))
              : formValues(f, v);
      String error =
          errors.stream()
              .filter(e -> e.field().equals(PREFIX + f.key()))
              .map(FieldError::reason)
              .findFirst()
              .orElse(null);
      inputs.add(
          new Input(
              f, values, v == null ? "" : v.display(), v == null ? null : v.emptyReason(), error));
    }
    return inputs;
  }

  // ---- Reading a submission -------------------------------------------------------------------

  /**
   * The custom field values a submission changes, as the service takes them (null or an empty list
   * clears). Fields the form did not show, formulas and fields that do not apply to {@code type}
   * are left out, and so is every value equal to the item's; a value the service cannot accept
   * ("abc" for a number) is passed on as typed for the service to refuse with its reason.
   *
   * @param type the item's type after the change (as submitted)
   * @param item the item being changed, or null for a new one
   */
  public Map<String, JsonNode> values(
      User actor,
      long productId,
      String type,
      CustomFieldService.ItemRef item,
      Map<String, List<String>> params) {
    Optional<WorkItemType> kind = parseType(type);
    if (kind.isEmpty()) {
      return Map.of(); // the service refuses the type itself
    }
    List<CustomField> all = fields.fields(actor, Long.toString(productId));
    Map<String, FieldValue> stored = item == null ? Map.of() : stored(item.id());
    return values(all, kind.get(), item == null ? null : item.type(), stored, params);
  }

  /**
   * The values a submission changes, given the product's fields and the item's stored values.
   *
   * @param before the item's type before the change, or null for a new item: a field that did not
   *     apply to it may hold a hidden value from an earlier type, which a blank input leaves alone
   */
  static Map<String, JsonNode> values(
      List<CustomField> all,
      WorkItemType type,
      WorkItemType before,
      Map<String, FieldValue> stored,
      Map<String, List<String>> params) {
    Set<String> shown = new HashSet<>(params.getOrDefault(SHOWN, List.of()));
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (CustomField f : all) {
      if (f.type() == FieldType.FORMULA || !f.appliesTo(type) || !shown.contains(f.key())) {
        continue;
      }
      List<String> now = typed(f, params.getOrDefault(PREFIX + f.key(), List.of()));
      List<String> was = formValues(f, stored.get(f.key()));
      if (new LinkedHashSet<>(now).equals(new LinkedHashSet<>(was))) {
        continue;
      }
      boolean blank = now.isEmpty() || f.type() == FieldType.CHECKBOX && !now.contains("true");
      if (blank && before != null && !f.appliesTo(before)) {
        continue;
      }
      out.put(f.key(), json(f, now));
    }
    return out;
  }

  /** What a field's inputs sent, tidied: trimmed, blanks dropped, a checkbox as true or false. */
  private static List<String> typed(CustomField f, List<String> raw) {
    List<String> clean = new ArrayList<>();
    for (String r : raw) {
      if (r != null && !r.isBlank()) {
        clean.add(r.strip());
      }
    }
    return switch (f.type()) {
      case CHECKBOX -> List.of(clean.isEmpty() ? "false" : "true");
      case MULTI_SELECT -> List.copyOf(new LinkedHashSet<>(clean));
      default -> clean.isEmpty() ? List.of() : List.of(clean.get(0));
    };
  }

  /** A stored value as the form's inputs hold it. */
  private static List<String> formValues(CustomField f, FieldValue v) {
    if (v == null || v.isEmpty()) {
      return List.of();
    }
    return switch (f.type()) {
      case NUMBER -> List.of(plain(v.number()));
      case CHECKBOX -> List.of(v.number() != 0 ? "true" : "false");
      case MULTI_SELECT -> v.choices();
      case PERSON -> List.of(v.person().handle());
      case FORMULA -> List.of();
      default -> List.of(v.text());
    };
  }

  /** A number as a form shows it for editing: no thousands separators, no trailing zeros. */
  static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  private static JsonNode json(CustomField f, List<String> values) {
    switch (f.type()) {
      case CHECKBOX:
        return NODES.booleanNode(values.contains("true"));
      case MULTI_SELECT:
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
      default:
        break;
    }
    if (values.isEmpty()) {
      return NODES.nullNode();
    }
    String text = values.get(0);
    if (f.type() == FieldType.NUMBER) {
      return number(text).map(n -> (JsonNode) NODES.numberNode(n)).orElse(NODES.textNode(text));
    }
    return NODES.textNode(text);
  }

  /**
   * A number as people type it: {@code 3}, {@code -2.5}, {@code 1e3} or {@code 12,500}; not the
   * hexadecimal or suffixed forms that {@code Double.parseDouble} also takes.
   */
  private static Optional<Double> number(String text) {
    String clean = THOUSANDS.matcher(text).matches() ? text.replace(",", "") : text;
    try {
      return Optional.of(new BigDecimal(clean).doubleValue());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<WorkItemType> parseType(String type) {
    if (type == null) {
      return Optional.empty();
    }
    for (WorkItemType t : WorkItemType.values()) {
      if (t.id().equals(type.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private Map<String, FieldValue> stored(long itemId) {
    return db.read(h -> fields.values(h, List.of(itemId))).getOrDefault(itemId, Map.of());
  }
}
