package io.hatrack.discovery.feedback.themes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The themes of a product as the pages and the API show them. */
public final class ThemeViews {
  private ThemeViews() {}

  /** A representative quote: the feedback's id, key and text. */
  public record Quote(long id, String key, String text) {}

  /**
   * A theme with its members counted.
   *
   * @param name the PM's name, or the label when not renamed
   * @param label the top three terms
   * @param renamed true when the PM named it
   * @param kept true when the PM shaped it (runs of the grouping keep it)
   * @param positive members with a positive sentiment (compound score at least 0.05)
   */
  public record ThemeView(
      long id,
      long productId,
      String name,
      String label,
      boolean renamed,
      List<String> terms,
      List<Quote> quotes,
      long members,
      long positive,
      long neutral,
      long negative,
      boolean kept,
      int position,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    public ThemeView {
      terms = List.copyOf(terms);
      quotes = List.copyOf(quotes);
    }

    /** The share of members with a sentiment of this kind, in whole percent. */
    public int percent(long part) {
      long all = positive + neutral + negative;
      return all == 0 ? 0 : (int) Math.round(100.0 * part / all);
    }
  }

  /** The label of a theme: its top three terms. */
  static String label(List<String> terms) {
    return terms.isEmpty()
        ? "(no words)"
        : String.join(", ", terms.subList(0, Math.min(3, terms.size())));
  }

  static List<String> terms(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  static ThemeView of(ThemeStore.Row r, Map<Long, ThemeStore.QuoteRow> quotes) {
    List<Quote> q = new ArrayList<>();
    for (long id : ThemeStore.ids(r.quotes())) {
      ThemeStore.QuoteRow row = quotes.get(id);
      if (row != null) {
        q.add(new Quote(row.id(), row.key(), row.text()));
      }
    }
    return new ThemeView(
        r.id(),
        r.productId(),
        r.name() == null ? r.label() : r.name(),
        r.label(),
        r.name() != null,
        terms(r.terms()),
        q,
        r.members(),
        r.positive(),
        r.neutral(),
        r.negative(),
        r.kept(),
        r.position(),
        r.version(),
        r.createdAt(),
        r.updatedAt());
  }
}
