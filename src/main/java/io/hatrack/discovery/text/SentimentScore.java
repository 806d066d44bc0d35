package io.hatrack.discovery.text;

/**
 * VADER's four figures for one text, rounded as the reference implementation rounds them
 * (proportions to 3 decimals, compound to 4).
 *
 * @param negative share of the text's sentiment-bearing weight that is negative, 0..1
 * @param neutral share that is neutral, 0..1
 * @param positive share that is positive, 0..1
 * @param compound the normalised, weighted composite score, -1 (most negative) .. +1 (most
 *     positive)
 */
public record SentimentScore(double negative, double neutral, double positive, double compound) {

  /**
   * The published threshold: compound at or above it is positive, at or below its negation is
   * negative.
   */
  public static final double THRESHOLD = 0.05;

  /** A text with no words: every figure 0, neutral. */
  public static final SentimentScore NONE = new SentimentScore(0, 0, 0, 0);

  public SentimentScore {
    if (compound < -1 || compound > 1 || Double.isNaN(compound)) {
      throw new IllegalArgumentException("compound must be within -1..1: " + compound);
    }
  }

  /** Positive, neutral or negative by the ±0.05 thresholds of the VADER README. */
  public Polarity polarity() {
    if (compound >= THRESHOLD) {
      return Polarity.POSITIVE;
    }
    if (compound <= -THRESHOLD) {
      return Polarity.NEGATIVE;
    }
    return Polarity.NEUTRAL;
  }

  /** The three classes of the compound score. */
  public enum Polarity {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
  }
}
