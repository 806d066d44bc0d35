package io.hatrack.planning.scoring;

import io.hatrack.discovery.surveys.Kano;
import io.hatrack.discovery.surveys.Kano.Category;
import io.hatrack.kernel.Validation;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kano scores of a feature from its respondents' category counts (A, O, M, I, R, Q), as the surveys
 * of the discovery hat collect them. The category and the tie-break come from {@link
 * Kano#evaluate(Map)} (the most frequent category, ties M &gt; O &gt; A &gt; I &gt; R &gt; Q);
 * Berger et al.'s coefficients are kept exact here:
 *
 * <pre>Better = (A + O) / (A + O + M + I)      Worse = −(O + M) / (A + O + M + I)</pre>
 */
public final class KanoScores {
  public static final String BETTER = "(A + O) / (A + O + M + I)";
  public static final String WORSE = "−(O + M) / (A + O + M + I)";

  private KanoScores() {}

  /**
   * A feature's Kano result.
   *
   * @param evaluation the survey hat's evaluation (counts, category, coefficients to 2 decimals)
   * @param better the exact Better coefficient with its formula; empty when A+O+M+I is 0
   * @param worse the exact Worse coefficient with its formula; empty when A+O+M+I is 0
   */
  public record Result(Kano.Evaluation evaluation, Optional<Score> better, Optional<Score> worse) {
    public Optional<Category> category() {
      return evaluation.category();
    }
  }

  /** Scores a feature from its counts; a missing category counts 0, a negative count is invalid. */
  public static Result of(Map<Category, Long> counts) {
    Validation v = new Validation();
    Map<Category, Long> all = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      Long k = counts.get(c);
      v.check("count." + c.name(), k == null || k >= 0, "must be at least 0");
      all.put(c, k == null ? 0L : k);
    }
    v.orThrow();
    Kano.Evaluation evaluation = Kano.evaluate(all);
    long a = all.get(Category.A);
    long o = all.get(Category.O);
    long m = all.get(Category.M);
    long i = all.get(Category.I);
    long base = a + o + m + i;
    if (base == 0) {
      return new Result(evaluation, Optional.empty(), Optional.empty());
    }
    List<Score.Input> inputs =
        List.of(
            new Score.Input("A", BigDecimal.valueOf(a)),
            new Score.Input("O", BigDecimal.valueOf(o)),
            new Score.Input("M", BigDecimal.valueOf(m)),
            new Score.Input("I", BigDecimal.valueOf(i)));
    Rational better = Rational.of(a + o, base);
    Rational worse = Rational.of(-(o + m), base);
    String denominator = " / (" + a + " + " + o + " + " + m + " + " + i + ") = ";
    Score b =
        new Score(
            "Kano Better",
            better,
            BETTER,
            inputs,
            "("
                + a
                + " + "
                + o
                + ")"
                + denominator
                + Score.plain(better.toDecimal(Score.DISPLAY_DECIMALS)));
    Score w =
        new Score(
            "Kano Worse",
            worse,
            WORSE,
            inputs,
            "−("
                + o
                + " + "
                + m
                + ")"
                + denominator
                + Score.plain(worse.toDecimal(Score.DISPLAY_DECIMALS)));
    return new Result(evaluation, Optional.of(b), Optional.of(w));
  }
}
