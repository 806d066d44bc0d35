package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;
import java.time.Instant;

/**
 * An invitation to join a workspace with a role, through a secret link.
 *
 * @param email when set, only the person with this e-mail address may accept
 */
public record Invitation(
    long id,
    long workspaceId,
    String email,
    Role role,
    String inviterName,
    Instant createdAt,
    Instant expiresAt,
    Instant acceptedAt,
    Instant revokedAt) {

  /** Whether the link can still be accepted at {@code now}. */
  public boolean usableAt(Instant now) {
    return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
  }
}
