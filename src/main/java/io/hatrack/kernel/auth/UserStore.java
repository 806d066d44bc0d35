package io.hatrack.kernel.auth;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for users. */
public final class UserStore {
  private static final String COLUMNS =
      "id, email, handle, name, time_zone, password_hash IS NOT NULL AS has_password, created_at";

  /**
   * Maps a row with the columns {@code id, email, handle, name, time_zone, has_password,
   * created_at}, for other stores that join users.
   */
  public static User map(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("handle"),
        rs.getString("name"),
        rs.getString("time_zone"),
        rs.getBoolean("has_password"),
        Rows.instant(rs, "created_at"));
  }

  public User insert(
      Handle h, String email, String handle, String name, String passwordHash, Instant now) {
    return h.createQuery(
            "INSERT INTO app_user (email, handle, name, password_hash, created_at, updated_at)"
                + " VALUES (:email, :handle, :name, :hash, :now, :now) RETURNING "
                + COLUMNS)
        .bind("email", email)
        .bind("handle", handle)
        .bind("name", name)
        .bind("hash", passwordHash)
        .bind("now", Rows.millis(now))
        .map((rs, ctx) -> map(rs))
        .one();
  }

  public Optional<User> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<User> byEmail(Handle h, String email) {
    return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE email = :email")
        .bind("email", email)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<User> byHandle(Handle h, String handle) {
    return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE handle = :handle")
        .bind("handle", handle)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<User> byIds(Handle h, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id IN (<ids>) ORDER BY name")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public boolean handleTaken(Handle h, String handle) {
    return h.createQuery("SELECT COUNT(*) FROM app_user WHERE handle = :handle")
            .bind("handle", handle)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  public long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one();
  }

  public Optional<String> passwordHash(Handle h, long userId) {
    return h.createQuery("SELECT password_hash FROM app_user WHERE id = :id")
        .bind("id", userId)
        .mapTo(String.class)
        .findOne();
  }

  public void setPassword(Handle h, long userId, String hash, Instant now) {
    h.createUpdate("UPDATE app_user SET password_hash = :hash, updated_at = :now WHERE id = :id")
        .bind("hash", hash)
        .bind("now", Rows.millis(now))
        .bind("id", userId)
        .execute();
  }

  public void updateProfile(Handle h, long userId, String name, String timeZone, Instant now) {
    h.createUpdate(
            "UPDATE app_user SET name = :name, time_zone = :tz, updated_at = :now WHERE id = :id")
        .bind("name", name)
        .bind("tz", timeZone)
        .bind("now", Rows.millis(now))
        .bind("id", userId)
        .execute();
  }
}
