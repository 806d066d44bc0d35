package io.hatrack.kernel.auth;

import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens. The secret is shown once, when created; the database keeps its SHA-256, so
 * it can be checked but never shown again.
 */
public final class ApiTokenService {
  /** Every token starts with this, so that secret scanners can recognise a leaked one. */
  public static final String PREFIX = "htk_";

  private static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);

  private final Database db;
  private final ApiTokenStore tokens;
  private final UserStore users;
  private final AuditLog audit;
  private final Clock clock;

  public ApiTokenService(
      Database db, ApiTokenStore tokens, UserStore users, AuditLog audit, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** A token just created, with its secret: the only time the secret is known. */
  public record Created(ApiToken token, String secret) {}

  public Created create(User owner, String name) {
    String trimmed = name == null || name.isBlank() ? "API token" : name.trim();
    new Validation().text("name", trimmed, 80).orThrow();
    String secret = SecretTokens.generate(PREFIX);
    String shown = secret.substring(0, PREFIX.length() + 6);
    return db.tx(
        h -> {
          ApiToken token =
              tokens.insert(
                  h, owner.id(), trimmed, shown, SecretTokens.hash(secret), clock.instant());
          audit.record(
              h,
              Change.security(
                  null, owner.id(), "token.created", "created the API token \"" + trimmed + "\""));
          return new Created(token, secret);
        });
  }

  public List<ApiToken> list(User owner) {
    return db.read(h -> tokens.forUser(h, owner.id()));
  }

  /** Revokes one of the owner's tokens; another person's token id is reported as not found. */
  public void revoke(User owner, long tokenId) {
    db.txVoid(
        h -> {
          ApiToken token =
              tokens
                  .byId(h, tokenId)
                  .filter(t -> t.userId() == owner.id())
                  .orElseThrow(() -> new NotFound("API token"));
          tokens.revoke(h, token.id(), clock.instant());
          audit.record(
              h,
              Change.security(
                  null,
                  owner.id(),
                  "token.revoked",
                  "revoked the API token \"" + token.name() + "\""));
        });
  }

  /** The person a bearer secret belongs to, if it is a live token. */
  public Optional<User> userFor(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<ApiTokenStore.TokenOwner> found =
        db.read(h -> tokens.activeWithOwner(h, SecretTokens.hash(secret)));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant lastUsed = found.get().lastUsedAt();
    if (lastUsed == null || lastUsed.plus(USE_RECORD_INTERVAL).isBefore(now)) {
      db.txVoid(h -> tokens.markUsed(h, found.get().tokenId(), now));
    }
    return Optional.of(found.get().owner());
  }
}
