package io.hatrack.discovery.portal;

import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Counts what clients and e-mail addresses do on the portal and refuses the attempt that goes over
 * a limit with {@link RateLimited} (429 with Retry-After). Counters live in the database (hashed
 * subjects, never the addresses) so that every node agrees; each attempt is counted in its own
 * transaction, whether the action then succeeds or not, so that failing attempts count too.
 */
final class PortalThrottle {
  private final Database db;
  private final PortalStore store;
  private final PortalLimits limits;
  private final Clock clock;

  PortalThrottle(Database db, PortalStore store, PortalLimits limits, Clock clock) {
    this.db = db;
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Counts one attempt of {@code kind} from {@code client} (and {@code email} when known) on the
   * product, refusing it when either has reached its limit.
   */
  void count(PortalLimits.Kind kind, long productId, String client, String email) {
    db.txVoid(
        h -> {
          Instant now = clock.instant();
          Instant since = now.minus(limits.window());
          store.deleteAttemptsBefore(h, since);
          List<String> subjects = new ArrayList<>();
          check(h, kind, subject(kind, productId, "ip", client), limits.perClient(kind), since);
          subjects.add(subject(kind, productId, "ip", client));
          if (email != null) {
            String bymail = subject(kind, productId, "email", email);
            check(h, kind, bymail, limits.perEmail(kind), since);
            subjects.add(bymail);
          }
          for (String s : subjects) {
            store.recordAttempt(h, s, now);
          }
        });
  }

  private void check(Handle h, PortalLimits.Kind kind, String subject, int max, Instant since) {
    if (store.attemptsSince(h, subject, since) < max) {
      return;
    }
    Instant now = clock.instant();
    Instant oldest = store.oldestAttemptSince(h, subject, since).orElse(now);
    Duration wait = Duration.between(now, oldest.plus(limits.window()));
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    throw new RateLimited(
        "Too many "
            + kind.plural()
            + " in a short time. Please try again in "
            + minutes
            + (minutes == 1 ? " minute." : " minutes."),
        wait);
  }

  private static String subject(PortalLimits.Kind kind, long productId, String by, String who) {
    return SecretTokens.hash(
        "portal:" + kind.id() + ":" + productId + ":" + by + ":" + (who == null ? "" : who));
  }
}
