package io.hatrack.planning.scoring;

import io.hatrack.kernel.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ICE: Impact, Confidence and Ease, each a whole score from 1 to 10. Two conventions are in use and
 * the model states which it applies:
 *
 * <ul>
 *   <li>{@link Convention#PRODUCT}: {@code Impact × Confidence × Ease} (1 to 1000), as Sean Ellis
 *       introduced it at GrowthHackers;
 *   <li>{@link Convention#MEAN}: {@code (Impact + Confidence + Ease) / 3} (1 to 10), the average
 *       many teams use instead.
 * </ul>
 *
 * Both order items the same way only when the three scores are balanced; they are not
 * interchangeable, so a product picks one.
 */
public final class Ice implements ScoringModel<Ice.Inputs> {
  /** Which way the three scores are combined. */
  public enum Convention {
    PRODUCT("ICE (product)", "Impact × Confidence × Ease"),
    MEAN("ICE (mean)", "(Impact + Confidence + Ease) / 3");

    private final String label;
    private final String formula;

    Convention(String label, String formula) {
      this.label = label;
      this.formula = formula;
    }

    public String label() {
      return label;
    }

    public String formula() {
      return formula;
    }
  }

  /** One item's ICE scores, each 1 to 10; null until filled in. */
  public record Inputs(Integer impact, Integer confidence, Integer ease) {
    Inputs with(String field, BigDecimal value) {
      int v = value.intValueExact();
      return switch (field) {
        case "impact" -> new Inputs(v, confidence, ease);
        case "confidence" -> new Inputs(impact, v, ease);
        case "ease" -> new Inputs(impact, confidence, v);
        default -> throw new IllegalArgumentException("no input " + field);
      };
    }
  }

  private final Convention convention;

  public Ice(Convention convention) {
    this.convention = Objects.requireNonNull(convention, "convention");
  }

  public Convention convention() {
    return convention;
  }

  @Override
  public String name() {
    return convention.label();
  }

  @Override
  public Score score(Inputs in) {
    Validation v = new Validation();
    oneToTen(v, "impact", in.impact());
    oneToTen(v, "confidence", in.confidence());
    oneToTen(v, "ease", in.ease());
    v.orThrow();
    Rational i = Rational.of(in.impact());
    Rational c = Rational.of(in.confidence());
    Rational e = Rational.of(in.ease());
    Rational value;
    String working;
    if (convention == Convention.PRODUCT) {
      value = i.times(c).times(e);
      working = in.impact() + " × " + in.confidence() + " × " + in.ease();
    } else {
      value = i.plus(c).plus(e).dividedBy(Rational.of(3));
      working = "(" + in.impact() + " + " + in.confidence() + " + " + in.ease() + ") / 3";
    }
    working += " = " + Score.plain(value.toDecimal(Score.DISPLAY_DECIMALS));
    List<Score.Input> inputs =
        List.of(
            new Score.Input("impact", BigDecimal.valueOf(in.impact())),
            new Score.Input("confidence", BigDecimal.valueOf(in.confidence())),
            new Score.Input("ease", BigDecimal.valueOf(in.ease())));
    return new Score(name(), value, convention.formula(), inputs, working);
  }

  @Override
  public List<Step<Inputs>> steps(Inputs in) {
    List<Step<Inputs>> steps = new ArrayList<>();
    for (String field : List.of("impact", "confidence", "ease")) {
      Integer value =
          switch (field) {
            case "impact" -> in.impact();
            case "confidence" -> in.confidence();
            default -> in.ease();
          };
      Steps.add(
          steps,
          field,
          value == null ? null : BigDecimal.valueOf(value),
          Scale.ONE_TO_TEN,
          to -> in.with(field, to));
    }
    return steps;
  }

  private static void oneToTen(Validation v, String field, Integer value) {
    v.check(field, value != null, "is required");
    v.check(
        field, value == null || (value >= 1 && value <= 10), "must be a whole score from 1 to 10");
  }
}
