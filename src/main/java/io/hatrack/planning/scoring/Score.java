package io.hatrack.planning.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One item's score under one model, with what the UI needs to show how it came about.
 *
 * @param model the model's name, e.g. {@code RICE}
 * @param value the exact score
 * @param formula the formula in words, e.g. {@code Reach × Impact × Confidence / Effort}
 * @param inputs the inputs in the order of the formula
 * @param working the formula with the inputs put in, e.g. {@code 500 × 2 × 80% / 2 = 400}
 */
public record Score(
    String model, Rational value, String formula, List<Input> inputs, String working) {
  /** Decimals shown for a score that has no finite decimal expansion. */
  public static final int DISPLAY_DECIMALS = 2;

  public Score {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(formula, "formula");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(working, "working");
  }

  /** One named input and the value it had. */
  public record Input(String name, BigDecimal value) {
    public Input {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The value shown: exact when it has a finite decimal expansion, else two decimals. */
  public BigDecimal shown() {
    return value.toDecimal(DISPLAY_DECIMALS);
  }

  /** The value of the named input. */
  public BigDecimal input(String name) {
    return inputs.stream()
        .filter(i -> i.name().equals(name))
        .map(Input::value)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no input " + name + " in " + model));
  }

  static String plain(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
