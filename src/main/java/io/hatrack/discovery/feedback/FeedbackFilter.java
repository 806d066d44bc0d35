package io.hatrack.discovery.feedback;

import io.hatrack.kernel.Validation;
import io.hatrack.kernel.work.TagService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Which feedback the inbox shows: exact status, source, customer, tag and theme; a date range on
 * when it was given ({@code from} inclusive, {@code to} exclusive); a sentiment band; and words of
 * the text ({@code q}, a plain substring match until the search index answers it).
 */
public record FeedbackFilter(
    FeedbackStatus status,
    FeedbackSource source,
    Long customerId,
    String tag,
    Long themeId,
    Instant from,
    Instant to,
    Sentiment sentiment,
    String q) {

  /** Every piece of feedback. */
  public static final FeedbackFilter ALL =
      new FeedbackFilter(null, null, null, null, null, null, null, null, null);

  /**
   * The sentiment bands of VADER's compound score (Hutto and Gilbert, 2014): positive from 0.05,
   * negative to -0.05, neutral between.
   */
  public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    public static final double THRESHOLD = 0.05;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public FeedbackFilter {
    q = q == null ? "" : q.strip();
    tag = tag == null || tag.isBlank() ? null : tag.strip();
  }

  /** True when anything narrows the listing. */
  public boolean narrowed() {
    return status != null
        || source != null
        || customerId != null
        || tag != null
        || themeId != null
        || from != null
        || to != null
        || sentiment != null
        || !q.isEmpty();
  }

  public FeedbackFilter withStatus(FeedbackStatus value) {
    return new FeedbackFilter(value, source, customerId, tag, themeId, from, to, sentiment, q);
  }

  /**
   * Reads a filter from query parameters, naming every one that is wrong at once. Dates are {@code
   * YYYY-MM-DD} (whole days in UTC, {@code to} included) or ISO instants.
   */
  public static FeedbackFilter parse(
      String status,
      String source,
      String customer,
      String tag,
      String theme,
      String from,
      String to,
      String sentiment,
      String q) {
    Validation v = new Validation();
    FeedbackStatus st = null;
    if (present(status)) {
      st = FeedbackStatus.find(status).orElse(null);
      v.check("status", st != null, "must be new, triaged, linked or archived");
    }
    FeedbackSource so = null;
    if (present(source)) {
      so = FeedbackSource.find(source).orElse(null);
      v.check("source", so != null, "must be one of " + FeedbackSource.ids());
    }
    Long cu = id(v, "customer", customer);
    Long th = id(v, "theme", theme);
    String tg = null;
    if (present(tag)) {
      try {
        tg = TagService.normalize("tag", tag);
      } catch (io.hatrack.kernel.Invalid e) {
        v.check("tag", false, e.reasonFor("tag"));
      }
    }
    Instant f = date(v, "from", from, false);
    Instant t = date(v, "to", to, true);
    v.check("to", f == null || t == null || t.isAfter(f), "must not be before from");
    Sentiment se = null;
    if (present(sentiment)) {
      String clean = sentiment.strip().toUpperCase(Locale.ROOT);
      for (Sentiment s : Sentiment.values()) {
        if (s.name().equals(clean)) {
          se = s;
        }
      }
      v.check("sentiment", se != null, "must be positive, neutral or negative");
    }
    v.optionalText("q", q, 500);
    v.orThrow();
    return new FeedbackFilter(st, so, cu, tg, th, f, t, se, q);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static Long id(Validation v, String field, String value) {
    if (!present(value)) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      v.check(field, false, "must be an id (a whole number)");
      return null;
    }
  }

  /** A day or an instant; a day as {@code to} means up to the end of that day. */
  static Instant date(Validation v, String field, String value, boolean endOfDay) {
    if (!present(value)) {
      return null;
    }
    String t = value.strip();
    try {
      LocalDate day = LocalDate.parse(t);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e2) {
        v.check(field, false, "must be a date such as 2025-03-31 or an ISO instant");
        return null;
      }
    }
  }
}
