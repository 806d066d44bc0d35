package io.hatrack.definition.fields;

import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The formula fields of one product: the rules a formula must keep to be saved (it refers only to
 * numeric fields of the product, never to itself, and no chain of formulas loops back), and the
 * computation of every formula of an item, each after the formulas it reads. Pure: no I/O.
 */
public final class FieldFormulas {
  private final Map<String, CustomField> byKey = new HashMap<>();
  private final Map<String, Formula> parsed = new HashMap<>();
  private final Map<String, String> unreadable = new HashMap<>();
  private final List<CustomField> order = new ArrayList<>();

  private FieldFormulas(Collection<CustomField> fields) {
    for (CustomField f : fields) {
      byKey.put(f.key(), f);
      if (f.type() == FieldType.FORMULA) {
        try {
          parsed.put(f.key(), Formula.parse(f.formula()));
        } catch (Formula.FormulaError e) {
          unreadable.put(f.key(), "the formula cannot be read (" + e.getMessage() + ")");
        }
      }
    }
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (CustomField f : fields) {
      if (f.type() == FieldType.FORMULA) {
        visit(f.key(), done, visiting);
      }
    }
  }

  /** The formulas among a product's saved fields. */
  public static FieldFormulas of(Collection<CustomField> fields) {
    return new FieldFormulas(fields);
  }

  private void visit(String key, Set<String> done, Set<String> visiting) {
    if (done.contains(key)) {
      return;
    }
    if (!visiting.add(key)) {
      // Saving refuses loops, so this only guards against rows written some other way.
      unreadable.put(key, "the formula is part of a loop of formulas");
      return;
    }
    Formula formula = parsed.get(key);
    if (formula != null) {
      for (String ref : formula.references()) {
        CustomField used = byKey.get(ref);
        if (used != null && used.type() == FieldType.FORMULA) {
          visit(ref, done, visiting);
        }
      }
    }
    visiting.remove(key);
    done.add(key);
    order.add(byKey.get(key));
  }

  /** True when the product has no formula field. */
  public boolean isEmpty() {
    return order.isEmpty();
  }

  /** The formula fields, each after the formulas it reads. */
  public List<CustomField> formulaFields() {
    return List.copyOf(order);
  }

  /** Whether any formula reads {@code key}. */
  public boolean uses(String key) {
    return !usersOf(key).isEmpty();
  }

  /** The formula fields that read {@code key}. */
  public List<CustomField> usersOf(String key) {
    List<CustomField> users = new ArrayList<>();
    for (CustomField f : order) {
      Formula formula = parsed.get(f.key());
      if (formula != null && formula.references().contains(key)) {
        users.add(f);
      }
    }
    return users;
  }

  /**
   * Computes the formulas that apply to an item of {@code type}.
   *
   * @param values the item's number and checkbox values by field key (an unset checkbox reads as 0)
   * @param estimate the item's estimate, or null
   * @return each applying formula's result by key, in dependency order
   */
  public Map<String, Formula.Result> compute(
      WorkItemType type, Map<String, Double> values, Double estimate) {
    Map<String, Formula.Result> results = new LinkedHashMap<>();
    Formula.Inputs inputs =
        new Formula.Inputs() {
          @Override
          public Double value(String key) {
            if (key.equals(Formula.ESTIMATE)) {
              return estimate;
            }
            CustomField field = byKey.get(key);
            if (field == null || !field.appliesTo(type)) {
              return null;
            }
            return switch (field.type()) {
              case FORMULA -> {
                Formula.Result r = results.get(key);
                yield r == null ? null : r.value();
              }
              case CHECKBOX -> values.getOrDefault(key, 0.0);
              default -> values.get(key);
            };
          }

          @Override
          public String missing(String key) {
            if (key.equals(Formula.ESTIMATE)) {
              return "the item has no estimate";
            }
            CustomField field = byKey.get(key);
            if (field == null) {
              return "'" + key + "' is not a field of this product";
            }
            if (!field.appliesTo(type)) {
              return field.name() + " does not apply to " + CustomField.plural(type);
            }
            return field.type() == FieldType.FORMULA
                ? field.name() + " is empty"
                : field.name() + " has no value";
          }
        };
    for (CustomField f : order) {
      if (!f.appliesTo(type)) {
        continue;
      }
      Formula formula = parsed.get(f.key());
      if (formula == null || unreadable.containsKey(f.key())) {
        results.put(f.key(), Formula.Result.empty(unreadable.getOrDefault(f.key(), "no formula")));
      } else {
        results.put(f.key(), formula.evaluate(inputs));
      }
    }
    return results;
  }

  /**
   * Checks a field about to be saved against the product's other fields: a formula must parse and
   * refer only to numeric fields of the product other than itself, without a loop through other
   * formulas; a field that formulas read must stay numeric.
   *
   * @param others the product's fields except {@code candidate}
   * @throws Invalid naming {@code formula} or {@code type} and the reason
   */
  public static void check(CustomField candidate, Collection<CustomField> others) {
    Map<String, CustomField> fields = new LinkedHashMap<>();
    for (CustomField f : others) {
      if (f.id() != candidate.id() || candidate.id() == 0) {
        fields.put(f.key(), f);
      }
    }
    if (!candidate.type().numeric()) {
      List<CustomField> users = of(fields.values()).usersOf(candidate.key());
      if (!users.isEmpty()) {
        throw Invalid.field(
            "type",
            "must stay a number, checkbox or formula: the formula of \u201c"
                + users.get(0).name()
                + "\u201d uses "
                + candidate.key());
      }
    }
    if (candidate.type() != FieldType.FORMULA) {
      return;
    }
    Formula formula;
    try {
      formula = Formula.parse(candidate.formula());
    } catch (Formula.FormulaError e) {
      throw Invalid.field("formula", e.getMessage());
    }
    for (String ref : formula.references()) {
      if (ref.equals(Formula.ESTIMATE)) {
        continue;
      }
      if (ref.equals(candidate.key())) {
        throw Invalid.field(
            "formula", "refers to itself (" + ref + "); a formula cannot use its own result");
      }
      CustomField used = fields.get(ref);
      if (used == null) {
        throw Invalid.field(
            "formula",
            "refers to '"
                + ref
                + "', which is not a field of this product"
                + (fields.isEmpty()
                    ? ""
                    : " (its numeric fields: " + numericKeys(fields.values()) + ")"));
      }
      if (!used.type().numeric()) {
        throw Invalid.field(
            "formula",
            "refers to '"
                + ref
                + "', a "
                + used.type().label().toLowerCase(java.util.Locale.ROOT)
                + " field; a formula can only use number, checkbox and formula fields");
      }
    }
    List<String> loop = loopThrough(candidate.key(), formula, fields);
    if (!loop.isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i + 1 < loop.size(); i++) {
        if (i > 0) {
          path.append(", ");
        }
        path.append(loop.get(i)).append(" uses ").append(loop.get(i + 1));
      }
      throw Invalid.field("formula", "makes a loop of formulas: " + path);
    }
  }

  private static String numericKeys(Collection<CustomField> fields) {
    List<String> keys = new ArrayList<>();
    keys.add(Formula.ESTIMATE);
    for (CustomField f : fields) {
      if (f.type().numeric()) {
        keys.add(f.key());
      }
    }
    return String.join(", ", keys);
  }

  /** A chain of formulas from {@code start} back to it (start first and last), or empty. */
  private static List<String> loopThrough(
      String start, Formula formula, Map<String, CustomField> fields) {
    Map<String, Formula> formulas = new HashMap<>();
    for (CustomField f : fields.values()) {
      if (f.type() == FieldType.FORMULA) {
        try {
          formulas.put(f.key(), Formula.parse(f.formula()));
        } catch (Formula.FormulaError e) {
          // A stored formula that no longer parses reads nothing, so it closes no loop.
        }
      }
    }
    formulas.put(start, formula);
    List<String> path = new ArrayList<>();
    path.add(start);
    return search(start, start, formulas, path, new HashSet<>()) ? path : List.of();
  }

  private static boolean search(
      String start, String at, Map<String, Formula> formulas, List<String> path, Set<String> seen) {
    Formula formula = formulas.get(at);
    if (formula == null) {
      return false;
    }
    for (String ref : formula.references()) {
      if (ref.equals(start)) {
        path.add(ref);
        return true;
      }
      if (formulas.containsKey(ref) && seen.add(ref)) {
        path.add(ref);
        if (search(start, ref, formulas, path, seen)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }
}
