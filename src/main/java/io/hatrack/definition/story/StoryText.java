package io.hatrack.definition.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "As a ..., I want ..., so that ..." sentence of a story from its three parts, however they
 * were typed: "returning shopper", "a returning shopper" and "As a returning shopper" all read "As
 * a returning shopper". Pure.
 */
public final class StoryText {
  private StoryText() {}

  /** "As a returning shopper", or an empty string for a blank role. */
  public static String asA(String role) {
    if (blank(role)) {
      return "";
    }
    String r = without(role, "as ");
    return "As " + article(r) + r;
  }

  /** "I want to save my card", or an empty string for a blank goal. */
  public static String iWant(String goal) {
    return blank(goal) ? "" : "I want " + without(goal, "i want ", "i would like ", "i'd like ");
  }

  /** "So that I need not type it again", or an empty string for a blank benefit. */
  public static String soThat(String benefit) {
    return blank(benefit) ? "" : "So that " + without(benefit, "so that ");
  }

  /** The parts that are present, as lines: "As a ...", "I want ...", "So that ...". */
  public static List<String> lines(String role, String goal, String benefit) {
    List<String> lines = new ArrayList<>();
    for (String line : new String[] {asA(role), iWant(goal), soThat(benefit)}) {
      if (!line.isEmpty()) {
        lines.add(oneLine(line));
      }
    }
    return lines;
  }

  /** The whole sentence, e.g. "As a shopper, I want to save my card, so that ...". */
  public static String sentence(String role, String goal, String benefit) {
    List<String> lines = lines(role, goal, benefit);
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      String part = lines.get(i);
      // "So that" continues the sentence in lower case; "I want" keeps its capital I.
      out.append(", ").append(part.startsWith("So that") ? "s" + part.substring(1) : part);
    }
    String s = out.toString();
    return s.endsWith(".") ? s : s + ".";
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The text on one line: line breaks become spaces. */
  static String oneLine(String s) {
    return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** The text without a lead-in that the sentence adds itself (case-blind). */
  static String without(String text, String... leads) {
    String t = text.strip();
    for (String lead : leads) {
      if (t.regionMatches(true, 0, lead, 0, lead.length())) {
        return t.substring(lead.length()).strip();
      }
    }
    return t;
  }

  /** "a " or "an " unless the role starts with an article already ("an admin", "the buyer"). */
  private static String article(String role) {
    String r = role.toLowerCase(Locale.ROOT);
    if (r.isEmpty()
        || r.startsWith("a ")
        || r.startsWith("an ")
        || r.startsWith("the ")
        || r.startsWith("my ")) {
      return "";
    }
    // "an admin", "an owner", but "a user" and "a European buyer": the sound decides.
    boolean vowelSound =
        "aeiou".indexOf(r.charAt(0)) >= 0
            && !r.startsWith("us")
            && !r.startsWith("uni")
            && !r.startsWith("eu")
            && !r.startsWith("one");
    return vowelSound ? "an " : "a ";
  }
}
