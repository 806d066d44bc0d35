package io.hatrack.definition.fields;

import java.util.List;

/**
 * Defining a custom field, or changing one (where null keeps what is there).
 *
 * @param key the identifier for queries and formulas; when creating, left out it is made from the
 *     name ("Customer value" gives {@code customer_value})
 * @param type one of text, number, select, multi_select, date, person, url, checkbox, formula
 * @param options the choices of a select or multi-select field (ignored for other types)
 * @param formula the formula of a formula field (ignored for other types)
 * @param itemTypes the work item types it applies to (e.g. feature, story); empty means all
 * @param position where it is listed; left out when creating, it goes last
 */
public record FieldInput(
    String key,
    String name,
    String type,
    List<String> options,
    String formula,
    List<String> itemTypes,
    Integer position) {

  /** A new field of {@code type} called {@code name}, for every item type. */
  public static FieldInput of(String name, String type) {
    return new FieldInput(null, name, type, null, null, null, null);
  }

  public FieldInput withKey(String newKey) {
    return new FieldInput(newKey, name, type, options, formula, itemTypes, position);
  }

  public FieldInput withOptions(String... newOptions) {
    return new FieldInput(key, name, type, List.of(newOptions), formula, itemTypes, position);
  }

  public FieldInput withFormula(String newFormula) {
    return new FieldInput(key, name, type, options, newFormula, itemTypes, position);
  }

  public FieldInput withItemTypes(String... types) {
    return new FieldInput(key, name, type, options, formula, List.of(types), position);
  }

  /** A change of nothing, to build a change from with the {@code with...} methods. */
  public static FieldInput keep() {
    return new FieldInput(null, null, null, null, null, null, null);
  }

  public FieldInput withName(String newName) {
    return new FieldInput(key, newName, type, options, formula, itemTypes, position);
  }

  public FieldInput withType(String newType) {
    return new FieldInput(key, name, newType, options, formula, itemTypes, position);
  }
}
