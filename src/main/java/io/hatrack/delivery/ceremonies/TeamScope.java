package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.teams.Team;
import io.hatrack.planning.teams.TeamMember;
import io.hatrack.planning.teams.TeamService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A team as a ceremony's reader sees it: the workspace with their role, and the team with its
 * members and days off. Every ceremony starts here, inside its own transaction.
 */
public record TeamScope(WorkspaceAccess ws, TeamService.View view) {

  static TeamScope of(
      Handle h,
      WorkspaceService workspaces,
      TeamService teams,
      User actor,
      String ws,
      String team) {
    WorkspaceAccess access = workspaces.access(h, actor, new Ref(ws));
    return new TeamScope(access, teams.get(h, access, team));
  }

  public Team team() {
    return view.team();
  }

  public boolean can(Role role) {
    return ws.can(role);
  }

  public Optional<TeamMember> member(long userId) {
    return view.members().stream().filter(m -> m.userId() == userId).findFirst();
  }

  /** Writes the audit record of a change to one of the team's ceremonies, naming the team. */
  void audit(
      AuditLog audit,
      Handle h,
      User actor,
      String action,
      String summary,
      Object before,
      Object after) {
    audit.record(
        h,
        new Change(
            ws.id(),
            null,
            null,
            actor.id(),
            action,
            summary + " (" + team().name() + ")",
            before,
            after,
            true));
  }

  /** The path of the team's pages, e.g. {@code /w/northwind/teams/payments}. */
  public String base() {
    return "/w/" + ws.workspace().slug() + "/teams/" + team().slug();
  }

  /** Today in UTC by {@code clock}. */
  static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A date from the API or a form; {@code fallback} when blank. */
  static LocalDate day(String field, String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.field(field, "must be a date such as 2027-01-04");
    }
  }
}
