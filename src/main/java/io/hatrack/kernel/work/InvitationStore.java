package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for invitation links to a workspace. */
public final class InvitationStore {
  private static final String SELECT =
      "SELECT i.id, i.workspace_id, i.email, i.role, i.created_by, u.name AS inviter,"
          + " i.created_at, i.expires_at, i.accepted_at, i.revoked_at"
          + " FROM invitation i JOIN app_user u ON u.id = i.created_by";

  private static Invitation map(ResultSet rs) throws SQLException {
    return new Invitation(
        rs.getLong("id"),
        rs.getLong("workspace_id"),
        rs.getString("email"),
        Role.parse("role", rs.getString("role")),
        rs.getString("inviter"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "expires_at"),
        Rows.instantOrNull(rs, "accepted_at"),
        Rows.instantOrNull(rs, "revoked_at"));
  }

  public long insert(
      Handle h,
      long workspaceId,
      String tokenHash,
      String email,
      Role role,
      long by,
      Instant now,
      Instant expires) {
    return h.createQuery(
            "INSERT INTO invitation (workspace_id, token_hash, email, role, created_by,"
                + " created_at, expires_at) VALUES (:ws, :hash, :email, :role, :by, :now,"
                + " :expires) RETURNING id")
        .bind("ws", workspaceId)
        .bind("hash", tokenHash)
        .bind("email", email)
        .bind("role", role.id())
        .bind("by", by)
        .bind("now", Rows.millis(now))
        .bind("expires", Rows.millis(expires))
        .mapTo(Long.class)
        .one();
  }

  public Optional<Invitation> byId(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE i.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Invitation> byTokenHash(Handle h, String tokenHash) {
    return h.createQuery(SELECT + " WHERE i.token_hash = :hash")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Invitations not yet accepted, revoked or expired. */
  public List<Invitation> open(Handle h, long workspaceId, Instant now) {
    return h.createQuery(
            SELECT
                + " WHERE i.workspace_id = :ws AND i.accepted_at IS NULL AND i.revoked_at IS NULL"
                + " AND i.expires_at > :now ORDER BY i.id DESC")
        .bind("ws", workspaceId)
        .bind("now", Rows.millis(now))
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Marks the invitation accepted if it is still open; false when someone was first. */
  public boolean claim(Handle h, long id, long userId, Instant now) {
    return h.createUpdate(
                "UPDATE invitation SET accepted_by = :user, accepted_at = :now WHERE id = :id"
                    + " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now")
            .bind("user", userId)
            .bind("now", Rows.millis(now))
            .bind("id", id)
            .execute()
        == 1;
  }

  public void revoke(Handle h, long id, Instant now) {
    h.createUpdate("UPDATE invitation SET revoked_at = :now WHERE id = :id")
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .execute();
  }
}
