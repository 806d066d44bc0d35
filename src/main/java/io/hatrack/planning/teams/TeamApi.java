package io.hatrack.planning.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Teams of a workspace, their members, days off and capacity, and items' efforts, over the API. */
public final class TeamApi implements Routes {
  private static final String TAG = "Teams";
  private static final String BASE = "/api/v1/workspaces/{workspace}/teams";

  private final TeamService teams;
  private final ObjectMapper json;

  public TeamApi(TeamService teams, ObjectMapper json) {
    this.teams = teams;
    this.json = json;
  }

  /** A team; capacity and efforts are in its unit (days = person-days, or points). */
  public record TeamJson(
      long id,
      String slug,
      String name,
      String description,
      String effortUnit,
      int sprintWeeks,
      LocalDate sprintStart,
      double pointsPerDay,
      List<MemberJson> members,
      List<DayOffJson> daysOff,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /** A member with their allocation in per cent (100 for full time). */
  public record MemberJson(long userId, String handle, String name, int allocation) {}

  /** A team holiday (no user) or a member's days off, first and last day included. */
  public record DayOffJson(
      long id, Long userId, String name, LocalDate firstDay, LocalDate lastDay, String note) {}

  /** Creating or changing a team; absent fields keep their value (or take the default). */
  public record TeamInput(
      String name,
      String slug,
      String description,
      String effortUnit,
      Integer sprintWeeks,
      String sprintStart,
      Double pointsPerDay) {}

  /** Putting a member of the workspace on the team: user id or handle, allocation in per cent. */
  public record MemberInput(String user, Integer allocation) {}

  /** A team holiday (no user) or a member's days off. */
  public record DayOffInput(String user, String firstDay, String lastDay, String note) {}

  /** One period's capacity: working days (Mon–Fri), team holidays, person-days, capacity. */
  public record CapacityRowJson(
      String period,
      String label,
      LocalDate start,
      LocalDate end,
      int workingDays,
      int holidays,
      double personDays,
      double capacity) {}

  /** A team's capacity per period, in its unit. */
  public record CapacityJson(
      String team, String unit, String period, String method, List<CapacityRowJson> periods) {}

  /** An item's efforts: team slug → effort in that team's unit. */
  public record EffortsJson(long itemId, String key, Map<String, Double> efforts) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::list).summary("A workspace's teams").tag(TAG).returnsList(TeamJson.class);
    r.post(BASE, this::create)
        .summary("Create a team (editors)")
        .tag(TAG)
        .body(TeamInput.class)
        .returns(201, TeamJson.class);
    r.get(BASE + "/{team}", this::get)
        .summary("A team by slug or id, with members and days off")
        .tag(TAG)
        .etag()
        .returns(200, TeamJson.class);
    r.patch(BASE + "/{team}", this::update)
        .summary("Change a team (editors); absent fields are kept")
        .tag(TAG)
        .body(TeamInput.class)
        .ifMatch()
        .etag()
        .returns(200, TeamJson.class);
    r.delete(BASE + "/{team}", this::delete)
        .summary("Delete a team with its members, days off and efforts (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.put(BASE + "/{team}/members", this::putMember)
        .summary("Put a workspace member on the team, or change their allocation (editors)")
        .tag(TAG)
        .body(MemberInput.class)
        .returns(200, TeamJson.class);
    r.delete(BASE + "/{team}/members/{user}", this::removeMember)
        .summary("Take a member off the team (editors)")
        .tag(TAG)
        .noContent();
    r.post(BASE + "/{team}/days-off", this::addDayOff)
        .summary("Add a team holiday (no user) or a member's days off (editors)")
        .tag(TAG)
        .body(DayOffInput.class)
        .returns(201, DayOffJson.class);
    r.delete(BASE + "/{team}/days-off/{id}", this::removeDayOff)
        .summary("Remove a holiday or days off (editors)")
        .tag(TAG)
        .noContent();
    r.get(BASE + "/{team}/capacity", this::capacity)
        .summary("A team's capacity per month, quarter or sprint")
        .description(
            "Person-days = Σ over members of (working days Mon–Fri − their days off − team"
                + " holidays) × allocation; a points team has person-days × points_per_day.")
        .tag(TAG)
        .query("from", "First day (ISO date); default the start of this quarter")
        .query("to", "Last day (ISO date); default a year after from")
        .query("period", "month, quarter (default) or sprint")
        .returns(200, CapacityJson.class);
    r.get("/api/v1/items/{item}/efforts", this::efforts)
        .summary("An item's effort per team")
        .tag(TAG)
        .returns(200, EffortsJson.class);
    r.put("/api/v1/items/{item}/efforts", this::setEfforts)
        .summary("Replace an item's efforts: {team slug: effort} (editors)")
        .tag(TAG)
        .body(Map.class)
        .returns(200, EffortsJson.class);
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    TeamService.Listing l = teams.list(user, ctx.pathParam("workspace"));
    List<TeamJson> out =
        l.teams().stream()
            .map(t -> json(teams.get(user, ctx.pathParam("workspace"), Long.toString(t.id()))))
            .toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private static TeamDraft draft(TeamInput in) {
    return new TeamDraft(
        in.name(),
        in.slug(),
        in.description(),
        in.effortUnit(),
        in.sprintWeeks(),
        in.sprintStart(),
        in.pointsPerDay());
  }

  private void create(Context ctx) {
    TeamInput in = Requests.body(ctx, json, TeamInput.class);
    User user = Requests.user(ctx);
    String ws = ctx.pathParam("workspace");
    Team t = teams.create(user, ws, draft(in));
    ctx.header("Location", "/api/v1/workspaces/" + ws + "/teams/" + t.slug());
    respond(ctx.status(201), teams.get(user, ws, Long.toString(t.id())));
  }

  private void get(Context ctx) {
    respond(ctx, teams.get(Requests.user(ctx), ctx.pathParam("workspace"), ctx.pathParam("team")));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    TeamInput in = Requests.body(ctx, json, TeamInput.class);
    User user = Requests.user(ctx);
    Team t =
        teams.update(user, ctx.pathParam("workspace"), ctx.pathParam("team"), expected, draft(in));
    respond(ctx, teams.get(user, ctx.pathParam("workspace"), Long.toString(t.id())));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    teams.delete(Requests.user(ctx), ctx.pathParam("workspace"), ctx.pathParam("team"), expected);
    ctx.status(204);
  }

  private void putMember(Context ctx) {
    MemberInput in = Requests.body(ctx, json, MemberInput.class);
    TeamService.View v =
        teams.putMember(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            in.user(),
            in.allocation() == null ? 100 : in.allocation());
    respond(ctx, v);
  }

  private void removeMember(Context ctx) {
    teams.removeMember(
        Requests.user(ctx),
        ctx.pathParam("workspace"),
        ctx.pathParam("team"),
        Requests.idParam(ctx, "user"));
    ctx.status(204);
  }

  private void addDayOff(Context ctx) {
    DayOffInput in = Requests.body(ctx, json, DayOffInput.class);
    DayOff d =
        teams.addDayOff(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            in.user(),
            in.firstDay(),
            in.lastDay(),
            in.note());
    ctx.status(201).json(json(d));
  }

  private void removeDayOff(Context ctx) {
    teams.removeDayOff(
        Requests.user(ctx),
        ctx.pathParam("workspace"),
        ctx.pathParam("team"),
        Requests.idParam(ctx, "id"));
    ctx.status(204);
  }

  private void capacity(Context ctx) {
    TeamService.CapacityTable table =
        teams.capacity(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            ctx.queryParam("from"),
            ctx.queryParam("to"),
            ctx.queryParam("period"));
    Team t = table.team().team();
    ctx.json(
        new CapacityJson(
            t.slug(),
            t.unit(),
            table.period(),
            method(t),
            table.rows().stream()
                .map(
                    r ->
                        new CapacityRowJson(
                            r.period().id(),
                            r.period().label(),
                            r.period().start(),
                            r.period().end(),
                            r.workingDays(),
                            r.holidays(),
                            r.personDays(),
                            r.capacity()))
                .toList()));
  }

  /** How the capacity of {@code t} is counted, in words. */
  public static String method(Team t) {
    String days =
        "Σ over members of (working days Mon–Fri − their days off − team holidays) × allocation";
    return t.points()
        ? "points = person-days × "
            + t.pointsPerDay()
            + " points per person-day; person-days = "
            + days
        : "person-days = " + days;
  }

  private void efforts(Context ctx) {
    ctx.json(json(teams.efforts(Requests.user(ctx), ctx.pathParam("item"))));
  }

  private void setEfforts(Context ctx) {
    Map<?, ?> raw = Requests.body(ctx, json, Map.class);
    Map<String, Double> body = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      Object v = e.getValue();
      if (v != null && !(v instanceof Number)) {
        throw io.hatrack.kernel.Invalid.field(
            String.valueOf(e.getKey()), "must be a number (or null to remove the team)");
      }
      body.put(String.valueOf(e.getKey()), v == null ? null : ((Number) v).doubleValue());
    }
    ctx.json(json(teams.setEfforts(Requests.user(ctx), ctx.pathParam("item"), body)));
  }

  private static EffortsJson json(TeamService.Efforts e) {
    Map<String, Double> m = new LinkedHashMap<>();
    e.efforts().forEach(x -> m.put(x.team().slug(), x.effort()));
    return new EffortsJson(e.item().id(), e.item().item().key(), m);
  }

  private static TeamJson json(TeamService.View v) {
    Team t = v.team();
    return new TeamJson(
        t.id(),
        t.slug(),
        t.name(),
        t.description(),
        t.unit(),
        t.sprintWeeks(),
        t.sprintStart(),
        t.pointsPerDay(),
        v.members().stream()
            .map(m -> new MemberJson(m.userId(), m.handle(), m.name(), m.allocation()))
            .toList(),
        v.daysOff().stream().map(TeamApi::json).toList(),
        t.version(),
        t.createdAt(),
        t.updatedAt());
  }

  private static DayOffJson json(DayOff d) {
    return new DayOffJson(
        d.id(), d.userId(), d.name(), d.days().first(), d.days().last(), d.note());
  }

  private static void respond(Context ctx, TeamService.View v) {
    Requests.etag(ctx, v.team().version());
    ctx.json(json(v));
  }
}
