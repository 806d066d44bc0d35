package io.hatrack.planning.backlog;

import io.hatrack.definition.fields.Formula;
import io.hatrack.discovery.surveys.Kano;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Validation;
import io.hatrack.planning.scoring.Ice;
import io.hatrack.planning.scoring.Rational;
import io.hatrack.planning.scoring.Rice;
import io.hatrack.planning.scoring.Score;
import io.hatrack.planning.scoring.Scorecard;
import io.hatrack.planning.scoring.ValueEffort;
import io.hatrack.planning.scoring.Wsjf;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scores one item under one model from that item's inputs alone (and, for formulas, its number
 * fields and estimate), through the planning hat's calculators. Pure: no I/O. Because nothing of
 * another item is read, a score is absolute: changing one item never changes another's.
 *
 * <p>MoSCoW and Kano give a category; for sorting, Must 4, Should 3, Could 2, Won't 1, and Kano's
 * usual order of what to build first: must-be 4, one-dimensional 3, attractive 2, indifferent 1,
 * reverse and questionable 0.
 */
public final class ModelScorer {
  private ModelScorer() {}

  /** What the model gave: a value with its working, or no value and the reason. */
  public record Outcome(Rational value, String formula, String working, String missing) {
    public boolean scored() {
      return value != null;
    }

    /** The value as a double, for sorting; null without a value. */
    public Double score() {
      return value == null ? null : value.toBigDecimal(12).doubleValue();
    }

    /** The exact value as {@code p/q}; null without a value. */
    public String exact() {
      return value == null ? null : value.numerator() + "/" + value.denominator();
    }

    /** The value as shown: exact when finite in decimal, else two decimals. */
    public String shown() {
      return value == null ? "" : plain(value.toDecimal(Score.DISPLAY_DECIMALS));
    }
  }

  /** The item's own facts a formula may read besides its inputs. */
  public record Facts(Double estimate, Map<String, Double> fields) {
    public static final Facts NONE = new Facts(null, Map.of());

    public Facts {
      fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
  }

  private static final List<String> MOSCOW = List.of("wont", "could", "should", "must");

  /** The formula in words of a model, shown even before an item has inputs. */
  public static String formulaOf(Model m) {
    return switch (m.kind()) {
      case RICE -> Rice.FORMULA;
      case ICE -> ice(m).convention().formula();
      case WSJF -> Wsjf.FORMULA;
      case VALUE_EFFORT -> "Value / Effort";
      case MOSCOW -> "Must 4 · Should 3 · Could 2 · Won't 1";
      case KANO -> "Must-be 4 · One-dimensional 3 · Attractive 2 · Indifferent 1 · other 0";
      case SCORECARD -> Scorecard.FORMULA;
      case FORMULA -> m.config().formula();
    };
  }

  /**
   * Checks inputs typed in for a model: every name an input of the model, every source known,
   * numbers where numbers go, every value on its scale, none missing. Throws {@link Invalid} naming
   * each bad input.
   */
  public static void check(Model m, Map<String, ScoreInput> inputs) {
    Validation v = new Validation();
    List<String> names = m.inputNames();
    inputs.forEach(
        (name, in) -> {
          v.check(name, names.contains(name), "is not an input of " + m.name());
          in.check(v, name);
        });
    v.orThrow();
    Outcome o = compute(m, inputs, Facts.NONE, true);
    if (!o.scored() && m.kind() != ModelKind.FORMULA) {
      throw Invalid.field("inputs", o.missing());
    }
  }

  /** The item's score, or no value with the reason (a missing or bad input, a failed formula). */
  public static Outcome score(Model m, Map<String, ScoreInput> inputs, Facts facts) {
    try {
      return compute(m, inputs, facts, false);
    } catch (Invalid e) {
      return new Outcome(
          null,
          formulaOf(m),
          "",
          e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    }
  }

  private static Outcome compute(Model m, Map<String, ScoreInput> in, Facts facts, boolean strict) {
    Score s =
        switch (m.kind()) {
          case RICE ->
              new Rice()
                  .score(
                      new Rice.Inputs(
                          number(in, "reach"),
                          number(in, "impact"),
                          number(in, "confidence"),
                          number(in, "effort")));
          case ICE ->
              ice(m)
                  .score(
                      new Ice.Inputs(
                          whole(in, "impact"), whole(in, "confidence"), whole(in, "ease")));
          case WSJF -> wsjf(in);
          case VALUE_EFFORT -> valueEffort(m, in);
          case MOSCOW -> moscow(in);
          case KANO -> kano(in);
          case SCORECARD -> scorecard(m, in);
          case FORMULA -> null;
        };
    if (s == null) {
      return formula(m, in, facts, strict);
    }
    return new Outcome(s.value(), s.formula(), s.working(), null);
  }

  static Ice ice(Model m) {
    return new Ice(
        "mean".equals(m.config().convention()) ? Ice.Convention.MEAN : Ice.Convention.PRODUCT);
  }

  private static Score wsjf(Map<String, ScoreInput> in) {
    Map<String, String> names =
        Map.of(
            "businessValue", "business_value",
            "timeCriticality", "time_criticality",
            "riskReduction", "risk_reduction",
            "jobSize", "job_size");
    Wsjf.Inputs inputs =
        new Wsjf.Inputs(
            whole(in, "business_value"),
            whole(in, "time_criticality"),
            whole(in, "risk_reduction"),
            whole(in, "job_size"));
    try {
      return new Wsjf().score(inputs);
    } catch (Invalid e) {
      throw new Invalid(
          e.errors().stream()
              .map(
                  err -> new FieldError(names.getOrDefault(err.field(), err.field()), err.reason()))
              .toList());
    }
  }

  private static Score valueEffort(Model m, Map<String, ScoreInput> in) {
    BigDecimal value = number(in, "value");
    BigDecimal effort = number(in, "effort");
    Validation v = new Validation();
    v.check("effort", effort == null || effort.signum() > 0, "must be more than 0");
    v.orThrow();
    ValueEffort.Placement p =
        new ValueEffort(
                new ValueEffort.Thresholds(
                    m.config().valueThreshold(), m.config().effortThreshold()))
            .place(value, effort);
    Rational r = Rational.of(value).dividedBy(Rational.of(effort));
    String working =
        plain(value)
            + " / "
            + plain(effort)
            + " = "
            + plain(r.toDecimal(Score.DISPLAY_DECIMALS))
            + " · "
            + p.quadrant().label()
            + " ("
            + p.rule()
            + ")";
    return new Score(
        m.name(),
        r,
        "Value / Effort",
        List.of(new Score.Input("value", value), new Score.Input("effort", effort)),
        working);
  }

  private static Score moscow(Map<String, ScoreInput> in) {
    String c = word(in, "category");
    int rank = MOSCOW.indexOf(c) + 1;
    if (rank == 0) {
      throw Invalid.field("category", "must be must, should, could or wont");
    }
    return new Score(
        "MoSCoW",
        Rational.of(rank),
        "Must 4 · Should 3 · Could 2 · Won't 1",
        List.of(new Score.Input("category", BigDecimal.valueOf(rank))),
        moscowLabel(c) + " = " + rank);
  }

  static String moscowLabel(String c) {
    return switch (c) {
      case "must" -> "Must have";
      case "should" -> "Should have";
      case "could" -> "Could have";
      default -> "Won't have (this time)";
    };
  }

  /** A Kano category from a letter (M, O, A, I, R, Q) or its name (must-be, attractive, ...). */
  static Kano.Category kanoCategory(String word) {
    for (Kano.Category c : Kano.Category.values()) {
      if (c.name().equalsIgnoreCase(word) || c.label().equalsIgnoreCase(word)) {
        return c;
      }
    }
    throw Invalid.field(
        "category",
        "must be a Kano category: must-be, one-dimensional, attractive, indifferent, reverse or"
            + " questionable (or M, O, A, I, R, Q)");
  }

  static int kanoRank(Kano.Category c) {
    return switch (c) {
      case M -> 4;
      case O -> 3;
      case A -> 2;
      case I -> 1;
      default -> 0;
    };
  }

  private static Score kano(Map<String, ScoreInput> in) {
    String w = word(in, "category");
    Kano.Category c = kanoCategory(w);
    int rank = kanoRank(c);
    return new Score(
        "Kano",
        Rational.of(rank),
        "Must-be 4 · One-dimensional 3 · Attractive 2 · Indifferent 1 · other 0",
        List.of(new Score.Input("category", BigDecimal.valueOf(rank))),
        c.label() + " = " + rank);
  }

  private static Score scorecard(Model m, Map<String, ScoreInput> in) {
    Scorecard card =
        new Scorecard(
            m.name(),
            m.config().criteria().stream()
                .map(c -> new Scorecard.Criterion(c.key(), c.weight(), c.min(), c.max()))
                .toList());
    Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
    for (ModelConfig.Criterion c : m.config().criteria()) {
      BigDecimal value = number(in, c.key());
      if (value != null) {
        values.put(c.key(), value);
      }
    }
    return card.score(values);
  }

  private static Outcome formula(Model m, Map<String, ScoreInput> in, Facts facts, boolean strict) {
    Formula f;
    try {
      f = Formula.parse(m.config().formula());
    } catch (Formula.FormulaError e) {
      return new Outcome(
          null, m.config().formula(), "", "the formula cannot be read " + e.getMessage());
    }
    List<String> names = m.inputNames();
    Validation v = new Validation();
    for (String name : names) {
      BigDecimal value = number(in, name);
      if (strict) {
        v.check(name, value != null, "is required");
      }
    }
    v.orThrow();
    List<String> used = new ArrayList<>();
    Formula.Result r =
        f.evaluate(
            key -> {
              Double value;
              if (names.contains(key)) {
                BigDecimal d = number(in, key);
                value = d == null ? null : d.doubleValue();
              } else if (key.equals(Formula.ESTIMATE)) {
                value = facts.estimate();
              } else {
                value = facts.fields().get(key);
              }
              used.add(key + " = " + (value == null ? "–" : plain(BigDecimal.valueOf(value))));
              return value;
            });
    String with = used.stream().distinct().collect(Collectors.joining(", "));
    if (r.isEmpty()) {
      return new Outcome(null, f.source(), with, r.reason());
    }
    Rational value = Rational.of(new BigDecimal(Double.toString(r.value())));
    return new Outcome(
        value,
        f.source(),
        f.source() + " with " + with + " = " + plain(value.toDecimal(Score.DISPLAY_DECIMALS)),
        null);
  }

  // ---- Reading inputs --------------------------------------------------------------------------

  static BigDecimal number(Map<String, ScoreInput> in, String name) {
    ScoreInput i = in.get(name);
    if (i == null || i.value() == null || i.value().isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(i.value());
    } catch (NumberFormatException e) {
      throw Invalid.field(name, "must be a number, such as 2 or 0.5");
    }
  }

  private static Integer whole(Map<String, ScoreInput> in, String name) {
    BigDecimal d = number(in, name);
    if (d == null) {
      return null;
    }
    try {
      return d.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      throw Invalid.field(name, "must be a whole number");
    }
  }

  private static String word(Map<String, ScoreInput> in, String name) {
    ScoreInput i = in.get(name);
    if (i == null || i.value() == null || i.value().isEmpty()) {
      throw Invalid.field(name, "is required");
    }
    return i.value().trim().toLowerCase(Locale.ROOT).replace("'", "").replace("won't", "wont");
  }

  static String plain(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
