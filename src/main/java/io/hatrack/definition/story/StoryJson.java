package io.hatrack.definition.story;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The JSON shapes of the stories API, and how scenarios become them and back. */
public final class StoryJson {
  private StoryJson() {}

  /**
   * A scenario in JSON: each section lists its steps' texts. And and But steps belong to the
   * section before them (a But reads as And when written back from JSON).
   */
  public record ScenarioJson(
      String name, List<String> given, List<String> when, List<String> then) {
    public static ScenarioJson of(AcceptanceCriteria.Scenario s) {
      return new ScenarioJson(s.name(), s.given(), s.when(), s.then());
    }
  }

  /**
   * A work item's acceptance criteria.
   *
   * @param text the criteria as stored, in the Given/When/Then text form
   * @param problems why the text cannot be read (then {@code scenarios} is empty), else empty
   */
  public record AcceptanceJson(
      String item, long version, List<ScenarioJson> scenarios, String text, List<String> problems) {
    public static AcceptanceJson of(WorkItem item, AcceptanceCriteria.Reading reading) {
      return new AcceptanceJson(
          item.key(),
          item.version(),
          reading.scenarios().stream().map(ScenarioJson::of).toList(),
          item.acceptance(),
          reading.problems().stream().map(AcceptanceCriteria.Problem::toString).toList());
    }
  }

  /** Replacing the acceptance criteria: either {@code scenarios} or {@code text}, not both. */
  public record AcceptanceInput(List<ScenarioJson> scenarios, String text) {}

  /** One finding of the quality check. */
  public record FindingJson(
      String criterion,
      String label,
      String verdict,
      String explanation,
      String word,
      String where) {
    public static FindingJson of(StoryQuality.Finding f) {
      return new FindingJson(
          f.criterion(), f.label(), f.verdict().id(), f.explanation(), f.word(), f.where());
    }
  }

  /** The quality check of a story: how many findings passed, warn or failed, and each finding. */
  public record QualityJson(
      String item,
      String title,
      long passed,
      long warnings,
      long failed,
      List<FindingJson> findings) {
    public static QualityJson of(StoryService.Quality q) {
      return new QualityJson(
          q.story().key(),
          q.story().title(),
          q.count(StoryQuality.Verdict.PASSED),
          q.count(StoryQuality.Verdict.WARNING),
          q.count(StoryQuality.Verdict.FAILED),
          q.findings().stream().map(FindingJson::of).toList());
    }
  }

  /**
   * The scenarios of a JSON body, every mistake named by its path (e.g. {@code scenarios[1].then}):
   * names and steps are single lines, not blank; every scenario has a Then; names are unique.
   */
  public static List<AcceptanceCriteria.Scenario> scenarios(List<ScenarioJson> in) {
    Validation v = new Validation();
    List<AcceptanceCriteria.Scenario> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < in.size(); i++) {
      ScenarioJson s = in.get(i);
      String at = "scenarios[" + i + "]";
      if (s == null) {
        v.check(at, false, "must be an object with name, given, when and then");
        continue;
      }
      line(v, at + ".name", s.name());
      v.check(
          at + ".name",
          s.name() == null || names.add(s.name().strip().toLowerCase(Locale.ROOT)),
          "another scenario is already called \u201c" + s.name() + "\u201d");
      steps(v, at + ".given", s.given());
      steps(v, at + ".when", s.when());
      steps(v, at + ".then", s.then());
      v.check(
          at + ".then",
          s.then() != null && !s.then().isEmpty(),
          "needs at least one step: say what should happen");
      if (s.name() != null) {
        out.add(
            AcceptanceCriteria.Scenario.of(
                s.name().strip(), stripped(s.given()), stripped(s.when()), stripped(s.then())));
      }
    }
    v.orThrow();
    return out;
  }

  private static void steps(Validation v, String at, List<String> texts) {
    if (texts == null) {
      return;
    }
    for (int j = 0; j < texts.size(); j++) {
      line(v, at + "[" + j + "]", texts.get(j));
    }
  }

  private static void line(Validation v, String field, String text) {
    v.check(field, text != null && !text.isBlank(), "must not be blank");
    v.check(field, text == null || text.strip().indexOf('\n') < 0, "must be one line");
    v.check(field, text == null || text.strip().indexOf('\r') < 0, "must be one line");
    v.optionalText(field, text == null ? null : text.strip(), AcceptanceCriteria.MAX_LINE);
  }

  private static List<String> stripped(List<String> texts) {
    return texts == null ? List.of() : texts.stream().map(t -> t == null ? "" : t.strip()).toList();
  }
}
