package io.hatrack.discovery.portal;

import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.auth.AttemptStore;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
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
  private final AttemptStore attempts = new AttemptStore(AttemptStore.Ledger.PORTAL);
  private final PortalLimits limits;
  private final Clock clock;

  PortalThrottle(Database db, PortalLimits limits, Clock clock) {
    this.db = db;
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
          attempts.deleteBefore(h, since);
          List<String> subjects = new ArrayList<>();
          check(h, kind, subject(kind, productId, "ip", client), limits.perClient(kind), now);
          subjects.add(subject(kind, productId, "ip", client));
          if (email != null) {
            String bymail = subject(kind, productId, "email", email);
            check(h, kind, bymail, limits.perEmail(kind), now);
            subjects.add(bymail);
          }
          for (String s : subjects) {
            attempts.record(h, s, now);
          }
        });
  }

  private void check(Handle h, PortalLimits.Kind kind, String subject, int max, Instant now) {
    attempts.refuseIfOver(
        h,
        subject,
        max,
        limits.window(),
        now,
        minutes ->
            "Too many "
                + kind.plural()
                + " in a short time. Please try again in "
                + AttemptStore.minutes(minutes)
                + ".");
  }

  private static String subject(PortalLimits.Kind kind, long productId, String by, String who) {
    return SecretTokens.hash(
        "portal:" + kind.id() + ":" + productId + ":" + by + ":" + (who == null ? "" : who));
  }
}
