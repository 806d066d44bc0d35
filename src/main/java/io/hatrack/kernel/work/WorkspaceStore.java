package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.auth.UserStore;
import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for workspaces and their memberships. */
public final class WorkspaceStore {
  private static final String COLUMNS =
      "w.id, w.slug, w.name, w.created_by, w.created_at, w.updated_at, w.version";

  static Workspace map(ResultSet rs) throws SQLException {
    return new Workspace(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  public Workspace insert(Handle h, String slug, String name, long createdBy, Instant now) {
    return h.createQuery(
            "INSERT INTO workspace (slug, name, created_by, created_at, updated_at)"
                + " VALUES (:slug, :name, :by, :now, :now)"
                + " RETURNING id, slug, name, created_by, created_at, updated_at, version")
        .bind("slug", slug)
        .bind("name", name)
        .bind("by", createdBy)
        .bind("now", Rows.millis(now))
        .map((rs, ctx) -> map(rs))
        .one();
  }

  public Optional<Workspace> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM workspace w WHERE w.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Workspace> bySlug(Handle h, String slug) {
    return h.createQuery("SELECT " + COLUMNS + " FROM workspace w WHERE w.slug = :slug")
        .bind("slug", slug)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public boolean slugTaken(Handle h, String slug) {
    return h.createQuery("SELECT COUNT(*) FROM workspace WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** The workspaces a person belongs to, with their role in each, by name. */
  public List<WorkspaceAccess> forUser(Handle h, long userId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + ", m.role FROM workspace w JOIN membership m ON m.workspace_id = w.id"
                + " WHERE m.user_id = :user ORDER BY w.name, w.id")
        .bind("user", userId)
        .map((rs, ctx) -> new WorkspaceAccess(map(rs), Role.parse("role", rs.getString("role"))))
        .list();
  }

  /** Renames the workspace if it is still at {@code expectedVersion}; empty when it is not. */
  public Optional<Workspace> rename(
      Handle h, long id, long expectedVersion, String name, Instant now) {
    return h.createQuery(
            "UPDATE workspace SET name = :name, updated_at = :now, version = version + 1"
                + " WHERE id = :id AND version = :expected"
                + " RETURNING id, slug, name, created_by, created_at, updated_at, version")
        .bind("name", name)
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .bind("expected", expectedVersion)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /**
   * Locks the workspace's row until the transaction ends, so that rules spanning several rows (the
   * last owner, dependency cycles) are checked and written by one transaction at a time. On SQLite
   * writers take turns anyway; on PostgreSQL the update holds a row lock.
   */
  public void lock(Handle h, long workspaceId) {
    h.createUpdate("UPDATE workspace SET version = version WHERE id = :id")
        .bind("id", workspaceId)
        .execute();
  }

  public Optional<Role> role(Handle h, long workspaceId, long userId) {
    return h.createQuery("SELECT role FROM membership WHERE workspace_id = :ws AND user_id = :user")
        .bind("ws", workspaceId)
        .bind("user", userId)
        .mapTo(String.class)
        .findOne()
        .map(r -> Role.parse("role", r));
  }

  public void addMember(Handle h, long workspaceId, long userId, Role role, Instant now) {
    h.createUpdate(
            "INSERT INTO membership (workspace_id, user_id, role, created_at)"
                + " VALUES (:ws, :user, :role, :now)")
        .bind("ws", workspaceId)
        .bind("user", userId)
        .bind("role", role.id())
        .bind("now", Rows.millis(now))
        .execute();
  }

  public void setRole(Handle h, long workspaceId, long userId, Role role) {
    h.createUpdate(
            "UPDATE membership SET role = :role WHERE workspace_id = :ws AND user_id = :user")
        .bind("role", role.id())
        .bind("ws", workspaceId)
        .bind("user", userId)
        .execute();
  }

  public void removeMember(Handle h, long workspaceId, long userId) {
    h.createUpdate("DELETE FROM membership WHERE workspace_id = :ws AND user_id = :user")
        .bind("ws", workspaceId)
        .bind("user", userId)
        .execute();
  }

  public int countWithRole(Handle h, long workspaceId, Role role) {
    return h.createQuery(
            "SELECT COUNT(*) FROM membership WHERE workspace_id = :ws AND role = :role")
        .bind("ws", workspaceId)
        .bind("role", role.id())
        .mapTo(Integer.class)
        .one();
  }

  public List<Member> members(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT u.id, u.email, u.handle, u.name, u.time_zone,"
                + " u.password_hash IS NOT NULL AS has_password, u.created_at,"
                + " m.role, m.created_at AS since"
                + " FROM membership m JOIN app_user u ON u.id = m.user_id"
                + " WHERE m.workspace_id = :ws ORDER BY u.name, u.id")
        .bind("ws", workspaceId)
        .map(
            (rs, ctx) ->
                new Member(
                    UserStore.map(rs),
                    Role.parse("role", rs.getString("role")),
                    Rows.instant(rs, "since")))
        .list();
  }

  /** Members whose handle is one of {@code handles}. */
  public List<User> membersByHandle(Handle h, long workspaceId, List<String> handles) {
    if (handles.isEmpty()) {
      return List.of();
    }
    return members(h, workspaceId).stream()
        .map(Member::user)
        .filter(u -> handles.contains(u.handle()))
        .toList();
  }
}
