package io.hatrack.discovery.surveys;

import java.time.Instant;

/**
 * A personal link to answer a survey once. Its secret token is shown once, when the link is made;
 * only its hash is kept.
 *
 * @param label whom the link was made for (a name, a segment), possibly empty
 * @param email the recipient's address; always null on an anonymous survey
 * @param usedAt when it was answered (to the day on an anonymous survey), or null
 * @param revokedAt when it stopped working, or null
 */
public record SurveyLink(
    long id,
    long surveyId,
    String label,
    String email,
    String createdByName,
    Instant createdAt,
    Instant usedAt,
    Instant revokedAt) {

  public boolean used() {
    return usedAt != null;
  }

  public boolean active() {
    return revokedAt == null && usedAt == null;
  }

  /** The public address of a survey for the holder of a personal {@code token}. */
  public static String path(String productSlug, String publicCode, String token) {
    return Survey.path(productSlug, publicCode) + "?t=" + token;
  }
}
