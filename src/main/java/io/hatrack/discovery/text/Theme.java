package io.hatrack.discovery.text;

import java.util.List;

/**
 * A theme: a group of feedback items that talk about the same thing.
 *
 * @param key the theme's key within its {@link ThemeModel} (stable across rename, merge into it,
 *     split of it and tagging)
 * @param name the PM's name if renamed, otherwise the label made of the top terms
 * @param renamed true when {@code name} is the PM's
 * @param terms the top terms by class-based TF-IDF, as written in the feedback (unstemmed), best
 *     first, at most 5
 * @param quotes ids of up to 3 representative items: the members closest to the theme's centroid
 * @param members ids of all members
 */
public record Theme(
    long key,
    String name,
    boolean renamed,
    List<String> terms,
    List<Long> quotes,
    List<Long> members) {
  public Theme {
    terms = List.copyOf(terms);
    quotes = List.copyOf(quotes);
    members = List.copyOf(members);
  }

  /** Number of members. */
  public int size() {
    return members.size();
  }
}
