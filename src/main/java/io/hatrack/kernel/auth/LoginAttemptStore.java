package io.hatrack.kernel.auth;

import io.hatrack.kernel.db.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for failed sign-in attempts, kept in the database so that every node sees the same count. */
public final class LoginAttemptStore {
  public void recordFailure(Handle h, String subject, Instant at) {
    h.createUpdate("INSERT INTO login_attempt (subject, at) VALUES (:subject, :at)")
        .bind("subject", subject)
        .bind("at", Rows.millis(at))
        .execute();
  }

  public int failuresSince(Handle h, String subject, Instant since) {
    return h.createQuery(
            "SELECT COUNT(*) FROM login_attempt WHERE subject = :subject AND at >= :since")
        .bind("subject", subject)
        .bind("since", Rows.millis(since))
        .mapTo(Integer.class)
        .one();
  }

  public Optional<Instant> oldestSince(Handle h, String subject, Instant since) {
    return h.createQuery(
            "SELECT MIN(at) FROM login_attempt WHERE subject = :subject AND at >= :since")
        .bind("subject", subject)
        .bind("since", Rows.millis(since))
        .mapTo(Long.class)
        .findOne()
        .map(Instant::ofEpochMilli);
  }

  public void clear(Handle h, String subject) {
    h.createUpdate("DELETE FROM login_attempt WHERE subject = :subject")
        .bind("subject", subject)
        .execute();
  }

  public void deleteBefore(Handle h, Instant before) {
    h.createUpdate("DELETE FROM login_attempt WHERE at < :before")
        .bind("before", Rows.millis(before))
        .execute();
  }
}
