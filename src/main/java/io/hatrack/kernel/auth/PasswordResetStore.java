package io.hatrack.kernel.auth;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for one-time links that let a person set their password. */
public final class PasswordResetStore {
  public void insert(Handle h, String tokenHash, long userId, Instant now, Instant expiresAt) {
    h.createUpdate(
            "INSERT INTO password_reset (token_hash, user_id, created_at, expires_at)"
                + " VALUES (:hash, :user, :now, :expires)")
        .bind("hash", tokenHash)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .bind("expires", Rows.millis(expiresAt))
        .execute();
  }

  /** The user a still-valid, unused link belongs to. */
  public Optional<Long> validUser(Handle h, String tokenHash, Instant now) {
    return h.createQuery(
            "SELECT user_id FROM password_reset WHERE token_hash = :hash AND used_at IS NULL"
                + " AND expires_at > :now")
        .bind("hash", tokenHash)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .findOne();
  }

  /** Uses up a still-valid link; false when it was already used (or expired) meanwhile. */
  public boolean claim(Handle h, String tokenHash, Instant now) {
    return h.createUpdate(
                "UPDATE password_reset SET used_at = :now WHERE token_hash = :hash"
                    + " AND used_at IS NULL AND expires_at > :now")
            .bind("now", Rows.millis(now))
            .bind("hash", tokenHash)
            .execute()
        == 1;
  }
}
