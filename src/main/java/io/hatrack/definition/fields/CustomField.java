package io.hatrack.definition.fields;

import io.hatrack.definition.WorkItemType;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A field a product adds to its work items, such as "Risk" or "Customer value".
 *
 * @param key the identifier used in queries and formulas, e.g. {@code customer_value}
 * @param options the choices of a select or multi-select field, in order (empty for other types)
 * @param formula the formula of a formula field (empty for other types)
 * @param itemTypes the kinds of work item the field applies to; empty means all
 * @param position where the field is listed (smaller first)
 */
public record CustomField(
    long id,
    long productId,
    String key,
    String name,
    FieldType type,
    List<String> options,
    String formula,
    List<WorkItemType> itemTypes,
    int position,
    long version) {

  public CustomField {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    options = List.copyOf(options);
    formula = formula == null ? "" : formula;
    itemTypes = itemTypes.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(itemTypes));
  }

  /** Whether the field applies to items of {@code type}. */
  public boolean appliesTo(WorkItemType type) {
    return itemTypes.isEmpty() || itemTypes.contains(type);
  }

  /** The kinds it applies to as people read them: "all items" or "features, stories". */
  public String appliesToText() {
    if (itemTypes.isEmpty()) {
      return "all items";
    }
    return itemTypes.stream().map(CustomField::plural).collect(Collectors.joining(", "));
  }

  /** The plural of a kind of item, e.g. "stories". */
  public static String plural(WorkItemType type) {
    return type == WorkItemType.STORY ? "stories" : type.id() + "s";
  }

  /** The options as the form edits them: one a line. */
  public String optionsText() {
    return String.join("\n", options);
  }

  /** The item types as the API and the form take them, e.g. {@code feature,story}. */
  public String itemTypesText() {
    return itemTypes.stream().map(WorkItemType::id).collect(Collectors.joining(","));
  }
}
