package io.hatrack.definition.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heuristic for text that prescribes how to build something rather than what is needed: phrases
 * such as "must use" or "implemented with", SQL statements, and names from code (class names such
 * as {@code CardVaultService}, calls such as {@code saveCard()}, columns such as {@code
 * card_token}, file names such as {@code Vault.java}). It can miss things and it can be wrong; it
 * says what it found so that a person can judge. Pure: no I/O.
 */
public final class ImplementationDetails {
  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile(
              "\\b(?:must|should|has to|have to|needs? to|shall) use\\b"
                  + "|\\b(?:implement|implemented|build|built) (?:using|with|on top of|as|in)\\b"
                  + "|\\bwritten in\\b|\\bstored procedures?\\b|\\b(?:new|database) (?:table|column)s?\\b"
                  + "|\\bmicroservices?\\b|\\bcron jobs?\\b",
              CI),
          // SQL, in the capitals it is usually written in (plain English has "select ... from").
          Pattern.compile(
              "\\bSELECT\\b[^.;\\n]{1,80}?\\bFROM\\b|\\bINSERT\\s+INTO\\b|\\bUPDATE\\s+\\w+\\s+SET\\b"
                  + "|\\bDELETE\\s+FROM\\b|\\b(?:CREATE|ALTER|DROP)\\s+(?:TABLE|INDEX)\\b"),
          // Class names by the suffixes code gives them.
          Pattern.compile(
              "\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*(?:Service|Controller|Manager|Repository|Dao|DAO"
                  + "|Factory|Handler|Helper|Utils?|Impl|Bean|Entity|Dto|DTO|Store|Adapter"
                  + "|Provider)\\b"),
          // Calls such as save() or saveCard(token); not "card(s)".
          Pattern.compile(
              "\\b(?:[a-z]+[A-Z][A-Za-z0-9_]*|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*)\\([^()\\n]{0,40}\\)"
                  + "|\\b[A-Za-z_][A-Za-z0-9_]*\\(\\)"),
          // snake_case names of columns, tables or variables.
          Pattern.compile("\\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\\b"),
          // Source files.
          Pattern.compile("\\b[\\w-]+\\.(?:java|kt|js|ts|tsx|py|rb|go|sql|cs|php|scala|swift)\\b"));

  private ImplementationDetails() {}

  /** What looks like an implementation detail in {@code text}, each once, as written. */
  public static List<String> in(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(text);
      while (m.find() && found.size() < 5) {
        found.add(shorten(m.group().replaceAll("\\s+", " ")));
      }
    }
    return new ArrayList<>(found);
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "\u2026";
  }
}
