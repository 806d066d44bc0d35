package io.hatrack.planning.scoring;

import io.hatrack.kernel.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Weighted Shortest Job First as SAFe defines it: {@code Cost of Delay / Job Size}, where Cost of
 * Delay = User-business value + Time criticality + Risk reduction and/or opportunity enablement.
 * All four are relative estimates on SAFe's modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20 (so job
 * size is always more than 0).
 */
public final class Wsjf implements ScoringModel<Wsjf.Inputs> {
  public static final String FORMULA =
      "(Business value + Time criticality + Risk reduction/opportunity enablement) / Job size";

  /** One item's WSJF estimates, each on the modified Fibonacci scale; null until filled in. */
  public record Inputs(
      Integer businessValue, Integer timeCriticality, Integer riskReduction, Integer jobSize) {
    Inputs with(String field, BigDecimal value) {
      int v = value.intValueExact();
      return switch (field) {
        case "businessValue" -> new Inputs(v, timeCriticality, riskReduction, jobSize);
        case "timeCriticality" -> new Inputs(businessValue, v, riskReduction, jobSize);
        case "riskReduction" -> new Inputs(businessValue, timeCriticality, v, jobSize);
        case "jobSize" -> new Inputs(businessValue, timeCriticality, riskReduction, v);
        default -> throw new IllegalArgumentException("no input " + field);
      };
    }

    Integer get(String field) {
      return switch (field) {
        case "businessValue" -> businessValue;
        case "timeCriticality" -> timeCriticality;
        case "riskReduction" -> riskReduction;
        case "jobSize" -> jobSize;
        default -> throw new IllegalArgumentException("no input " + field);
      };
    }
  }

  private static final List<String> FIELDS =
      List.of("businessValue", "timeCriticality", "riskReduction", "jobSize");

  @Override
  public String name() {
    return "WSJF";
  }

  @Override
  public Score score(Inputs in) {
    Validation v = new Validation();
    for (String field : FIELDS) {
      Integer value = in.get(field);
      v.check(field, value != null, "is required");
      v.check(
          field,
          value == null || Scale.MODIFIED_FIBONACCI.contains(BigDecimal.valueOf(value)),
          Scale.MODIFIED_FIBONACCI.reason());
    }
    v.orThrow();
    int costOfDelay = in.businessValue() + in.timeCriticality() + in.riskReduction();
    Rational value = Rational.of(costOfDelay, in.jobSize());
    String working =
        "("
            + in.businessValue()
            + " + "
            + in.timeCriticality()
            + " + "
            + in.riskReduction()
            + ") / "
            + in.jobSize()
            + " = "
            + Score.plain(value.toDecimal(Score.DISPLAY_DECIMALS));
    List<Score.Input> inputs = new ArrayList<>();
    for (String field : FIELDS) {
      inputs.add(new Score.Input(field, BigDecimal.valueOf(in.get(field))));
    }
    return new Score(name(), value, FORMULA, inputs, working);
  }

  @Override
  public List<Step<Inputs>> steps(Inputs in) {
    List<Step<Inputs>> steps = new ArrayList<>();
    for (String field : FIELDS) {
      Integer value = in.get(field);
      Steps.add(
          steps,
          field,
          value == null ? null : BigDecimal.valueOf(value),
          Scale.MODIFIED_FIBONACCI,
          to -> in.with(field, to));
    }
    return steps;
  }
}
