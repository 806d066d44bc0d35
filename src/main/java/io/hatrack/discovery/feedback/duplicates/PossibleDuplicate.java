package io.hatrack.discovery.feedback.duplicates;

import java.time.Instant;
import java.util.Objects;

/**
 * Two pieces of feedback of a product that say nearly the same thing: {@code older} came first (the
 * lower id), {@code similarity} is the estimated Jaccard similarity of their shingles (0..1).
 * {@code state} is {@code suggested} until the PM merges them (the pair is gone then) or dismisses
 * it ({@code dismissed}: remembered, never suggested again).
 */
public record PossibleDuplicate(
    DuplicateSide older, DuplicateSide newer, double similarity, String state, Instant foundAt) {
  public static final String SUGGESTED = "suggested";
  public static final String DISMISSED = "dismissed";

  public PossibleDuplicate {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    if (older.id() >= newer.id()) {
      throw new IllegalArgumentException("older must have the lower id");
    }
  }

  /** The similarity in whole percent, for people. */
  public int percent() {
    return (int) Math.round(similarity * 100);
  }

  /** The side that is not {@code id}. */
  public DuplicateSide other(long id) {
    return older.id() == id ? newer : older;
  }
}
