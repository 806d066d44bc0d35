package io.hatrack.definition.story;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes acceptance criteria as a Gherkin {@code .feature} file that Cucumber and its kin read: one
 * {@code Feature} for the exported item with its description as free text, one {@code Rule} per
 * story (with its "As a ..., I want ..., so that ..." as the rule's description), and each story's
 * scenarios under its rule, tagged with the story's key (e.g. {@code @CHK-43}). A single story
 * becomes a feature of its own. Pure: the caller gathers the items.
 */
public final class GherkinExport {
  /**
   * Lines that a Gherkin parser reads as something other than free text inside a description: a
   * keyword line ("Scenario: ..."), a tag line or a comment.
   */
  private static final Pattern SPECIAL =
      Pattern.compile(
          "(?:Feature|Business Need|Ability|Rule|Background|Scenario|Scenario Outline"
              + "|Scenario Template|Example|Examples|Scenarios)\\s*:.*|[@#].*",
          Pattern.CASE_INSENSITIVE);

  private GherkinExport() {}

  /**
   * The exported item (a feature, an epic, ... or a story).
   *
   * @param key its key such as CHK-42, used as the feature's tag
   */
  public record Source(String key, String title, String description) {
    public Source {
      Objects.requireNonNull(title, "title");
    }
  }

  /**
   * A story to export.
   *
   * @param under the key and title of the item it sits under, when that is not the exported item
   *     itself (stories of an epic's features), else null
   */
  public record Story(
      String key,
      String title,
      String role,
      String goal,
      String benefit,
      String acceptance,
      String under) {
    public Story {
      Objects.requireNonNull(title, "title");
    }
  }

  /** The file name for an item's export, e.g. {@code CHK-42.feature}. */
  public static String fileName(String key) {
    return key + ".feature";
  }

  /** A feature (or epic, initiative, objective) with its stories, in the order given. */
  public static String feature(Source source, List<Story> stories) {
    StringBuilder out = new StringBuilder();
    header(out, source.key());
    out.append("Feature: ").append(StoryText.oneLine(source.title())).append('\n');
    freeText(out, "  ", source.description());
    if (stories.isEmpty()) {
      out.append('\n').append("  # No stories under ").append(source.key()).append(" yet.\n");
    }
    for (Story story : stories) {
      out.append('\n');
      if (story.under() != null) {
        out.append("  # Under ").append(StoryText.oneLine(story.under())).append('\n');
      }
      out.append("  Rule: ").append(StoryText.oneLine(story.title())).append('\n');
      freeText(out, "    ", String.join("\n", parts(story)));
      scenarios(out, "    ", story, true);
    }
    return out.toString();
  }

  /** A single story as a feature of its own: its sentence and then its scenarios. */
  public static String story(Story story) {
    StringBuilder out = new StringBuilder();
    header(out, story.key());
    out.append("Feature: ").append(StoryText.oneLine(story.title())).append('\n');
    freeText(out, "  ", String.join("\n", parts(story)));
    scenarios(out, "  ", story, false);
    return out.toString();
  }

  private static List<String> parts(Story story) {
    return StoryText.lines(story.role(), story.goal(), story.benefit());
  }

  private static void header(StringBuilder out, String key) {
    out.append("# Acceptance criteria exported from Hatrack.\n");
    if (key != null) {
      out.append(tag(key)).append('\n');
    }
  }

  /** A key as a tag: {@code @CHK-42}; whitespace (never in keys) would end the tag, so none. */
  private static String tag(String key) {
    return "@" + key.replaceAll("\\s+", "-");
  }

  /**
   * Free text under a keyword line. Blank lines are kept; a line that Gherkin would read as a
   * keyword line or a tag is shown with a leading "- ", and Markdown headings lose their #s (which
   * Gherkin reads as comments), so that the file stays valid.
   */
  private static void freeText(StringBuilder out, String indent, String text) {
    if (StoryText.blank(text)) {
      return;
    }
    String[] lines = text.strip().split("\r\n|\r|\n", -1);
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        out.append('\n');
        continue;
      }
      if (line.startsWith("#")) {
        line = line.replaceFirst("^#+\\s*", "");
      }
      if (SPECIAL.matcher(line).matches()) {
        line = "- " + line;
      }
      if (!line.isEmpty()) {
        out.append(indent).append(line).append('\n');
      }
    }
  }

  /** The story's scenarios; {@code tagged}: each with the story's key (a feature's stories). */
  private static void scenarios(StringBuilder out, String indent, Story story, boolean tagged) {
    AcceptanceCriteria.Reading reading = AcceptanceCriteria.read(story.acceptance());
    if (!reading.ok()) {
      out.append('\n')
          .append(indent)
          .append("# The acceptance criteria of ")
          .append(story.key())
          .append(" could not be read: ")
          .append(StoryText.oneLine(reading.problems().get(0).toString()))
          .append('\n');
      return;
    }
    if (reading.scenarios().isEmpty()) {
      out.append('\n')
          .append(indent)
          .append("# No acceptance criteria for ")
          .append(story.key())
          .append(" yet.\n");
      return;
    }
    for (AcceptanceCriteria.Scenario scenario : reading.scenarios()) {
      out.append('\n');
      if (tagged && story.key() != null) {
        out.append(indent).append(tag(story.key())).append('\n');
      }
      out.append(indent).append("Scenario: ").append(scenario.name()).append('\n');
      for (AcceptanceCriteria.Step step : scenario.steps()) {
        out.append(indent).append("  ").append(step).append('\n');
      }
    }
  }
}
