package io.hatrack.kernel.auth;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for browser sessions, which live in the database so that several nodes can share them. */
public final class SessionStore {
  /** What the database knows of a session. */
  public record SessionRow(long userId, Instant lastSeenAt, Instant expiresAt) {}

  public void insert(
      Handle h, String tokenHash, long userId, Instant now, Instant expiresAt, String userAgent) {
    h.createUpdate(
            "INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at, expires_at,"
                + " user_agent) VALUES (:hash, :user, :now, :now, :expires, :ua)")
        .bind("hash", tokenHash)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .bind("expires", Rows.millis(expiresAt))
        .bind("ua", userAgent)
        .execute();
  }

  public Optional<SessionRow> find(Handle h, String tokenHash) {
    return h.createQuery(
            "SELECT user_id, last_seen_at, expires_at FROM user_session WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map(
            (rs, ctx) ->
                new SessionRow(
                    rs.getLong("user_id"),
                    Rows.instant(rs, "last_seen_at"),
                    Rows.instant(rs, "expires_at")))
        .findOne();
  }

  public void extend(Handle h, String tokenHash, Instant now, Instant expiresAt) {
    h.createUpdate(
            "UPDATE user_session SET last_seen_at = :now, expires_at = :expires"
                + " WHERE token_hash = :hash")
        .bind("now", Rows.millis(now))
        .bind("expires", Rows.millis(expiresAt))
        .bind("hash", tokenHash)
        .execute();
  }

  public void delete(Handle h, String tokenHash) {
    h.createUpdate("DELETE FROM user_session WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .execute();
  }

  /** Ends every session of a person except the one with {@code keepHash} (may be null). */
  public int deleteForUserExcept(Handle h, long userId, String keepHash) {
    return h.createUpdate("DELETE FROM user_session WHERE user_id = :user AND token_hash <> :keep")
        .bind("user", userId)
        .bind("keep", keepHash == null ? "" : keepHash)
        .execute();
  }

  public int deleteExpired(Handle h, Instant now) {
    return h.createUpdate("DELETE FROM user_session WHERE expires_at < :now")
        .bind("now", Rows.millis(now))
        .execute();
  }
}
