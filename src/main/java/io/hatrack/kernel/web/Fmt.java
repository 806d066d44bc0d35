package io.hatrack.kernel.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages show numbers and times: thousands separators, relative times with exact ones on hover.
 */
public final class Fmt {
  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Fmt() {}

  /** {@code 12,345}. */
  public static String number(long value) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
  }

  /** "just now", "5 min ago", "3 h ago", "2 days ago", or the date for older times. */
  public static String relative(Instant at, Instant now, ZoneId zone) {
    Duration ago = Duration.between(at, now);
    long seconds = ago.getSeconds();
    if (seconds < 0) {
      return exact(at, zone);
    }
    if (seconds < 60) {
      return "just now";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + " h ago";
    }
    long days = seconds / 86_400;
    if (days < 7) {
      return days == 1 ? "yesterday" : days + " days ago";
    }
    return DATE.format(at.atZone(zone));
  }

  /** {@code 29 Nov 2026, 21:13 CET} in the reader's zone. */
  public static String exact(Instant at, ZoneId zone) {
    return EXACT.format(at.atZone(zone));
  }

  /** ISO-8601, for {@code <time datetime>}. */
  public static String iso(Instant at) {
    return at.toString();
  }

  /** "1 page", "3 pages". */
  /** A decimal without a needless ".0": 13 or 2.5. */
  public static String decimal(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  public static String count(long n, String singular, String plural) {
    return number(n) + " " + (n == 1 ? singular : plural);
  }
}
