package io.hatrack.kernel.auth;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for API tokens, stored as SHA-256 hashes. */
public final class ApiTokenStore {
  private static final String COLUMNS =
      "id, user_id, name, prefix, created_at, last_used_at, revoked_at";

  private static ApiToken map(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        rs.getString("prefix"),
        Rows.instant(rs, "created_at"),
        Rows.instantOrNull(rs, "last_used_at"),
        Rows.instantOrNull(rs, "revoked_at"));
  }

  public ApiToken insert(
      Handle h, long userId, String name, String prefix, String tokenHash, Instant now) {
    return h.createQuery(
            "INSERT INTO api_token (user_id, name, prefix, token_hash, created_at)"
                + " VALUES (:user, :name, :prefix, :hash, :now) RETURNING "
                + COLUMNS)
        .bind("user", userId)
        .bind("name", name)
        .bind("prefix", prefix)
        .bind("hash", tokenHash)
        .bind("now", Rows.millis(now))
        .map((rs, ctx) -> map(rs))
        .one();
  }

  public List<ApiToken> forUser(Handle h, long userId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM api_token WHERE user_id = :user ORDER BY id DESC")
        .bind("user", userId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public Optional<ApiToken> activeByHash(Handle h, String tokenHash) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** A live token and its owner, in one statement (every API request asks this). */
  public Optional<TokenOwner> activeWithOwner(Handle h, String tokenHash) {
    return h.createQuery(
            "SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.handle, u.name,"
                + " u.time_zone, u.password_hash IS NOT NULL AS has_password, u.created_at"
                + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL")
        .bind("hash", tokenHash)
        .map(
            (rs, ctx) ->
                new TokenOwner(
                    rs.getLong("token_id"),
                    Rows.instantOrNull(rs, "last_used_at"),
                    UserStore.map(rs)))
        .findOne();
  }

  /** A token's id, when it was last used, and its owner. */
  public record TokenOwner(long tokenId, Instant lastUsedAt, User owner) {}

  public Optional<ApiToken> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public void markUsed(Handle h, long id, Instant now) {
    h.createUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id")
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .execute();
  }

  public void revoke(Handle h, long id, Instant now) {
    h.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .execute();
  }
}
