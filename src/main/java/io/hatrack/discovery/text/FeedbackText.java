package io.hatrack.discovery.text;

import java.util.Objects;

/**
 * One feedback item's text, under the id the caller knows it by (the feedback entity's id).
 *
 * @param id the caller's id
 * @param text the feedback text, never null
 */
public record FeedbackText(long id, String text) {
  public FeedbackText {
    Objects.requireNonNull(text, "text");
  }
}
