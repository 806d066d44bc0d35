package io.hatrack.planning.backlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hatrack.definition.fields.Formula;
import io.hatrack.kernel.Validation;
import io.hatrack.planning.scoring.Scorecard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a scoring model, stored as JSON in {@code scoring_model.config}; only the parts
 * of the model's kind are kept.
 *
 * @param convention ICE: {@code product} (Impact × Confidence × Ease) or {@code mean}
 * @param reach RICE: fill reach from the linked feedback's unique {@code customers} or their {@code
 *     arr} (yearly revenue, in whole currency units)
 * @param importance RICE: {@code impact} fills impact from the feedback's mean importance;
 *     scorecard: the key of a criterion to fill from it; null fills nothing
 * @param criteria scorecard: the criteria with weights and scales
 * @param formula formula: the expression, in the custom-field formula language
 * @param inputs formula: the names of the inputs typed in per item
 * @param valueThreshold value/effort: values at or above are high
 * @param effortThreshold value/effort: efforts at or above are high
 * @param survey Kano: the survey (id or key) whose Kano pairs name the features
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
    String convention,
    String reach,
    String importance,
    List<Criterion> criteria,
    String formula,
    List<String> inputs,
    BigDecimal valueThreshold,
    BigDecimal effortThreshold,
    String survey) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** A criterion of a scorecard: its key (the input name), label, weight and scale. */
  public record Criterion(
      String key, String name, BigDecimal weight, BigDecimal min, BigDecimal max) {}

  public static ModelConfig empty() {
    return new ModelConfig(null, null, null, null, null, null, null, null, null);
  }

  /**
   * The settings of {@code kind} with defaults filled in and the parts of other kinds dropped;
   * throws {@link io.hatrack.kernel.Invalid} naming each bad setting as {@code config.<name>}.
   */
  public ModelConfig normalised(ModelKind kind) {
    Validation v = new Validation();
    ModelConfig c =
        switch (kind) {
          case RICE -> {
            String r = reach == null ? "customers" : reach.trim();
            v.check(
                "config.reach",
                r.equals("customers") || r.equals("arr"),
                "must be customers or arr");
            String imp = importance == null ? "impact" : importance.trim();
            v.check(
                "config.importance",
                imp.isEmpty() || imp.equals("impact"),
                "must be impact or empty (do not fill impact from feedback)");
            yield new ModelConfig(null, r, imp, null, null, null, null, null, null);
          }
          case ICE -> {
            String conv = convention == null ? "product" : convention.trim();
            v.check(
                "config.convention",
                conv.equals("product") || conv.equals("mean"),
                "must be product (Impact × Confidence × Ease) or mean (their average)");
            yield new ModelConfig(conv, null, null, null, null, null, null, null, null);
          }
          case VALUE_EFFORT -> {
            BigDecimal value = valueThreshold == null ? BigDecimal.valueOf(5) : valueThreshold;
            BigDecimal effort = effortThreshold == null ? BigDecimal.valueOf(5) : effortThreshold;
            v.check("config.value_threshold", value.signum() >= 0, "must be at least 0");
            v.check("config.effort_threshold", effort.signum() >= 0, "must be at least 0");
            yield new ModelConfig(null, null, null, null, null, null, value, effort, null);
          }
          case KANO ->
              new ModelConfig(null, null, null, null, null, null, null, null, blankToNull(survey));
          case SCORECARD -> scorecard(v);
          case FORMULA -> formula(v);
          default -> empty();
        };
    v.orThrow();
    return c;
  }

  private ModelConfig scorecard(Validation v) {
    List<Criterion> list = criteria == null ? List.of() : criteria;
    v.check("config.criteria", !list.isEmpty(), "needs at least one criterion");
    Set<String> keys = new HashSet<>();
    List<Criterion> kept = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Criterion c = list.get(i);
      String f = "config.criteria[" + i + "].";
      String key = c.key() == null ? "" : c.key().trim();
      v.matches(f + "key", key, KEY, "must be lower-case letters, digits and _ (e.g. revenue)");
      v.check(f + "key", keys.add(key), "is used by another criterion");
      String name = c.name() == null || c.name().isBlank() ? key : c.name().strip();
      kept.add(new Criterion(key, name, c.weight(), c.min(), c.max()));
    }
    if (!v.has("config.criteria")) {
      try {
        new Scorecard(
            "scorecard",
            kept.stream()
                .map(c -> new Scorecard.Criterion(c.key(), c.weight(), c.min(), c.max()))
                .toList());
      } catch (io.hatrack.kernel.Invalid e) {
        e.errors().forEach(err -> v.check("config." + err.field(), false, err.reason()));
      }
    }
    String imp = blankToNull(importance);
    v.check(
        "config.importance", imp == null || keys.contains(imp), "must be the key of a criterion");
    return new ModelConfig(null, null, imp, List.copyOf(kept), null, null, null, null, null);
  }

  private ModelConfig formula(Validation v) {
    List<String> names = new ArrayList<>();
    for (int i = 0; inputs != null && i < inputs.size(); i++) {
      String name = inputs.get(i) == null ? "" : inputs.get(i).trim();
      v.matches("config.inputs[" + i + "]", name, KEY, "must be lower-case letters, digits and _");
      v.check(
          "config.inputs[" + i + "]",
          !Formula.RESERVED.contains(name),
          "is a word of the formula language");
      v.check("config.inputs[" + i + "]", !names.contains(name), "is listed twice");
      names.add(name);
    }
    String source = formula == null ? "" : formula.strip();
    try {
      Formula.parse(source);
    } catch (Formula.FormulaError e) {
      v.check("config.formula", false, "cannot be read " + e.getMessage());
    }
    return new ModelConfig(null, null, null, null, source, List.copyOf(names), null, null, null);
  }

  /** The input names an item's score under a model of {@code kind} with these settings reads. */
  public List<String> inputNames(ModelKind kind) {
    return switch (kind) {
      case SCORECARD ->
          criteria == null ? List.of() : criteria.stream().map(Criterion::key).toList();
      case FORMULA -> inputs == null ? List.of() : inputs;
      default -> kind.fixedInputs();
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
