package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.audit.ActivityStore;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.planning.teams.TeamService;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.MutableClock;
import io.hatrack.testing.TestApp;
import java.time.Instant;

/** A team with members to hold ceremonies in, and the ceremonies' services on a chosen clock. */
final class CeremonyFixtures {
  /** Wednesday 3 March 2027, 09:00 UTC: the fixed "now" of tests where days matter. */
  static final Instant NOW = Instant.parse("2027-03-03T09:00:00Z");

  private CeremonyFixtures() {}

  /** An owner (Olivia, on the team), Ben (editor, on the team) and Vic (viewer, not on it). */
  record Crew(Fixtures.Team base, User ben, User vic, String ws, String team) {
    User olivia() {
      return base.owner();
    }
  }

  static TeamService teams(TestApp app) {
    return app.app().planning().releasePlanning().teams();
  }

  static Ceremonies ceremonies(TestApp app) {
    return app.app().delivery().ceremonies();
  }

  static Crew crew(TestApp app) {
    Fixtures.Team t = Fixtures.team(app);
    User ben = t.member(app, Role.EDITOR, "ben");
    User vic = t.member(app, Role.VIEWER, "vic");
    String ws = t.workspace().slug();
    teams(app).create(t.owner(), ws, TeamDraft.named("Payments"));
    teams(app).putMember(t.owner(), ws, "payments", t.owner().handle(), 100);
    teams(app).putMember(t.owner(), ws, "payments", ben.handle(), 100);
    return new Crew(t, ben, vic, ws, "payments");
  }

  /** Stand-ups on {@code clock}, over the app's database and teams. */
  static StandupService standups(TestApp app, MutableClock clock) {
    return new StandupService(
        app.database(),
        new StandupStore(),
        app.workspaces(),
        teams(app),
        new AuditLog(new ActivityStore(), app.app().json(), clock),
        clock);
  }
}
