package io.hatrack.discovery.surveys;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Kano model's evaluation of a feature from pairs of answers: how a respondent feels if the
 * feature is there (functional question) and if it is not (dysfunctional question), each on the
 * five answers "I like it", "I expect it" (must-be), "I am neutral", "I can live with it", "I
 * dislike it". The standard evaluation table (Berger et al., "Kano's Methods for Understanding
 * Customer-defined Quality", Center for Quality Management Journal 2(4), 1993) gives each pair a
 * category:
 *
 * <pre>
 *   functional \ dysfunctional   like  expect  neutral  live with  dislike
 *   like                          Q      A       A         A          O
 *   expect                        R      I       I         I          M
 *   neutral                       R      I       I         I          M
 *   live with                     R      I       I         I          M
 *   dislike                       R      R       R         R          Q
 * </pre>
 *
 * <p>A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable. Per
 * feature, the categories of its respondents are counted; the feature's category is the most
 * frequent one, ties broken by Berger et al.'s rule M &gt; O &gt; A &gt; I (then R, then Q); and
 * the customer-satisfaction coefficients are
 *
 * <pre>Better = (A + O) / (A + O + M + I)      Worse = −(O + M) / (A + O + M + I)</pre>
 *
 * <p>exact rationals rounded once to two decimals, half away from zero; none when A + O + M + I is
 * 0.
 */
public final class Kano {
  private Kano() {}

  /** One of the five answers, in the order of the table. */
  public enum Answer {
    LIKE("like", "I like it"),
    EXPECT("expect", "I expect it"),
    NEUTRAL("neutral", "I am neutral"),
    LIVE_WITH("live_with", "I can live with it"),
    DISLIKE("dislike", "I dislike it");

    private final String id;
    private final String label;

    Answer(String id, String label) {
      this.id = id;
      this.label = label;
    }

    public String id() {
      return id;
    }

    public String label() {
      return label;
    }

    /** The answer with this id; empty for anything else. */
    public static Optional<Answer> parse(String id) {
      if (id == null) {
        return Optional.empty();
      }
      String clean = id.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      for (Answer a : values()) {
        if (a.id.equals(clean)) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }

    /** The answer stored as {@code 1..5}. */
    public static Answer ofNumber(int number) {
      if (number < 1 || number > 5) {
        throw new IllegalArgumentException("a Kano answer is stored as 1 to 5, not " + number);
      }
      return values()[number - 1];
    }

    public int number() {
      return ordinal() + 1;
    }
  }

  /** A category of the Kano model, in the order the tie-break prefers them. */
  public enum Category {
    M("must-be"),
    O("one-dimensional"),
    A("attractive"),
    I("indifferent"),
    R("reverse"),
    Q("questionable");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Category A = Category.A;
  private static final Category O = Category.O;
  private static final Category M = Category.M;
  private static final Category I = Category.I;
  private static final Category R = Category.R;
  private static final Category Q = Category.Q;

  /** Rows: functional answer; columns: dysfunctional answer; both in {@link Answer} order. */
  private static final Category[][] TABLE = {
    {Q, A, A, A, O},
    {R, I, I, I, M},
    {R, I, I, I, M},
    {R, I, I, I, M},
    {R, R, R, R, Q},
  };

  /** The category of one respondent's pair of answers. */
  public static Category category(Answer functional, Answer dysfunctional) {
    return TABLE[functional.ordinal()][dysfunctional.ordinal()];
  }

  /** One respondent's pair of answers. */
  public record Pair(Answer functional, Answer dysfunctional) {
    public Category category() {
      return Kano.category(functional, dysfunctional);
    }
  }

  /**
   * A feature's evaluation.
   *
   * @param counts respondents per category, every category present
   * @param category the most frequent category (empty without respondents)
   * @param better (A+O)/(A+O+M+I), two decimals; empty when the denominator is 0
   * @param worse −(O+M)/(A+O+M+I), two decimals; empty when the denominator is 0
   */
  public record Evaluation(
      Map<Category, Long> counts,
      long n,
      Optional<Category> category,
      Optional<BigDecimal> better,
      Optional<BigDecimal> worse) {
    public Evaluation {
      counts = Map.copyOf(counts);
    }

    public long count(Category c) {
      return counts.getOrDefault(c, 0L);
    }
  }

  /** Evaluates a feature from its respondents' pairs. */
  public static Evaluation evaluate(List<Pair> pairs) {
    Map<Category, Long> counts = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      counts.put(c, 0L);
    }
    for (Pair p : pairs) {
      counts.merge(p.category(), 1L, Long::sum);
    }
    return evaluate(counts);
  }

  /** Evaluates a feature from its category counts. */
  public static Evaluation evaluate(Map<Category, Long> given) {
    Map<Category, Long> counts = new EnumMap<>(Category.class);
    long n = 0;
    for (Category c : Category.values()) {
      long k = given.getOrDefault(c, 0L);
      if (k < 0) {
        throw new IllegalArgumentException("counts are never negative");
      }
      counts.put(c, k);
      n += k;
    }
    Category top = null;
    for (Category c : Category.values()) {
      // Category order is the tie-break order, so only a strictly larger count displaces.
      if (counts.get(c) > 0 && (top == null || counts.get(c) > counts.get(top))) {
        top = c;
      }
    }
    long a = counts.get(A);
    long o = counts.get(O);
    long m = counts.get(M);
    long i = counts.get(I);
    long base = a + o + m + i;
    Optional<BigDecimal> better =
        base == 0 ? Optional.empty() : Optional.of(Percentages.ratio(a + o, base, 2));
    Optional<BigDecimal> worse =
        base == 0 ? Optional.empty() : Optional.of(Percentages.ratio(-(o + m), base, 2));
    return new Evaluation(counts, n, Optional.ofNullable(top), better, worse);
  }
}
