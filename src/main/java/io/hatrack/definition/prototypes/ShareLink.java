package io.hatrack.definition.prototypes;

import java.time.Instant;
import java.util.Objects;

/**
 * A read-only link to play a prototype without signing in. Its secret token is shown once, when the
 * link is made; only its hash is kept.
 *
 * @param revokedAt when the link stopped working, or null while it works
 */
public record ShareLink(
    long id,
    long prototypeId,
    String label,
    long createdBy,
    String createdByName,
    Instant createdAt,
    Instant revokedAt) {
  public ShareLink {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean active() {
    return revokedAt == null;
  }

  /** The path of the shared prototype for the holder of {@code token}. */
  public static String path(String token) {
    return "/p/prototypes/" + token;
  }
}
