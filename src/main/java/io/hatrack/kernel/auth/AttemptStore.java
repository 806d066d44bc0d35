package io.hatrack.kernel.auth;

import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.db.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A ledger of attempts by subject (a hashed client address, an account, a link), kept in the
 * database so that every node sees the same count: what rate limits count. One ledger per table:
 * failed sign-ins, public survey answers, portal actions.
 */
public final class AttemptStore {
  /** The tables that hold attempts, each {@code (subject, at)} with an index on both. */
  public enum Ledger {
    LOGIN("login_attempt"),
    SURVEY("survey_attempt"),
    PORTAL("portal_attempt");

    private final String table;

    Ledger(String table) {
      this.table = table;
    }
  }

  private final String table;

  public AttemptStore(Ledger ledger) {
    this.table = ledger.table;
  }

  public void record(Handle h, String subject, Instant at) {
    h.createUpdate("INSERT INTO " + table + " (subject, at) VALUES (:subject, :at)")
        .bind("subject", subject)
        .bind("at", Rows.millis(at))
        .execute();
  }

  public int countSince(Handle h, String subject, Instant since) {
    return h.createQuery(
            "SELECT COUNT(*) FROM " + table + " WHERE subject = :subject AND at >= :since")
        .bind("subject", subject)
        .bind("since", Rows.millis(since))
        .mapTo(Integer.class)
        .one();
  }

  public Optional<Instant> oldestSince(Handle h, String subject, Instant since) {
    return h.createQuery(
            "SELECT MIN(at) FROM " + table + " WHERE subject = :subject AND at >= :since")
        .bind("subject", subject)
        .bind("since", Rows.millis(since))
        .mapTo(Long.class)
        .findOne()
        .map(Instant::ofEpochMilli);
  }

  /** Forgets a subject's attempts (a successful sign-in clears the failures before it). */
  public void clear(Handle h, String subject) {
    h.createUpdate("DELETE FROM " + table + " WHERE subject = :subject")
        .bind("subject", subject)
        .execute();
  }

  /** Forgets every attempt before {@code before}: those no window reaches any more. */
  public void deleteBefore(Handle h, Instant before) {
    h.createUpdate("DELETE FROM " + table + " WHERE at < :before")
        .bind("before", Rows.millis(before))
        .execute();
  }

  /**
   * Refuses with {@link RateLimited} when the subject has made {@code max} attempts or more within
   * {@code window} before {@code now}; the wait is until the oldest of them leaves the window, and
   * {@code message} words the refusal given that wait in whole minutes (at least 1).
   */
  public void refuseIfOver(
      Handle h,
      String subject,
      int max,
      Duration window,
      Instant now,
      java.util.function.LongFunction<String> message) {
    Instant since = now.minus(window);
    if (countSince(h, subject, since) < max) {
      return;
    }
    Instant oldest = oldestSince(h, subject, since).orElse(now);
    Duration wait = Duration.between(now, oldest.plus(window));
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    throw new RateLimited(message.apply(minutes), wait);
  }

  /** "1 minute" or "5 minutes". */
  public static String minutes(long minutes) {
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
