package io.hatrack.planning.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to scores and ranks when one input moves one step along its scale, e.g. confidence
 * from 80 % to 100 % or to 50 %. Because scores are absolute, moving one item's input changes only
 * that item's score; the others keep theirs, and its rank among them is recomputed.
 */
public final class Sensitivity {
  private Sensitivity() {}

  /** One input moved one step, and the item's score before and after. */
  public record Shift(String field, BigDecimal from, BigDecimal to, Score before, Score after) {
    /** {@code after − before}, exact. */
    public Rational change() {
      return after.value().minus(before.value());
    }
  }

  /** A shift of one item in a ranking, and the rank (1 is best) it moves from and to. */
  public record RankShift<K>(K item, Shift shift, int rankBefore, int rankAfter) {
    public boolean changesRank() {
      return rankBefore != rankAfter;
    }
  }

  /** The item's score with each of its inputs moved one step up and one step down. */
  public static <I> List<Shift> of(ScoringModel<I> model, I inputs) {
    Score before = model.score(inputs);
    List<Shift> shifts = new ArrayList<>();
    for (ScoringModel.Step<I> step : model.steps(inputs)) {
      shifts.add(
          new Shift(step.field(), step.from(), step.to(), before, model.score(step.inputs())));
    }
    return shifts;
  }

  /**
   * For each item of a backlog and each one-step move of one of its inputs, the item's rank before
   * and after. Ranks order by score, highest first; equal scores share the better rank (1, 1, 3).
   */
  public static <K, I> List<RankShift<K>> ranks(ScoringModel<I> model, Map<K, I> backlog) {
    Map<K, Score> scores = new LinkedHashMap<>();
    backlog.forEach((k, in) -> scores.put(k, model.score(in)));
    List<RankShift<K>> result = new ArrayList<>();
    for (Map.Entry<K, I> e : backlog.entrySet()) {
      int before = rank(scores, e.getKey(), scores.get(e.getKey()).value());
      for (Shift s : of(model, e.getValue())) {
        result.add(
            new RankShift<>(e.getKey(), s, before, rank(scores, e.getKey(), s.after().value())));
      }
    }
    return result;
  }

  /** Only the shifts that change a rank, largest move first. */
  public static <K> List<RankShift<K>> changing(List<RankShift<K>> shifts) {
    return shifts.stream()
        .filter(RankShift::changesRank)
        .sorted(
            Comparator.comparingInt((RankShift<K> r) -> -Math.abs(r.rankAfter() - r.rankBefore())))
        .toList();
  }

  private static <K> int rank(Map<K, Score> scores, K item, Rational value) {
    int better = 0;
    for (Map.Entry<K, Score> e : scores.entrySet()) {
      if (!e.getKey().equals(item) && e.getValue().value().compareTo(value) > 0) {
        better++;
      }
    }
    return better + 1;
  }
}
