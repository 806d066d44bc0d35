package io.hatrack.planning.scoring;

import io.hatrack.kernel.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A weighted scorecard: criteria, each with a weight (more than 0) and a scale from {@code min} to
 * {@code max} (min below max). A value is normalised to 0..1 as {@code (value − min) / (max −
 * min)}; the score is {@code Σ weight × normalised / Σ weight}, so it lies between 0 and 1 whatever
 * the scales and weights. A whole-number value moves one step (±1) within its scale for the
 * sensitivity view.
 */
public final class Scorecard implements ScoringModel<Map<String, BigDecimal>> {
  public static final String FORMULA = "Σ (weight × (value − min) / (max − min)) / Σ weight";

  /** One criterion of the scorecard. */
  public record Criterion(String name, BigDecimal weight, BigDecimal min, BigDecimal max) {}

  private final String name;
  private final List<Criterion> criteria;

  /** A scorecard; throws {@link io.hatrack.kernel.Invalid} naming each bad criterion. */
  public Scorecard(String name, List<Criterion> criteria) {
    Validation v = new Validation();
    v.text("name", name, 200);
    v.check("criteria", criteria != null && !criteria.isEmpty(), "needs at least one criterion");
    Set<String> seen = new HashSet<>();
    for (int i = 0; criteria != null && i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      String f = "criteria[" + i + "].";
      v.text(f + "name", c.name(), 200);
      v.check(f + "name", c.name() == null || seen.add(c.name()), "is used by another criterion");
      v.check(f + "weight", c.weight() != null, "is required");
      v.check(f + "weight", c.weight() == null || c.weight().signum() > 0, "must be more than 0");
      v.check(f + "min", c.min() != null, "is required");
      v.check(f + "max", c.max() != null, "is required");
      v.check(
          f + "max",
          c.min() == null || c.max() == null || c.max().compareTo(c.min()) > 0,
          "must be more than min");
    }
    v.orThrow();
    this.name = name;
    this.criteria = List.copyOf(criteria);
  }

  public List<Criterion> criteria() {
    return criteria;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Score score(Map<String, BigDecimal> values) {
    Validation v = new Validation();
    for (String given : values.keySet()) {
      v.check(
          given,
          criteria.stream().anyMatch(c -> c.name().equals(given)),
          "is not a criterion of " + name);
    }
    for (Criterion c : criteria) {
      BigDecimal value = values.get(c.name());
      v.check(c.name(), value != null, "is required");
      v.check(
          c.name(),
          value == null || (value.compareTo(c.min()) >= 0 && value.compareTo(c.max()) <= 0),
          "must be from " + Score.plain(c.min()) + " to " + Score.plain(c.max()));
    }
    v.orThrow();
    Rational weighted = Rational.ZERO;
    Rational weights = Rational.ZERO;
    List<Score.Input> inputs = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    for (Criterion c : criteria) {
      BigDecimal value = values.get(c.name());
      Rational normalised =
          Rational.of(value.subtract(c.min())).dividedBy(Rational.of(c.max().subtract(c.min())));
      weighted = weighted.plus(Rational.of(c.weight()).times(normalised));
      weights = weights.plus(Rational.of(c.weight()));
      inputs.add(new Score.Input(c.name(), value));
      terms.add(
          Score.plain(c.weight())
              + " × ("
              + Score.plain(value)
              + " − "
              + Score.plain(c.min())
              + ") / ("
              + Score.plain(c.max())
              + " − "
              + Score.plain(c.min())
              + ")");
    }
    Rational score = weighted.dividedBy(weights);
    String working =
        "("
            + String.join(" + ", terms)
            + ") / "
            + weights.toDecimal(Score.DISPLAY_DECIMALS)
            + " = "
            + Score.plain(score.toDecimal(Score.DISPLAY_DECIMALS));
    return new Score(name, score, FORMULA, inputs, working);
  }

  @Override
  public List<Step<Map<String, BigDecimal>>> steps(Map<String, BigDecimal> values) {
    List<Step<Map<String, BigDecimal>>> steps = new ArrayList<>();
    for (Criterion c : criteria) {
      BigDecimal value = values.get(c.name());
      if (value == null || value.stripTrailingZeros().scale() > 0) {
        continue;
      }
      for (BigDecimal to : List.of(value.add(BigDecimal.ONE), value.subtract(BigDecimal.ONE))) {
        if (to.compareTo(c.min()) >= 0 && to.compareTo(c.max()) <= 0) {
          Map<String, BigDecimal> moved = new LinkedHashMap<>(values);
          moved.put(c.name(), to);
          steps.add(new Step<>(c.name(), value, to, Map.copyOf(moved)));
        }
      }
    }
    return steps;
  }
}
