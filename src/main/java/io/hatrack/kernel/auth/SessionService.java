package io.hatrack.kernel.auth;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in and out. A session is a random secret in an HttpOnly cookie; the database keeps only
 * its hash, so any node serving the same database recognises it and a copy of the database cannot
 * be used to sign in.
 */
public final class SessionService {
  /** A session ends after this long without use. */
  public static final Duration IDLE_LIFETIME = Duration.ofDays(30);

  private static final Duration TOUCH_INTERVAL = Duration.ofHours(1);

  private final Database db;
  private final UserStore users;
  private final SessionStore sessions;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;

  public SessionService(
      Database db,
      UserStore users,
      SessionStore sessions,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** A new session: the secret for the cookie and whom it belongs to. */
  public record SignedIn(String secret, User user) {}

  /**
   * Checks the e-mail and password and opens a session.
   *
   * @param client the client's address, for rate limiting
   * @throws io.hatrack.kernel.RateLimited after too many failures
   * @throws Invalid when the e-mail or the password is wrong (without saying which)
   */
  public SignedIn signIn(String email, String password, String client, String userAgent) {
    String normalized = AccountService.normalizeEmail(email);
    db.read(
        h -> {
          throttle.check(h, normalized, client);
          return null;
        });
    Optional<User> user =
        db.read(h -> normalized == null ? Optional.empty() : users.byEmail(h, normalized));
    String hash = user.flatMap(u -> db.read(h -> users.passwordHash(h, u.id()))).orElse(null);
    boolean ok = hasher.matches(password == null ? "" : password, hash);
    if (!ok) {
      db.txVoid(h -> throttle.recordFailure(h, normalized, client));
      throw Invalid.field("password", "The e-mail address or the password is not right.");
    }
    return db.tx(
        h -> {
          throttle.recordSuccess(h, normalized);
          return open(h, user.get(), userAgent);
        });
  }

  /** Opens a session for someone who has just proven who they are (set-up, invitation). */
  public SignedIn open(User user, String userAgent) {
    return db.tx(h -> open(h, user, userAgent));
  }

  private SignedIn open(org.jdbi.v3.core.Handle h, User user, String userAgent) {
    String secret = SecretTokens.generate("");
    Instant now = clock.instant();
    String agent =
        userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length()));
    sessions.insert(h, SecretTokens.hash(secret), user.id(), now, now.plus(IDLE_LIFETIME), agent);
    return new SignedIn(secret, user);
  }

  /** The person a session cookie belongs to, while the session lasts. */
  public Optional<User> userFor(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    String hash = SecretTokens.hash(secret);
    Instant now = clock.instant();
    var row = db.read(h -> sessions.find(h, hash));
    if (row.isEmpty() || row.get().expiresAt().isBefore(now)) {
      return Optional.empty();
    }
    if (row.get().lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
      db.txVoid(h -> sessions.extend(h, hash, now, now.plus(IDLE_LIFETIME)));
    }
    return db.read(h -> users.byId(h, row.get().userId()));
  }

  public void signOut(String secret) {
    if (secret != null) {
      db.txVoid(h -> sessions.delete(h, SecretTokens.hash(secret)));
    }
  }

  /**
   * Signs a person out everywhere but in the session {@code keepSecret} (null: everywhere), as
   * after a password change, so that whoever knew the old password is locked out.
   */
  public int endOtherSessions(User user, String keepSecret) {
    String keep = keepSecret == null ? null : SecretTokens.hash(keepSecret);
    return db.tx(h -> sessions.deleteForUserExcept(h, user.id(), keep));
  }

  /** Removes sessions that have expired; returns how many. */
  public int purgeExpired() {
    return db.tx(h -> sessions.deleteExpired(h, clock.instant()));
  }
}
