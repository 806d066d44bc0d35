package io.hatrack.kernel.search;

import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search box's language, read from what a person typed and never passed on as it is: words (all
 * must match), {@code "quoted phrases"}, {@code OR} between two terms (either may match), {@code
 * -word} or {@code -"a phrase"} to exclude, and {@code word*} for words that start so. Both
 * databases get their own query built from the parsed terms, with every term quoted, so no input
 * can break their syntax. Anything that is neither a word nor a phrase (stray quotes, {@code *},
 * brackets, operators of the databases' own languages) is read as plain text or left out.
 *
 * @param groups the terms that must match: each group matches when any of its terms does
 * @param excluded terms that must not match
 */
public record SearchQuery(List<List<Term>> groups, List<Term> excluded) {
  /** The longest query accepted, in characters. */
  public static final int MAX_LENGTH = 500;

  /** The most terms a query may have. */
  public static final int MAX_TERMS = 16;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  public SearchQuery {
    groups = groups.stream().map(List::copyOf).toList();
    excluded = List.copyOf(excluded);
  }

  /**
   * One thing to look for: a word, a phrase of several, or the start of a word.
   *
   * @param words the letters-and-digits runs of what was typed, in order (never empty)
   * @param phrase typed in quotes
   * @param prefix typed with a trailing {@code *}: the last word is a prefix
   */
  public record Term(List<String> words, boolean phrase, boolean prefix) {
    public Term {
      words = List.copyOf(words);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("a term needs a word");
      }
    }

    /** The term as typed, normalised: {@code "saved cards"}, {@code pay*}. */
    public String text() {
      String joined = String.join(" ", words);
      return (phrase || words.size() > 1 ? "\"" + joined + "\"" : joined) + (prefix ? "*" : "");
    }
  }

  /** Reads a query; an {@link Invalid} naming {@code q} when there is nothing to look for. */
  public static SearchQuery parse(String text) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      throw Invalid.field("q", "is required: type words to look for");
    }
    if (q.length() > MAX_LENGTH) {
      throw Invalid.field("q", "is longer than " + MAX_LENGTH + " characters");
    }
    List<List<Term>> groups = new ArrayList<>();
    List<Term> excluded = new ArrayList<>();
    boolean orPending = false;
    int terms = 0;
    int i = 0;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
        negated = true;
        i++;
      }
      String raw;
      boolean quoted = i < q.length() && q.charAt(i) == '"';
      if (quoted) {
        int end = q.indexOf('"', i + 1);
        raw = end < 0 ? q.substring(i + 1) : q.substring(i + 1, end);
        i = end < 0 ? q.length() : end + 1;
      } else {
        int end = i;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
          end++;
        }
        raw = q.substring(i, end);
        i = end;
      }
      if (!quoted && !negated && raw.equals("OR")) {
        orPending = !groups.isEmpty();
        continue;
      }
      boolean prefix = !quoted && raw.endsWith("*");
      List<String> words = words(raw);
      if (words.isEmpty()) {
        continue;
      }
      if (++terms > MAX_TERMS) {
        throw Invalid.field("q", "has more than " + MAX_TERMS + " terms; use fewer words");
      }
      Term term = new Term(words, quoted, prefix);
      if (negated) {
        excluded.add(term);
      } else if (orPending) {
        groups.get(groups.size() - 1).add(term);
      } else {
        groups.add(new ArrayList<>(List.of(term)));
      }
      orPending = false;
    }
    if (groups.isEmpty()) {
      throw Invalid.field(
          "q",
          excluded.isEmpty()
              ? "has no words to look for (letters or digits)"
              : "needs a word to look for: -word only leaves things out of a search");
    }
    return new SearchQuery(groups, excluded);
  }

  private static List<String> words(String raw) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(raw);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /**
   * The query in SQLite FTS5's syntax: every term a quoted string (quotes inside doubled, though
   * terms hold only letters and digits), groups in brackets joined by AND, exclusions by NOT.
   */
  public String fts5() {
    return fts5(Map.of());
  }

  /**
   * The query in FTS5's syntax with each prefix in {@code expansions} (a one-word prefix term's
   * word, lower case) replaced by the indexed words it stands for, joined by OR: the same matches,
   * without FTS5 merging the lists of every word that starts so on each use.
   */
  public String fts5(Map<String, List<String>> expansions) {
    StringBuilder out = new StringBuilder(groupsFts5(expansions, false));
    for (Term term : excluded) {
      out.append(" NOT ").append(fts5(term, expansions, false));
    }
    return out.toString();
  }

  /**
   * What the ranking reads, in FTS5's syntax: the words of every group (a phrase's words joined by
   * AND rather than as a phrase), without the exclusions. It matches whatever {@link #fts5} does
   * and more, and weighing single words spares BM25 counting the documents of each phrase.
   */
  public String fts5Words(Map<String, List<String>> expansions) {
    return groupsFts5(expansions, true);
  }

  /** The words typed with a star as one-word terms, lower case: the prefixes to expand. */
  public List<String> prefixes() {
    List<String> out = new ArrayList<>();
    for (List<Term> group : groups) {
      group.forEach(t -> addPrefix(t, out));
    }
    excluded.forEach(t -> addPrefix(t, out));
    return out;
  }

  private static void addPrefix(Term t, List<String> out) {
    if (t.prefix() && t.words().size() == 1) {
      String word = t.words().get(0).toLowerCase(Locale.ROOT);
      if (!out.contains(word)) {
        out.add(word);
      }
    }
  }

  private String groupsFts5(Map<String, List<String>> expansions, boolean words) {
    StringBuilder out = new StringBuilder();
    for (List<Term> group : groups) {
      if (out.length() > 0) {
        out.append(" AND ");
      }
      out.append('(');
      for (int t = 0; t < group.size(); t++) {
        out.append(t > 0 ? " OR " : "").append(fts5(group.get(t), expansions, words));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String fts5(Term term, Map<String, List<String>> expansions, boolean words) {
    if (term.prefix() && term.words().size() == 1) {
      List<String> terms = expansions.get(term.words().get(0).toLowerCase(Locale.ROOT));
      if (terms != null && !terms.isEmpty()) {
        return "(" + String.join(" OR ", terms.stream().map(SearchQuery::quoted).toList()) + ")";
      }
    }
    if (words && term.words().size() > 1) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < term.words().size(); i++) {
        boolean last = i == term.words().size() - 1;
        parts.add(quoted(term.words().get(i)) + (last && term.prefix() ? " *" : ""));
      }
      return "(" + String.join(" AND ", parts) + ")";
    }
    String quoted = quoted(String.join(" ", term.words()));
    return term.prefix() ? quoted + " *" : quoted;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** The query as it reads once normalised, e.g. {@code pay* ("saved cards" OR wallet) -apple}. */
  public String normalized() {
    List<String> parts = new ArrayList<>();
    for (List<Term> group : groups) {
      parts.add(
          group.size() == 1
              ? group.get(0).text()
              : "(" + String.join(" OR ", group.stream().map(Term::text).toList()) + ")");
    }
    excluded.forEach(t -> parts.add("-" + t.text()));
    return String.join(" ", parts);
  }
}
