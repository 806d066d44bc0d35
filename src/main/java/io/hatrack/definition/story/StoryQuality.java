package io.hatrack.definition.story;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The quality check of a user story: who it is for and what they want, the six INVEST criteria
 * (Independent, Negotiable, Valuable, Estimable, Small, Testable; Bill Wake, 2003), and vague words
 * that make it ambiguous. Every finding says in plain words what was found and what to do. Pure:
 * the caller gathers the input (dependencies, estimate, limit); no I/O here.
 */
public final class StoryQuality {
  /** With t-shirt sizes, the largest size that still fits in a sprint. */
  public static final Size LARGEST_SMALL_SIZE = Size.L;

  private static final String HEURISTIC =
      " (A heuristic: it looks for phrases such as \u201cmust use\u201d, SQL and names from code.)";

  private StoryQuality() {}

  /** How a criterion came out. */
  public enum Verdict {
    PASSED,
    WARNING,
    FAILED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One result of the check.
   *
   * @param criterion a stable id: role, goal, independent, negotiable, valuable, estimable, small,
   *     testable or clear
   * @param label the criterion as a person reads it, e.g. "Estimable"
   * @param explanation what was found and what to do, in full sentences
   * @param word for a vague word, the word; otherwise null
   * @param where for a vague word, where it is, e.g. "the goal"; otherwise null
   */
  public record Finding(
      String criterion,
      String label,
      Verdict verdict,
      String explanation,
      String word,
      String where) {
    public Finding {
      Objects.requireNonNull(criterion, "criterion");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(explanation, "explanation");
    }

    static Finding of(String criterion, String label, Verdict verdict, String explanation) {
      return new Finding(criterion, label, verdict, explanation, null, null);
    }
  }

  /** An item the story depends on, with whether its state is in the done category. */
  public record Dependency(String key, String title, String state, boolean done) {}

  /**
   * What the check reads.
   *
   * @param acceptance the acceptance criteria as text (see {@link AcceptanceCriteria})
   * @param unit how the product estimates
   * @param estimate points or days, or null
   * @param size the t-shirt size, or null
   * @param storySizeLimit the product's largest story in points or days, or null when not set
   * @param dependsOn the items this story depends on
   */
  public record Input(
      String title,
      String role,
      String goal,
      String benefit,
      String description,
      String acceptance,
      EstimateUnit unit,
      Double estimate,
      Size size,
      Double storySizeLimit,
      List<Dependency> dependsOn) {
    public Input {
      Objects.requireNonNull(unit, "unit");
      dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
  }

  /** The findings for a story, in a fixed order: role, goal, INVEST, then the wording. */
  public static List<Finding> check(Input in) {
    AcceptanceCriteria.Reading acceptance = AcceptanceCriteria.read(in.acceptance());
    List<Finding> findings = new ArrayList<>();
    findings.add(role(in));
    findings.add(goal(in));
    findings.add(independent(in));
    findings.add(negotiable(in));
    findings.add(valuable(in));
    findings.add(estimable(in));
    findings.add(small(in));
    findings.add(testable(acceptance));
    findings.addAll(wording(in, acceptance));
    return findings;
  }

  /** How many findings have {@code verdict}. */
  public static long count(List<Finding> findings, Verdict verdict) {
    return findings.stream().filter(f -> f.verdict() == verdict).count();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String quoted(String s) {
    return "\u201c" + s.strip() + "\u201d";
  }

  private static Finding role(Input in) {
    if (blank(in.role())) {
      return Finding.of(
          "role",
          "Who it is for",
          Verdict.FAILED,
          "No role yet. Say who wants this, e.g. \u201cAs a returning shopper\u201d, so that the"
              + " team builds it for a real person.");
    }
    return Finding.of("role", "Who it is for", Verdict.PASSED, period(StoryText.asA(in.role())));
  }

  /** The text on one line, ending with a full stop. */
  private static String period(String text) {
    String t = StoryText.oneLine(text);
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  private static Finding goal(Input in) {
    if (blank(in.goal())) {
      return Finding.of(
          "goal",
          "What they want",
          Verdict.FAILED,
          "No goal yet. Say what the person wants to do, e.g. \u201cI want to pay with a card I"
              + " saved before\u201d.");
    }
    return Finding.of("goal", "What they want", Verdict.PASSED, period(StoryText.iWant(in.goal())));
  }

  private static Finding independent(Input in) {
    List<Dependency> open = in.dependsOn().stream().filter(d -> !d.done()).toList();
    if (in.dependsOn().isEmpty()) {
      return Finding.of(
          "independent",
          "Independent",
          Verdict.PASSED,
          "It depends on no other item, so it can be built and shipped in any order.");
    }
    if (open.isEmpty()) {
      return Finding.of(
          "independent",
          "Independent",
          Verdict.PASSED,
          "It depends on "
              + names(in.dependsOn(), false)
              + (in.dependsOn().size() == 1 ? ", which is done." : ", which are all done."));
    }
    return Finding.of(
        "independent",
        "Independent",
        Verdict.WARNING,
        "It depends on "
            + names(open, true)
            + (open.size() == 1 ? ", which is not done yet." : ", which are not done yet.")
            + " Finish "
            + (open.size() == 1 ? "it" : "them")
            + " first, or split the story so that a part of it can ship on its own.");
  }

  private static String names(List<Dependency> deps, boolean withState) {
    List<String> names =
        deps.stream()
            .map(
                d ->
                    d.key()
                        + " "
                        + quoted(d.title())
                        + (withState && d.state() != null ? " (" + d.state() + ")" : ""))
            .toList();
    return joined(names);
  }

  /** "a", "a and b", "a, b and c". */
  static String joined(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static Finding negotiable(Input in) {
    List<String> found = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (String[] part :
        new String[][] {{"the goal", in.goal()}, {"the description", in.description()}}) {
      List<String> details = ImplementationDetails.in(part[1]);
      if (!details.isEmpty()) {
        where.add(part[0]);
        details.stream().filter(d -> !found.contains(d)).forEach(found::add);
      }
    }
    if (found.isEmpty()) {
      return Finding.of(
          "negotiable",
          "Negotiable",
          Verdict.PASSED,
          "The goal and description say what is needed, not how to build it, which leaves"
              + " the team room to find the best way."
              + HEURISTIC);
    }
    return Finding.of(
        "negotiable",
        "Negotiable",
        Verdict.WARNING,
        capitalized(joined(where))
            + " may prescribe how to build it ("
            + found.stream().map(StoryQuality::quoted).collect(Collectors.joining(", "))
            + "). Say what the person needs and leave the how to the team, or move technical"
            + " decisions to a note or the decision log."
            + HEURISTIC);
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Finding valuable(Input in) {
    if (blank(in.benefit())) {
      return Finding.of(
          "valuable",
          "Valuable",
          Verdict.FAILED,
          "No \u201cso that\u201d yet. Say what the person gains, e.g. \u201cso that I can pay"
              + " in one click\u201d, so that the story can be weighed against other work.");
    }
    return Finding.of(
        "valuable", "Valuable", Verdict.PASSED, period(StoryText.soThat(in.benefit())));
  }

  /** The estimate in words, e.g. "3 story points" or "size M", or null when there is none. */
  static String estimate(Input in) {
    if (in.unit() == EstimateUnit.SIZE) {
      return in.size() == null ? null : "size " + in.size().id();
    }
    if (in.estimate() == null) {
      return null;
    }
    return number(in.estimate()) + " " + unit(in.unit(), in.estimate());
  }

  private static String unit(EstimateUnit unit, double amount) {
    boolean one = amount == 1;
    return switch (unit) {
      case POINTS -> one ? "story point" : "story points";
      case DAYS -> one ? "person-day" : "person-days";
      case SIZE -> "";
    };
  }

  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static Finding estimable(Input in) {
    String estimate = estimate(in);
    if (estimate == null) {
      return Finding.of(
          "estimable",
          "Estimable",
          Verdict.FAILED,
          "No estimate yet. Estimate the story "
              + (in.unit() == EstimateUnit.SIZE ? "with a t-shirt size" : "in " + in.unit().label())
              + " so that it can be planned; if the team cannot, the story needs more detail"
              + " or a spike first.");
    }
    return Finding.of("estimable", "Estimable", Verdict.PASSED, "Estimated at " + estimate + ".");
  }

  private static Finding small(Input in) {
    String estimate = estimate(in);
    if (estimate == null) {
      return Finding.of(
          "small",
          "Small",
          Verdict.WARNING,
          "Cannot tell without an estimate. Estimate the story first.");
    }
    if (in.unit() == EstimateUnit.SIZE) {
      String limit =
          "the limit for t-shirt sizes is "
              + LARGEST_SMALL_SIZE.id()
              + ": XL and XXL are too big to finish in one sprint";
      if (in.size().rank() > LARGEST_SMALL_SIZE.rank()) {
        return Finding.of(
            "small",
            "Small",
            Verdict.FAILED,
            capitalized(estimate)
                + " is too big ("
                + limit
                + "). Split it into smaller stories that each deliver something of value.");
      }
      return Finding.of(
          "small", "Small", Verdict.PASSED, capitalized(estimate) + " fits (" + limit + ").");
    }
    if (in.storySizeLimit() == null) {
      return Finding.of(
          "small",
          "Small",
          Verdict.WARNING,
          "Not checked: the product has no story size limit. Set one in the product's definition"
              + " settings (e.g. the most the team finishes in one sprint).");
    }
    String limit =
        "the product's story size limit of "
            + number(in.storySizeLimit())
            + " "
            + unit(in.unit(), in.storySizeLimit());
    if (in.estimate() > in.storySizeLimit()) {
      return Finding.of(
          "small",
          "Small",
          Verdict.FAILED,
          capitalized(estimate)
              + " is over "
              + limit
              + ". Split it into smaller stories that each deliver something of value.");
    }
    return Finding.of(
        "small", "Small", Verdict.PASSED, capitalized(estimate) + " is within " + limit + ".");
  }

  private static Finding testable(AcceptanceCriteria.Reading acceptance) {
    if (!acceptance.ok()) {
      return Finding.of(
          "testable",
          "Testable",
          Verdict.FAILED,
          "The acceptance criteria cannot be read ("
              + acceptance.problems().get(0)
              + "). Fix them so that everyone can check when the story is done.");
    }
    int n = acceptance.scenarios().size();
    if (n == 0) {
      return Finding.of(
          "testable",
          "Testable",
          Verdict.FAILED,
          "No acceptance criteria yet. Add at least one scenario (Given \u2026, When \u2026,"
              + " Then \u2026) so that everyone knows when the story is done.");
    }
    return Finding.of(
        "testable",
        "Testable",
        Verdict.PASSED,
        (n == 1 ? "One acceptance scenario says" : n + " acceptance scenarios say")
            + " when the story is done.");
  }

  private static List<Finding> wording(Input in, AcceptanceCriteria.Reading acceptance) {
    List<String[]> places = new ArrayList<>();
    places.add(new String[] {"the title", in.title()});
    places.add(new String[] {"the role", in.role()});
    places.add(new String[] {"the goal", in.goal()});
    places.add(new String[] {"the \u201cso that\u201d", in.benefit()});
    places.add(new String[] {"the description", in.description()});
    if (acceptance.ok()) {
      for (AcceptanceCriteria.Scenario s : acceptance.scenarios()) {
        StringBuilder text = new StringBuilder(s.name());
        s.steps().forEach(step -> text.append('\n').append(step.text()));
        places.add(new String[] {"scenario " + quoted(s.name()), text.toString()});
      }
    } else {
      places.add(new String[] {"the acceptance criteria", in.acceptance()});
    }
    List<Finding> findings = new ArrayList<>();
    for (String[] place : places) {
      for (VagueWords.Term term : VagueWords.in(place[1])) {
        findings.add(
            new Finding(
                "clear",
                "Clear wording",
                Verdict.WARNING,
                quoted(term.word()) + " in " + place[0] + " is vague: " + term.advice() + ".",
                term.word(),
                place[0]));
      }
    }
    if (findings.isEmpty()) {
      findings.add(
          Finding.of(
              "clear",
              "Clear wording",
              Verdict.PASSED,
              "No vague words such as " + VagueWords.examples() + " found."));
    }
    return findings;
  }
}
