package io.hatrack.definition.story;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A story's acceptance criteria as Given/When/Then scenarios, kept as text in a Gherkin-like form:
 *
 * <pre>
 * Scenario: Save a card at checkout
 *   Given a signed-in shopper with an empty wallet
 *   When they pay with a new card and tick "Save this card"
 *   Then the card appears in their wallet
 *   And it is stored as a token, never as a number
 * </pre>
 *
 * <p>Reading is forgiving where it costs nothing (keywords in any case, any indentation, blank
 * lines, {@code #} comments) and strict where a scenario would stop making sense: every step
 * belongs to a named scenario, steps go Given, then When, then Then, and every scenario says what
 * should happen (a Then). Each problem names its line. Pure: no I/O.
 */
public final class AcceptanceCriteria {
  /** At most this many problems are reported at once; the rest usually follow from them. */
  static final int MAX_PROBLEMS = 10;

  /** The longest scenario name or step text, in characters. */
  public static final int MAX_LINE = 500;

  private AcceptanceCriteria() {}

  /** The word that opens a step. And and But continue the section of the step before them. */
  public enum Keyword {
    GIVEN("Given"),
    WHEN("When"),
    THEN("Then"),
    AND("And"),
    BUT("But");

    private final String word;

    Keyword(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    /** True for And and But, which take the section of the step before them. */
    public boolean continues() {
      return this == AND || this == BUT;
    }
  }

  /** One line of a scenario such as {@code Given a signed-in shopper}. */
  public record Step(Keyword keyword, String text) {
    public Step {
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return keyword.word() + " " + text;
    }
  }

  /** A named example of the story's behaviour: its context, action and outcome. */
  public record Scenario(String name, List<Step> steps) {
    public Scenario {
      Objects.requireNonNull(name, "name");
      steps = List.copyOf(steps);
    }

    /** The texts of the context steps: the Given steps and the And/But steps after them. */
    public List<String> given() {
      return section(Keyword.GIVEN);
    }

    /** The texts of the action steps. */
    public List<String> when() {
      return section(Keyword.WHEN);
    }

    /** The texts of the outcome steps. */
    public List<String> then() {
      return section(Keyword.THEN);
    }

    private List<String> section(Keyword wanted) {
      List<String> texts = new ArrayList<>();
      Keyword current = null;
      for (Step step : steps) {
        if (!step.keyword().continues()) {
          current = step.keyword();
        }
        if (current == wanted) {
          texts.add(step.text());
        }
      }
      return texts;
    }

    /**
     * A scenario from its three sections, as the API's JSON gives them: the first step of each
     * section takes the section's keyword, the others And.
     */
    public static Scenario of(
        String name, List<String> given, List<String> when, List<String> then) {
      List<Step> steps = new ArrayList<>();
      add(steps, Keyword.GIVEN, given);
      add(steps, Keyword.WHEN, when);
      add(steps, Keyword.THEN, then);
      return new Scenario(name, steps);
    }

    private static void add(List<Step> steps, Keyword keyword, List<String> texts) {
      if (texts == null) {
        return;
      }
      for (int i = 0; i < texts.size(); i++) {
        steps.add(new Step(i == 0 ? keyword : Keyword.AND, texts.get(i)));
      }
    }
  }

  /** What is wrong on one line (1-based) of the text. */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /** The scenarios of a text, or the problems that keep it from being read. */
  public record Reading(List<Scenario> scenarios, List<Problem> problems) {
    public Reading {
      scenarios = List.copyOf(scenarios);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * The scenarios of {@code text}; an {@link Invalid} on the field "acceptance" when unreadable.
   */
  public static List<Scenario> parse(String text) {
    Reading reading = read(text);
    if (!reading.ok()) {
      throw invalid(reading.problems());
    }
    return reading.scenarios();
  }

  /**
   * Checks acceptance text before it is saved: an {@link Invalid} on the field "acceptance" with
   * one reason per problem, such as "line 3: ...". Blank text (no criteria yet) is fine.
   */
  public static void validate(String text) {
    parse(text);
  }

  static Invalid invalid(List<Problem> problems) {
    return new Invalid(
        problems.stream().map(p -> new FieldError("acceptance", p.toString())).toList());
  }

  /** Reads {@code text} into scenarios, collecting every problem (up to {@value MAX_PROBLEMS}). */
  public static Reading read(String text) {
    return new Reader().read(text == null ? "" : text);
  }

  /** The text of {@code scenarios} in the canonical form that {@link #parse} reads back. */
  public static String format(List<Scenario> scenarios) {
    StringBuilder out = new StringBuilder();
    for (Scenario scenario : scenarios) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("Scenario: ").append(scenario.name()).append('\n');
      for (Step step : scenario.steps()) {
        out.append("  ").append(step).append('\n');
      }
    }
    return out.toString();
  }

  /** Reads one text; holds the state of the scenario being read. */
  private static final class Reader {
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String name;
    private int nameLine;
    private List<Step> steps;
    private Keyword section;
    private boolean broken;

    Reading read(String text) {
      String[] lines = text.split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        line(i + 1, lines[i].strip());
      }
      finish();
      return new Reading(problems.isEmpty() ? scenarios : List.of(), problems);
    }

    private void problem(int line, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new Problem(line, message));
      }
    }

    private void line(int number, String line) {
      if (line.isEmpty() || line.startsWith("#")) {
        return;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("scenario outline:") || lower.startsWith("scenario template:")) {
        problem(
            number,
            "scenario outlines with Examples are not supported; write one scenario per example");
        return;
      }
      String heading = heading(line, lower);
      if (heading != null) {
        scenario(number, heading);
        return;
      }
      Keyword keyword = keyword(line);
      if (keyword != null) {
        step(number, keyword, line.substring(keyword.word().length()).strip());
        return;
      }
      problem(number, unexpected(line, lower));
    }

    /** The name after "Scenario:" (or "Example:"), or null when the line is no scenario heading. */
    private static String heading(String line, String lower) {
      for (String prefix : new String[] {"scenario:", "example:"}) {
        if (lower.startsWith(prefix)) {
          return line.substring(prefix.length()).strip();
        }
      }
      return null;
    }

    private static Keyword keyword(String line) {
      for (Keyword k : Keyword.values()) {
        String word = k.word();
        if (line.regionMatches(true, 0, word, 0, word.length())
            && (line.length() == word.length()
                || Character.isWhitespace(line.charAt(word.length())))) {
          return k;
        }
      }
      return null;
    }

    private static String unexpected(String line, String lower) {
      if (line.startsWith("|")) {
        return "tables are not supported; write each row as its own And step";
      }
      if (line.startsWith("\"\"\"") || line.startsWith("```")) {
        return "doc strings are not supported; put the text in the step itself";
      }
      if (line.startsWith("@")) {
        return "tags are not supported here; the Gherkin export adds the story's key as a tag";
      }
      for (String part : new String[] {"feature:", "rule:", "background:", "examples:"}) {
        if (lower.startsWith(part)) {
          return "\u201c"
              + line.substring(0, part.length())
              + "\u201d is not used here: write only scenarios (the export adds the feature)";
        }
      }
      return "\u201c"
          + abbreviate(line)
          + "\u201d is neither a step (Given, When, Then, And, But) nor a \u201cScenario:\u201d"
          + " line";
    }

    private void scenario(int number, String heading) {
      finish();
      name = heading;
      nameLine = number;
      steps = new ArrayList<>();
      section = null;
      broken = false;
      if (heading.isEmpty()) {
        problem(number, "the scenario needs a name after \u201cScenario:\u201d");
        broken = true;
      } else if (heading.length() > MAX_LINE) {
        problem(number, "the scenario name is longer than " + MAX_LINE + " characters");
      } else if (!names.add(heading.toLowerCase(Locale.ROOT))) {
        problem(number, "another scenario is already called \u201c" + heading + "\u201d");
      }
    }

    private void step(int number, Keyword keyword, String text) {
      if (steps == null) {
        problem(
            number,
            "\u201c"
                + keyword.word()
                + "\u201d comes before any scenario; start with \u201cScenario: <name>\u201d");
        steps = new ArrayList<>();
        name = "";
        nameLine = number;
        broken = true;
        return;
      }
      if (text.isEmpty()) {
        problem(number, "\u201c" + keyword.word() + "\u201d needs text after it");
      } else if (text.length() > MAX_LINE) {
        problem(number, "the step is longer than " + MAX_LINE + " characters");
      }
      if (keyword.continues()) {
        if (section == null) {
          problem(
              number,
              "\u201c"
                  + keyword.word()
                  + "\u201d must follow a Given, When or Then step in "
                  + scenarioName());
        }
      } else {
        order(number, keyword);
        section = keyword;
      }
      steps.add(new Step(keyword, text));
    }

    /** Steps go Given, When, Then: a context after the action, or an action after the outcome. */
    private void order(int number, Keyword keyword) {
      if (section == null || keyword.ordinal() >= section.ordinal()) {
        return;
      }
      if (keyword == Keyword.GIVEN) {
        problem(
            number,
            "\u201cGiven\u201d comes after \u201c"
                + section.word()
                + "\u201d in "
                + scenarioName()
                + "; put the context (Given) before the action (When) and the outcome (Then)");
      } else {
        problem(
            number,
            "\u201cWhen\u201d comes after \u201cThen\u201d in "
                + scenarioName()
                + "; write a second scenario for the next action");
      }
    }

    private String scenarioName() {
      return name == null || name.isEmpty()
          ? "the scenario on line " + nameLine
          : "\u201c" + name + "\u201d";
    }

    /** Closes the scenario being read. */
    private void finish() {
      if (steps == null) {
        return;
      }
      if (!broken) {
        if (steps.isEmpty()) {
          problem(nameLine, scenarioName() + " has no steps; add Given, When and Then steps");
        } else if (steps.stream().noneMatch(s -> s.keyword() == Keyword.THEN)) {
          problem(
              nameLine, scenarioName() + " has no \u201cThen\u201d step: say what should happen");
        }
      }
      scenarios.add(new Scenario(name, steps));
      steps = null;
      name = null;
      section = null;
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 40 ? line : line.substring(0, 39) + "\u2026";
  }
}
