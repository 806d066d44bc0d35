package io.hatrack.kernel.search;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/**
 * The three bands of a sentiment score from -1 to 1, with VADER's thresholds (Hutto and Gilbert,
 * 2014): positive from 0.05, negative to -0.05, neutral in between.
 */
public enum Sentiment {
  POSITIVE,
  NEUTRAL,
  NEGATIVE;

  /** The score from which sentiment counts as positive (and below whose negation negative). */
  public static final double THRESHOLD = 0.05;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code positive}, {@code neutral} or {@code negative}; an {@link Invalid} otherwise. */
  public static Sentiment parse(String field, String text) {
    for (Sentiment s : values()) {
      if (s.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return s;
      }
    }
    throw Invalid.field(field, "must be positive, neutral or negative");
  }
}
