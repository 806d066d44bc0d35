package io.hatrack.kernel.auth;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.db.Database;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** People and their passwords: creating accounts, first-run set-up, profiles, password links. */
public final class AccountService {
  /** A password must be at least this long (NIST SP 800-63B). */
  public static final int MIN_PASSWORD_LENGTH = 8;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Duration RESET_LINK_LIFETIME = Duration.ofDays(7);

  private final Database db;
  private final UserStore users;
  private final PasswordResetStore resets;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Clock clock;

  public AccountService(
      Database db,
      UserStore users,
      PasswordResetStore resets,
      PasswordHasher hasher,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.resets = resets;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /** True until the first person has an account: the browser then shows the set-up page. */
  public boolean needsSetup() {
    return db.read(h -> users.count(h) == 0);
  }

  /** Creates an account. {@code password} may be null: the person then sets one through a link. */
  public User create(String email, String name, String password) {
    return db.tx(h -> create(h, email, name, password));
  }

  /** Creates an account inside the caller's transaction. */
  public User create(Handle h, String email, String name, String password) {
    String normalizedEmail = normalizeEmail(email);
    String trimmedName = name == null ? null : name.trim();
    Validation v = new Validation();
    v.text("email", normalizedEmail, 254);
    v.matches("email", normalizedEmail, EMAIL, "must be an e-mail address such as ana@example.com");
    v.text("name", trimmedName, 100);
    if (password != null) {
      checkPassword(v, password);
    }
    v.orThrow();
    if (users.byEmail(h, normalizedEmail).isPresent()) {
      throw Conflict.taken("email", normalizedEmail);
    }
    String handle = freeHandle(h, trimmedName, normalizedEmail);
    String hash = password == null ? null : hasher.hash(password);
    User user = users.insert(h, normalizedEmail, handle, trimmedName, hash, clock.instant());
    audit.record(
        h, Change.security(null, user.id(), "account.created", "created the account " + handle));
    return user;
  }

  private static void checkPassword(Validation v, String password) {
    v.check(
        "password",
        password.length() >= MIN_PASSWORD_LENGTH,
        "must be at least " + MIN_PASSWORD_LENGTH + " characters");
    v.check("password", password.length() <= 200, "must be at most 200 characters");
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  private String freeHandle(Handle h, String name, String email) {
    String base = handleBase(name);
    if (base.isEmpty()) {
      base = handleBase(email.substring(0, email.indexOf('@')));
    }
    if (base.isEmpty()) {
      base = "user";
    }
    String candidate = base;
    for (int n = 2; users.handleTaken(h, candidate); n++) {
      candidate = base + n;
    }
    return candidate;
  }

  private static String handleBase(String text) {
    String first = text.trim().split("[\\s.@_+-]+")[0];
    String ascii = Normalizer.normalize(first, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String handle = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return handle.length() > 30 ? handle.substring(0, 30) : handle;
  }

  public Optional<User> byEmail(String email) {
    return db.read(h -> users.byEmail(h, normalizeEmail(email)));
  }

  public User byId(long id) {
    return db.read(h -> users.byId(h, id)).orElseThrow(() -> new NotFound("user"));
  }

  /** Changes a person's display name and time zone. */
  public User updateProfile(User user, String name, String timeZone) {
    String trimmed = name == null ? null : name.trim();
    Validation v = new Validation().text("name", trimmed, 100);
    v.check("time_zone", isZone(timeZone), "must be a time zone such as Europe/Lisbon");
    v.orThrow();
    return db.tx(
        h -> {
          users.updateProfile(h, user.id(), trimmed, timeZone, clock.instant());
          return users.byId(h, user.id()).orElseThrow();
        });
  }

  private static boolean isZone(String zone) {
    try {
      return zone != null && ZoneId.of(zone) != null;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Changes the password after checking the current one. */
  public void changePassword(User user, String current, String replacement) {
    db.txVoid(
        h -> {
          String hash = users.passwordHash(h, user.id()).orElse(null);
          if (!hasher.matches(current == null ? "" : current, hash)) {
            throw Invalid.field("current_password", "is not your current password");
          }
          Validation v = new Validation();
          checkPassword(v, replacement == null ? "" : replacement);
          v.orThrow();
          users.setPassword(h, user.id(), hasher.hash(replacement), clock.instant());
          audit.record(
              h,
              Change.security(null, user.id(), "account.password_changed", "changed the password"));
        });
  }

  /** A one-time secret for {@code /reset/{secret}} that lets the person set a password. */
  public String createPasswordLink(long userId) {
    return db.tx(
        h -> {
          users.byId(h, userId).orElseThrow(() -> new NotFound("user"));
          String secret = SecretTokens.generate("");
          Instant now = clock.instant();
          resets.insert(h, SecretTokens.hash(secret), userId, now, now.plus(RESET_LINK_LIFETIME));
          return secret;
        });
  }

  /** The person a valid password link belongs to. */
  public User userForPasswordLink(String secret) {
    return db.read(
        h ->
            resets
                .validUser(h, SecretTokens.hash(secret), clock.instant())
                .flatMap(id -> users.byId(h, id))
                .orElseThrow(() -> new NotFound("password link")));
  }

  /** Sets the password through a one-time link; the link cannot be used again. */
  public User setPasswordWithLink(String secret, String password) {
    Validation v = new Validation();
    checkPassword(v, password == null ? "" : password);
    v.orThrow();
    return db.tx(
        h -> {
          String hash = SecretTokens.hash(secret);
          long userId =
              resets
                  .validUser(h, hash, clock.instant())
                  .orElseThrow(() -> new NotFound("password link"));
          // Use the link up first, so that of two uses at once only one sets a password.
          if (!resets.claim(h, hash, clock.instant())) {
            throw new NotFound("password link");
          }
          users.setPassword(h, userId, hasher.hash(password), clock.instant());
          audit.record(
              h, Change.security(null, userId, "account.password_set", "set the password"));
          return users.byId(h, userId).orElseThrow();
        });
  }
}
