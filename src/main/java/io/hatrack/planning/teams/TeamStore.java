package io.hatrack.planning.teams;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for teams, their settings, members, days off, and items' efforts per team. */
public final class TeamStore {
  private static final String COLUMNS =
      "t.id, t.workspace_id, t.slug, t.name, t.description, t.effort_unit, t.created_at,"
          + " t.updated_at, t.version, s.sprint_weeks, s.sprint_start, s.points_per_day";
  private static final String FROM = "team t JOIN team_settings s ON s.team_id = t.id";

  public long insert(Handle h, long workspaceId, TeamDraft d, Instant now) {
    long id =
        h.createQuery(
                "INSERT INTO team (workspace_id, slug, name, description, effort_unit, created_at,"
                    + " updated_at) VALUES (:ws, :slug, :name, :description, :unit, :now, :now)"
                    + " RETURNING id")
            .bind("ws", workspaceId)
            .bind("slug", d.slug())
            .bind("name", d.name())
            .bind("description", d.description())
            .bind("unit", d.unit())
            .bind("now", Rows.millis(now))
            .mapTo(Long.class)
            .one();
    h.createUpdate(
            "INSERT INTO team_settings (team_id, sprint_weeks, sprint_start, points_per_day)"
                + " VALUES (:id, :weeks, :start, :perDay)")
        .bind("id", id)
        .bind("weeks", d.sprintWeeks())
        .bind("start", d.sprintStart())
        .bind("perDay", d.pointsPerDay())
        .execute();
    return id;
  }

  /** Changes a team if it is still at {@code expected}; false when it moved on. */
  public boolean update(Handle h, long id, long expected, TeamDraft d, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE team SET slug = :slug, name = :name, description = :description,"
                    + " effort_unit = :unit, updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("slug", d.slug())
            .bind("name", d.name())
            .bind("description", d.description())
            .bind("unit", d.unit())
            .bind("now", Rows.millis(now))
            .execute();
    if (n == 0) {
      return false;
    }
    h.createUpdate(
            "UPDATE team_settings SET sprint_weeks = :weeks, sprint_start = :start,"
                + " points_per_day = :perDay WHERE team_id = :id")
        .bind("id", id)
        .bind("weeks", d.sprintWeeks())
        .bind("start", d.sprintStart())
        .bind("perDay", d.pointsPerDay())
        .execute();
    return true;
  }

  public boolean delete(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM team WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        > 0;
  }

  public Optional<Team> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE t.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Team> bySlug(Handle h, long workspaceId, String slug) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE t.workspace_id = :ws AND t.slug = :slug")
        .bind("ws", workspaceId)
        .bind("slug", slug)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public boolean nameTaken(Handle h, long workspaceId, String name, long exceptId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM team WHERE workspace_id = :ws AND id <> :except"
                    + " AND LOWER(name) = LOWER(:name)")
            .bind("ws", workspaceId)
            .bind("name", name)
            .bind("except", exceptId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** A workspace's live teams, by name. */
  public List<Team> list(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE t.workspace_id = :ws AND t.archived_at IS NULL ORDER BY t.name, t.id")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public void touch(Handle h, long id, Instant now) {
    h.createUpdate("UPDATE team SET updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", Rows.millis(now))
        .execute();
  }

  // Members.

  public void putMember(Handle h, long teamId, long userId, int allocation, Instant now) {
    h.createUpdate(
            "INSERT INTO team_member (team_id, user_id, allocation, added_at)"
                + " VALUES (:team, :user, :allocation, :now)"
                + " ON CONFLICT (team_id, user_id) DO UPDATE SET allocation = :allocation")
        .bind("team", teamId)
        .bind("user", userId)
        .bind("allocation", allocation)
        .bind("now", Rows.millis(now))
        .execute();
  }

  public boolean removeMember(Handle h, long teamId, long userId) {
    return h.createUpdate("DELETE FROM team_member WHERE team_id = :team AND user_id = :user")
            .bind("team", teamId)
            .bind("user", userId)
            .execute()
        > 0;
  }

  public List<TeamMember> members(Handle h, long teamId) {
    return h.createQuery(
            "SELECT m.user_id, u.handle, u.name, m.allocation FROM team_member m"
                + " JOIN app_user u ON u.id = m.user_id WHERE m.team_id = :team"
                + " ORDER BY u.name, u.id")
        .bind("team", teamId)
        .map(
            (rs, ctx) ->
                new TeamMember(
                    rs.getLong("user_id"),
                    rs.getString("handle"),
                    rs.getString("name"),
                    rs.getInt("allocation")))
        .list();
  }

  // Days off.

  public long insertDayOff(
      Handle h, long teamId, Long userId, DateRange days, String note, Instant now) {
    return h.createQuery(
            "INSERT INTO team_day_off (team_id, user_id, first_day, last_day, note, created_at)"
                + " VALUES (:team, :user, :first, :last, :note, :now) RETURNING id")
        .bind("team", teamId)
        .bind("user", userId)
        .bind("first", days.first().toString())
        .bind("last", days.last().toString())
        .bind("note", note)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  public boolean deleteDayOff(Handle h, long teamId, long id) {
    return h.createUpdate("DELETE FROM team_day_off WHERE team_id = :team AND id = :id")
            .bind("team", teamId)
            .bind("id", id)
            .execute()
        > 0;
  }

  public List<DayOff> daysOff(Handle h, long teamId) {
    return h.createQuery(
            "SELECT d.id, d.user_id, u.name, d.first_day, d.last_day, d.note FROM team_day_off d"
                + " LEFT JOIN app_user u ON u.id = d.user_id WHERE d.team_id = :team"
                + " ORDER BY d.first_day, d.id")
        .bind("team", teamId)
        .map(
            (rs, ctx) ->
                new DayOff(
                    rs.getLong("id"),
                    Rows.longOrNull(rs, "user_id"),
                    rs.getString("name"),
                    new DateRange(
                        LocalDate.parse(rs.getString("first_day")),
                        LocalDate.parse(rs.getString("last_day"))),
                    rs.getString("note")))
        .list();
  }

  // Efforts.

  public List<ItemEffort> efforts(Handle h, Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    List<ItemEffort> out = new ArrayList<>();
    List<Long> ids = List.copyOf(itemIds);
    for (int from = 0; from < ids.size(); from += 500) {
      out.addAll(
          h.createQuery(
                  "SELECT ie.item_id, ie.effort, "
                      + COLUMNS
                      + " FROM item_effort ie JOIN team t ON t.id = ie.team_id"
                      + " JOIN team_settings s ON s.team_id = t.id"
                      + " WHERE ie.item_id IN (<ids>) ORDER BY t.name")
              .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
              .map(
                  (rs, ctx) ->
                      new ItemEffort(rs.getLong("item_id"), map(rs), rs.getDouble("effort")))
              .list());
    }
    return out;
  }

  public void clearEfforts(Handle h, long itemId) {
    h.createUpdate("DELETE FROM item_effort WHERE item_id = :item").bind("item", itemId).execute();
  }

  public void putEffort(Handle h, long itemId, long teamId, double effort) {
    h.createUpdate(
            "INSERT INTO item_effort (item_id, team_id, effort) VALUES (:item, :team, :effort)"
                + " ON CONFLICT (item_id, team_id) DO UPDATE SET effort = :effort")
        .bind("item", itemId)
        .bind("team", teamId)
        .bind("effort", effort)
        .execute();
  }

  private static Team map(ResultSet rs) throws SQLException {
    return new Team(
        rs.getLong("id"),
        rs.getLong("workspace_id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("effort_unit"),
        rs.getInt("sprint_weeks"),
        LocalDate.parse(rs.getString("sprint_start")),
        rs.getDouble("points_per_day"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }
}
