package io.hatrack.kernel.auth;

import java.time.Instant;

/**
 * An API token as listed to its owner: never the secret itself, which is shown once at creation.
 */
public record ApiToken(
    long id,
    long userId,
    String name,
    String prefix,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }
}
