package io.hatrack.planning.backlog;

import io.hatrack.kernel.Invalid;
import io.hatrack.planning.scoring.Scale;
import io.hatrack.planning.scoring.Score;
import io.hatrack.planning.scoring.ScoringModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored model seen through the scoring library's {@link ScoringModel}, moving one chosen input a
 * step up and down its scale, for {@link io.hatrack.planning.scoring.Sensitivity}: RICE's impact
 * and confidence, ICE's 1-10 scores, WSJF's Fibonacci estimates, a scorecard's whole values (±1
 * within the criterion's scale) and the MoSCoW category. Reach, effort, value/effort and formula
 * inputs are continuous and have no steps.
 */
final class InputSteps implements ScoringModel<Map<String, ScoreInput>> {
  private static final List<String> MOSCOW = List.of("wont", "could", "should", "must");

  private final Model model;
  private final String input;

  InputSteps(Model model, String input) {
    this.model = model;
    this.input = input;
  }

  /** Whether the chosen input moves in steps under this model. */
  boolean stepped() {
    return switch (model.kind()) {
      case RICE -> input.equals("impact") || input.equals("confidence");
      case ICE, WSJF, MOSCOW -> model.inputNames().contains(input);
      case SCORECARD -> model.inputNames().contains(input);
      default -> false;
    };
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public Score score(Map<String, ScoreInput> inputs) {
    ModelScorer.Outcome o = ModelScorer.score(model, inputs, ModelScorer.Facts.NONE);
    if (!o.scored()) {
      throw Invalid.field("inputs", o.missing());
    }
    return new Score(model.name(), o.value(), o.formula(), List.of(), o.working());
  }

  @Override
  public List<Step<Map<String, ScoreInput>>> steps(Map<String, ScoreInput> inputs) {
    List<Step<Map<String, ScoreInput>>> steps = new ArrayList<>();
    ScoreInput current = inputs.get(input);
    if (current == null || current.value() == null) {
      return steps;
    }
    if (model.kind() == ModelKind.MOSCOW) {
      int i = MOSCOW.indexOf(current.value().toLowerCase(java.util.Locale.ROOT));
      for (int j : new int[] {i + 1, i - 1}) {
        if (i >= 0 && j >= 0 && j < MOSCOW.size()) {
          steps.add(
              new Step<>(
                  input,
                  BigDecimal.valueOf(i + 1L),
                  BigDecimal.valueOf(j + 1L),
                  with(inputs, MOSCOW.get(j))));
        }
      }
      return steps;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(current.value());
    } catch (NumberFormatException e) {
      return steps;
    }
    for (BigDecimal to : neighbours(value)) {
      steps.add(new Step<>(input, value, to, with(inputs, ModelScorer.plain(to))));
    }
    return steps;
  }

  private List<BigDecimal> neighbours(BigDecimal value) {
    Scale scale =
        switch (model.kind()) {
          case RICE -> input.equals("impact") ? Scale.RICE_IMPACT : Scale.RICE_CONFIDENCE;
          case ICE -> Scale.ONE_TO_TEN;
          case WSJF -> Scale.MODIFIED_FIBONACCI;
          default -> null;
        };
    List<BigDecimal> out = new ArrayList<>();
    if (scale != null) {
      scale.up(value).ifPresent(out::add);
      scale.down(value).ifPresent(out::add);
      return out;
    }
    Optional<ModelConfig.Criterion> c =
        model.config().criteria() == null
            ? Optional.empty()
            : model.config().criteria().stream().filter(x -> x.key().equals(input)).findFirst();
    if (c.isPresent() && value.stripTrailingZeros().scale() <= 0) {
      for (BigDecimal to : List.of(value.add(BigDecimal.ONE), value.subtract(BigDecimal.ONE))) {
        if (to.compareTo(c.get().min()) >= 0 && to.compareTo(c.get().max()) <= 0) {
          out.add(to);
        }
      }
    }
    return out;
  }

  private Map<String, ScoreInput> with(Map<String, ScoreInput> inputs, String value) {
    Map<String, ScoreInput> moved = new LinkedHashMap<>(inputs);
    ScoreInput was = inputs.get(input);
    moved.put(input, new ScoreInput(value, was.source(), was.note()));
    return moved;
  }
}
