package io.hatrack.planning.scoring;

import io.hatrack.kernel.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * RICE as Intercom published it (Sean McBride, "RICE: Simple prioritization for product managers",
 * 2016): {@code Reach × Impact × Confidence / Effort}. Reach is people or events per period (at
 * least 0); impact is 3 (massive), 2 (high), 1 (medium), 0.5 (low) or 0.25 (minimal); confidence is
 * 100 %, 80 % or 50 % and enters the product as a fraction (80 % is 0.8); effort is in
 * person-months and more than 0. Intercom's example: 500 × 2 × 80 % / 2 = 400.
 */
public final class Rice implements ScoringModel<Rice.Inputs> {
  public static final String FORMULA = "Reach × Impact × Confidence / Effort";

  /**
   * One item's RICE inputs; confidence is in percent ({@code 80} for 80 %). Any may be null until
   * filled in, which {@link #score} reports.
   */
  public record Inputs(
      BigDecimal reach, BigDecimal impact, BigDecimal confidence, BigDecimal effort) {
    Inputs with(String field, BigDecimal value) {
      return switch (field) {
        case "impact" -> new Inputs(reach, value, confidence, effort);
        case "confidence" -> new Inputs(reach, impact, value, effort);
        default -> throw new IllegalArgumentException("no stepped input " + field);
      };
    }
  }

  @Override
  public String name() {
    return "RICE";
  }

  @Override
  public Score score(Inputs in) {
    Validation v = new Validation();
    v.check("reach", in.reach() != null, "is required");
    v.check("reach", in.reach() == null || in.reach().signum() >= 0, "must be at least 0");
    v.check("impact", in.impact() != null, "is required");
    v.check(
        "impact",
        in.impact() == null || Scale.RICE_IMPACT.contains(in.impact()),
        Scale.RICE_IMPACT.reason());
    v.check("confidence", in.confidence() != null, "is required");
    v.check(
        "confidence",
        in.confidence() == null || Scale.RICE_CONFIDENCE.contains(in.confidence()),
        "must be one of 100, 80, 50 (percent)");
    v.check("effort", in.effort() != null, "is required");
    v.check(
        "effort",
        in.effort() == null || in.effort().signum() > 0,
        "must be more than 0 person-months");
    v.orThrow();
    Rational confidence = Rational.of(in.confidence()).dividedBy(Rational.of(100));
    Rational value =
        Rational.of(in.reach())
            .times(Rational.of(in.impact()))
            .times(confidence)
            .dividedBy(Rational.of(in.effort()));
    Score.Input[] inputs = {
      new Score.Input("reach", in.reach()),
      new Score.Input("impact", in.impact()),
      new Score.Input("confidence", in.confidence()),
      new Score.Input("effort", in.effort())
    };
    String working =
        Score.plain(in.reach())
            + " × "
            + Score.plain(in.impact())
            + " × "
            + Score.plain(in.confidence())
            + "% / "
            + Score.plain(in.effort())
            + " = "
            + Score.plain(value.toDecimal(Score.DISPLAY_DECIMALS));
    return new Score(name(), value, FORMULA, List.of(inputs), working);
  }

  @Override
  public List<Step<Inputs>> steps(Inputs in) {
    List<Step<Inputs>> steps = new ArrayList<>();
    Steps.add(steps, "impact", in.impact(), Scale.RICE_IMPACT, v -> in.with("impact", v));
    Steps.add(
        steps, "confidence", in.confidence(), Scale.RICE_CONFIDENCE, v -> in.with("confidence", v));
    return steps;
  }
}
