package io.hatrack.planning.scoring;

import io.hatrack.planning.scoring.ScoringModel.Step;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** One step up and one step down a scale, the moves the models offer for sensitivity. */
final class Steps {
  private Steps() {}

  static <I> void add(
      List<Step<I>> steps,
      String field,
      BigDecimal value,
      Scale scale,
      Function<BigDecimal, I> with) {
    if (value == null) {
      return;
    }
    scale.up(value).ifPresent(to -> steps.add(new Step<>(field, value, to, with.apply(to))));
    scale.down(value).ifPresent(to -> steps.add(new Step<>(field, value, to, with.apply(to))));
  }
}
