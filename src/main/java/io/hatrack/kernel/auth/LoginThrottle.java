package io.hatrack.kernel.auth;

import io.hatrack.kernel.RateLimited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * Limits failed sign-ins per e-mail address and per client address within a sliding window, to slow
 * down password guessing without locking anyone out for long.
 */
public final class LoginThrottle {
  private final AttemptStore attempts;
  private final Clock clock;
  private final Duration window;
  private final int perAccount;
  private final int perClient;

  /**
   * @param window how far back failures count
   * @param perAccount failures allowed per e-mail address within the window
   * @param perClient failures allowed per client address within the window
   */
  public LoginThrottle(
      AttemptStore attempts, Clock clock, Duration window, int perAccount, int perClient) {
    this.attempts = attempts;
    this.clock = clock;
    this.window = window;
    this.perAccount = perAccount;
    this.perClient = perClient;
  }

  /** Throws {@link RateLimited} when either the account or the client has failed too often. */
  public void check(Handle h, String email, String client) {
    Instant now = clock.instant();
    attempts.refuseIfOver(
        h, accountSubject(email), perAccount, window, now, LoginThrottle::refusal);
    attempts.refuseIfOver(h, clientSubject(client), perClient, window, now, LoginThrottle::refusal);
  }

  private static String refusal(long minutes) {
    return "Too many failed sign-ins. Try again in " + AttemptStore.minutes(minutes) + ".";
  }

  public void recordFailure(Handle h, String email, String client) {
    Instant now = clock.instant();
    attempts.deleteBefore(h, now.minus(window));
    attempts.record(h, accountSubject(email), now);
    attempts.record(h, clientSubject(client), now);
  }

  public void recordSuccess(Handle h, String email) {
    attempts.clear(h, accountSubject(email));
  }

  private static String accountSubject(String email) {
    return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
  }

  private static String clientSubject(String client) {
    return "client:" + (client == null ? "unknown" : client);
  }
}
