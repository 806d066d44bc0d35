package io.hatrack.planning.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A model that scores one item from that item's inputs alone, so adding or changing another item
 * never changes this item's score.
 *
 * @param <I> the inputs of one item
 */
public interface ScoringModel<I> {
  /** The model's name as shown, e.g. {@code RICE}. */
  String name();

  /** The score of one item; throws {@link io.hatrack.kernel.Invalid} naming each bad input. */
  Score score(I inputs);

  /**
   * The inputs one step away from {@code inputs}: each input on a discrete scale moved one step up
   * and one step down (where the scale allows). Continuous inputs have no steps.
   */
  List<Step<I>> steps(I inputs);

  /** {@code inputs} with the input {@code field} moved from {@code from} to {@code to}. */
  record Step<I>(String field, BigDecimal from, BigDecimal to, I inputs) {}
}
