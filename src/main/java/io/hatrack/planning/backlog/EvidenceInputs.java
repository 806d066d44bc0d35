package io.hatrack.planning.backlog;

import io.hatrack.discovery.feedback.Demand;
import io.hatrack.discovery.surveys.Kano;
import io.hatrack.planning.scoring.KanoScores;
import io.hatrack.planning.scoring.Scale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs a model can take from an item's evidence, each with source {@code evidence} (or {@code
 * estimate}) and a note saying how it was derived. Pure: the caller reads the evidence.
 *
 * <ul>
 *   <li>Reach (RICE): the unique customers of the feedback linked to the item as "supports", or
 *       their yearly revenue (ARR) in whole currency units, as the model's settings say.
 *   <li>Importance: the mean importance (0 not important … 3 critical) those customers gave. To
 *       RICE impact: mean ≥ 2.5 → 3 (massive), ≥ 2 → 2 (high), ≥ 1.5 → 1 (medium), ≥ 0.75 → 0.5
 *       (low), below → 0.25 (minimal). To a scorecard criterion: linearly from 0..3 onto the
 *       criterion's scale, rounded to a whole number when the scale's ends are whole.
 *   <li>Effort (RICE, value/effort) and job size (WSJF): the sum of the item's efforts per team,
 *       else its estimate; WSJF rounds it up to the next value of the modified Fibonacci scale (at
 *       most 20).
 *   <li>Kano category: from the Kano pair of the model's survey that names the item's title.
 * </ul>
 */
public final class EvidenceInputs {
  private EvidenceInputs() {}

  /**
   * What is known of one item.
   *
   * @param demand the demand from its supporting feedback
   * @param estimate its estimate, or null
   * @param effortSum the sum of its efforts per team, or null
   * @param kano the Kano evaluation of the feature in the model's survey, if any, and the survey
   */
  public record Evidence(
      Demand demand, Double estimate, Double effortSum, Optional<KanoFound> kano) {}

  /** A feature's Kano evaluation in a survey. */
  public record KanoFound(String survey, Map<Kano.Category, Long> counts) {}

  /** The inputs of {@code model} that the evidence gives; inputs it cannot give are left out. */
  public static Map<String, ScoreInput> of(Model model, Evidence e) {
    Map<String, ScoreInput> out = new LinkedHashMap<>();
    Demand d = e.demand();
    switch (model.kind()) {
      case RICE -> {
        reach(model, d).ifPresent(r -> out.put("reach", r));
        if ("impact".equals(model.config().importance()) && d.importanceMean() != null) {
          out.put(
              "impact",
              ScoreInput.evidence(
                  impact(d.importanceMean()), importanceNote(d) + " → RICE impact scale"));
        }
        effort(e, false).ifPresent(x -> out.put("effort", x));
      }
      case VALUE_EFFORT -> effort(e, false).ifPresent(x -> out.put("effort", x));
      case WSJF -> effort(e, true).ifPresent(x -> out.put("job_size", x));
      case SCORECARD -> {
        String key = model.config().importance();
        if (key != null && d.importanceMean() != null) {
          model.config().criteria().stream()
              .filter(c -> c.key().equals(key))
              .findFirst()
              .ifPresent(
                  c ->
                      out.put(
                          key,
                          ScoreInput.evidence(
                              onScale(d.importanceMean(), c.min(), c.max()),
                              importanceNote(d) + " → scale " + c.min() + "–" + c.max())));
        }
      }
      case KANO -> e.kano().ifPresent(k -> kano(k).ifPresent(x -> out.put("category", x)));
      default -> {}
    }
    return out;
  }

  private static Optional<ScoreInput> reach(Model model, Demand d) {
    if (d.feedback() == 0) {
      return Optional.empty();
    }
    if ("arr".equals(model.config().reach())) {
      BigDecimal arr = BigDecimal.valueOf(d.revenueMinor()).movePointLeft(2);
      return Optional.of(
          ScoreInput.evidence(
              ModelScorer.plain(arr.setScale(0, RoundingMode.HALF_UP)),
              "ARR "
                  + d.revenueDisplay()
                  + " of "
                  + d.customers()
                  + " unique customer(s) in "
                  + d.feedback()
                  + " linked feedback"
                  + (d.customersWithoutRevenue() > 0
                      ? "; " + d.customersWithoutRevenue() + " without a known revenue"
                      : "")));
    }
    return Optional.of(
        ScoreInput.evidence(
            Long.toString(d.customers()),
            d.customers() + " unique customer(s) in " + d.feedback() + " linked feedback"));
  }

  /** The RICE impact for a mean importance (0..3). */
  public static String impact(double mean) {
    if (mean >= 2.5) {
      return "3";
    }
    if (mean >= 2) {
      return "2";
    }
    if (mean >= 1.5) {
      return "1";
    }
    return mean >= 0.75 ? "0.5" : "0.25";
  }

  private static String importanceNote(Demand d) {
    return "mean importance "
        + String.format(Locale.ROOT, "%.2f", d.importanceMean())
        + " of 3 from "
        + d.rated()
        + " customer(s)";
  }

  static String onScale(double mean, BigDecimal min, BigDecimal max) {
    BigDecimal v =
        min.add(
            max.subtract(min)
                .multiply(BigDecimal.valueOf(mean))
                .divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP));
    boolean whole = min.stripTrailingZeros().scale() <= 0 && max.stripTrailingZeros().scale() <= 0;
    return ModelScorer.plain(whole ? v.setScale(0, RoundingMode.HALF_UP) : v);
  }

  private static Optional<ScoreInput> effort(Evidence e, boolean fibonacci) {
    Double value = e.effortSum() != null ? e.effortSum() : e.estimate();
    if (value == null || value <= 0) {
      return Optional.empty();
    }
    String from =
        e.effortSum() != null
            ? "sum of the item's efforts per team (" + num(value) + ")"
            : "the item's estimate (" + num(value) + ")";
    if (!fibonacci) {
      return Optional.of(new ScoreInput(num(value), "estimate", from));
    }
    BigDecimal v = BigDecimal.valueOf(value);
    BigDecimal to = BigDecimal.valueOf(20);
    for (BigDecimal s : Scale.MODIFIED_FIBONACCI.values()) {
      if (s.compareTo(v) >= 0) {
        to = s;
        break;
      }
    }
    return Optional.of(
        new ScoreInput(
            ModelScorer.plain(to), "estimate", from + " → " + to + " on the Fibonacci scale"));
  }

  private static Optional<ScoreInput> kano(KanoFound k) {
    KanoScores.Result r = KanoScores.of(k.counts());
    if (r.category().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder note = new StringBuilder("survey ").append(k.survey()).append(": ");
    for (Kano.Category c : Kano.Category.values()) {
      note.append(c.name()).append(' ').append(r.evaluation().count(c)).append(' ');
    }
    note.append("(n=").append(r.evaluation().n()).append(")");
    r.better().ifPresent(b -> note.append("; Better ").append(ModelScorer.plain(b.shown())));
    r.worse().ifPresent(w -> note.append(", Worse ").append(ModelScorer.plain(w.shown())));
    return Optional.of(ScoreInput.evidence(r.category().get().label(), note.toString()));
  }

  private static String num(double v) {
    return ModelScorer.plain(BigDecimal.valueOf(v));
  }
}
