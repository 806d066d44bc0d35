package io.hatrack.planning.teams;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teams in the browser: the workspace's teams, a team's page (settings, members with allocation,
 * holidays and days off, capacity per period), and an item's efforts per team in its side panel.
 */
public final class TeamRoutes implements Routes {
  private final TeamService teams;
  private final WorkspaceService workspaces;
  private final Html html;

  public TeamRoutes(TeamService teams, WorkspaceService workspaces, Html html) {
    this.teams = teams;
    this.workspaces = workspaces;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/teams", ctx -> list(ctx, Form.EMPTY));
    r.postPage("/w/{ws}/teams", this::create);
    r.getPage("/w/{ws}/teams/{team}", ctx -> show(ctx, null, Form.EMPTY));
    r.postPage("/w/{ws}/teams/{team}", this::update);
    r.postPage("/w/{ws}/teams/{team}/delete", this::delete);
    r.postPage("/w/{ws}/teams/{team}/members", this::putMember);
    r.postPage("/w/{ws}/teams/{team}/members/{user}/remove", this::removeMember);
    r.postPage("/w/{ws}/teams/{team}/days-off", this::addDayOff);
    r.postPage("/w/{ws}/teams/{team}/days-off/{id}/remove", this::removeDayOff);
    r.getPage("/items/{item}/efforts", this::efforts);
    r.postPage("/items/{item}/efforts", this::saveEfforts);
  }

  private static String base(Context ctx) {
    return "/w/" + ctx.pathParam("ws") + "/teams";
  }

  private void list(Context ctx, Form form) {
    TeamService.Listing l = teams.list(Requests.user(ctx), ctx.pathParam("ws"));
    String slug = l.ws().workspace().slug();
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                l.ws(),
                "teams",
                "Teams",
                List.of(
                    new Shell.Crumb(l.ws().workspace().name(), "/w/" + slug),
                    new Shell.Crumb("Teams", null)));
    html.page(ctx, "planning/teams/list.jte", shell, "listing", l, "form", form);
  }

  private static TeamDraft draft(Context ctx) {
    String weeks = ctx.formParam("sprint_weeks");
    String perDay = ctx.formParam("points_per_day");
    Integer w;
    Double p;
    try {
      w = weeks == null || weeks.isBlank() ? null : Integer.valueOf(weeks.strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("sprint_weeks", "must be a whole number of weeks");
    }
    try {
      p = perDay == null || perDay.isBlank() ? null : Double.valueOf(perDay.strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("points_per_day", "must be a number");
    }
    return new TeamDraft(
        ctx.formParam("name"),
        ctx.formParam("slug"),
        ctx.formParam("description"),
        ctx.formParam("effort_unit"),
        w,
        ctx.formParam("sprint_start"),
        p);
  }

  private void create(Context ctx) {
    try {
      Team t = teams.create(Requests.user(ctx), ctx.pathParam("ws"), draft(ctx));
      Flashes.success(ctx, "Created the team " + t.name() + ". Now add its members.");
      ctx.redirect(base(ctx) + "/" + t.slug());
    } catch (Invalid e) {
      ctx.status(422);
      list(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      list(ctx, Form.refused(ctx, e.getMessage()));
    }
  }

  private void show(Context ctx, String which, Form form) {
    User user = Requests.user(ctx);
    TeamService.View v = teams.get(user, ctx.pathParam("ws"), ctx.pathParam("team"));
    String period = ctx.queryParam("period");
    String kind = period == null || period.isBlank() ? "quarter" : period;
    TeamService.CapacityTable capacity =
        teams.capacity(
            user,
            ctx.pathParam("ws"),
            Long.toString(v.team().id()),
            null,
            null,
            kind.equals("quarter") || kind.equals("month") || kind.equals("sprint")
                ? kind
                : "quarter");
    String slug = v.ws().workspace().slug();
    Map<Long, String> candidates = new LinkedHashMap<>();
    for (Member m : workspaces.members(v.ws())) {
      if (v.members().stream().noneMatch(x -> x.userId() == m.user().id())) {
        candidates.put(m.user().id(), m.user().name() + " (@" + m.user().handle() + ")");
      }
    }
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                v.ws(),
                "teams",
                v.team().name(),
                List.of(
                    new Shell.Crumb(v.ws().workspace().name(), "/w/" + slug),
                    new Shell.Crumb("Teams", "/w/" + slug + "/teams"),
                    new Shell.Crumb(v.team().name(), null)));
    html.page(
        ctx,
        "planning/teams/show.jte",
        shell,
        "view",
        v,
        "capacity",
        capacity,
        "method",
        TeamApi.method(v.team()),
        "candidates",
        candidates,
        "which",
        which,
        "form",
        form,
        "base",
        "/w/" + slug + "/teams/" + v.team().slug());
  }

  private void refused(Context ctx, String which, Exception e) {
    if (e instanceof Invalid invalid) {
      ctx.status(422);
      show(ctx, which, Form.refused(ctx, invalid));
    } else {
      ctx.status(409);
      show(ctx, which, Form.refused(ctx, e.getMessage()));
    }
  }

  private void update(Context ctx) {
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      Team t =
          teams.update(
              Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"), version, draft(ctx));
      Flashes.success(ctx, "Saved the team's settings.");
      ctx.redirect(base(ctx) + "/" + t.slug());
    } catch (Invalid | Conflict e) {
      refused(ctx, "settings", e);
    }
  }

  private void delete(Context ctx) {
    TeamService.View v = teams.get(Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"));
    teams.delete(
        Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"), v.team().version());
    Flashes.success(ctx, "Deleted the team " + v.team().name() + ".");
    ctx.redirect(base(ctx));
  }

  private void putMember(Context ctx) {
    String allocation = ctx.formParam("allocation");
    try {
      int a;
      try {
        a = allocation == null || allocation.isBlank() ? 100 : Integer.parseInt(allocation.strip());
      } catch (NumberFormatException e) {
        throw Invalid.field("allocation", "must be a whole number of per cent");
      }
      teams.putMember(
          Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"), ctx.formParam("user"), a);
      Flashes.success(ctx, "Saved the member's allocation.");
      ctx.redirect(base(ctx) + "/" + ctx.pathParam("team"));
    } catch (Invalid e) {
      refused(ctx, "members", e);
    }
  }

  private void removeMember(Context ctx) {
    teams.removeMember(
        Requests.user(ctx),
        ctx.pathParam("ws"),
        ctx.pathParam("team"),
        Requests.idParam(ctx, "user"));
    Flashes.success(ctx, "Took the member off the team.");
    ctx.redirect(base(ctx) + "/" + ctx.pathParam("team"));
  }

  private void addDayOff(Context ctx) {
    try {
      teams.addDayOff(
          Requests.user(ctx),
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          ctx.formParam("user"),
          ctx.formParam("first_day"),
          ctx.formParam("last_day"),
          ctx.formParam("note"));
      Flashes.success(ctx, "Added the days off; the capacity below counts them.");
      ctx.redirect(base(ctx) + "/" + ctx.pathParam("team"));
    } catch (Invalid e) {
      refused(ctx, "days_off", e);
    }
  }

  private void removeDayOff(Context ctx) {
    teams.removeDayOff(
        Requests.user(ctx),
        ctx.pathParam("ws"),
        ctx.pathParam("team"),
        Requests.idParam(ctx, "id"));
    Flashes.success(ctx, "Removed the days off.");
    ctx.redirect(base(ctx) + "/" + ctx.pathParam("team"));
  }

  private void efforts(Context ctx) {
    renderEfforts(ctx, teams.efforts(Requests.user(ctx), ctx.pathParam("item")), Form.EMPTY);
  }

  private void renderEfforts(Context ctx, TeamService.Efforts e, Form form) {
    html.fragment(
        ctx,
        "planning/teams/efforts.jte",
        "shell",
        html.shells().fragment(ctx),
        "efforts",
        e,
        "form",
        form);
  }

  private void saveEfforts(Context ctx) {
    User user = Requests.user(ctx);
    TeamService.Efforts before = teams.efforts(user, ctx.pathParam("item"));
    Map<String, Double> values = new LinkedHashMap<>();
    try {
      for (Team t : before.teams()) {
        String raw = ctx.formParam("effort_" + t.id());
        if (raw == null || raw.isBlank()) {
          values.put(t.slug(), null);
          continue;
        }
        try {
          values.put(t.slug(), Double.valueOf(raw.strip().replace(',', '.')));
        } catch (NumberFormatException nf) {
          throw Invalid.field(t.slug(), "must be a number");
        }
      }
      teams.setEfforts(user, ctx.pathParam("item"), values);
      Flashes.success(ctx, "Saved the efforts.");
    } catch (Invalid e) {
      Flashes.error(
          ctx,
          "The efforts were not saved: "
              + e.errors().stream().map(Object::toString).reduce((x, y) -> x + "; " + y).orElse("")
              + ".");
    }
    ctx.redirect(back(ctx));
  }

  private static String back(Context ctx) {
    String referer = ctx.header("Referer");
    return referer != null && referer.startsWith(ctx.scheme() + "://" + ctx.host() + "/")
        ? referer
        : "/i/" + ctx.pathParam("item");
  }

  static boolean editor(TeamService.View v) {
    return v.ws().can(Role.EDITOR);
  }
}
