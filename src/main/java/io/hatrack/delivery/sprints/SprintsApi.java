package io.hatrack.delivery.sprints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A team's sprints, their items, start and close, burndown and velocity, over the API. */
public final class SprintsApi implements Routes {
  private static final String TAG = "Sprints";
  private static final String BASE = "/api/v1/workspaces/{workspace}/teams/{team}";
  private static final String SPRINTS = BASE + "/sprints";
  private static final String SPRINT = SPRINTS + "/{sprint}";

  private final SprintService sprints;
  private final SprintReports reports;
  private final ObjectMapper json;

  public SprintsApi(SprintService sprints, SprintReports reports, ObjectMapper json) {
    this.sprints = sprints;
    this.reports = reports;
    this.json = json;
  }

  /** The points a closed sprint committed, completed, had added and removed, carried over. */
  public record RecordJson(
      double committed, double completed, double added, double removed, double carried) {}

  /** A sprint; points and capacity are in the team's unit. */
  public record SprintJson(
      long id,
      int number,
      String name,
      String goal,
      String team,
      String unit,
      LocalDate start,
      LocalDate end,
      String status,
      double capacity,
      double load,
      boolean overCapacity,
      Instant startedAt,
      Instant closedAt,
      RecordJson record,
      List<ItemJson> items,
      List<ScopeChangeJson> scopeChanges,
      long version) {}

  /** A sprint without its items, in listings. */
  public record SprintSummaryJson(
      long id,
      int number,
      String name,
      String goal,
      LocalDate start,
      LocalDate end,
      String status,
      double capacity,
      RecordJson record,
      long version) {}

  /**
   * An item of a sprint: its live estimate, the points it counts for (frozen at commitment or when
   * added), whether it was committed, whether it is done, and what closing did with it.
   */
  public record ItemJson(
      long id,
      String key,
      String title,
      String type,
      String state,
      boolean done,
      Double estimate,
      double points,
      boolean committed,
      Instant doneAt,
      String outcome) {}

  /** An item added or removed after the sprint started. */
  public record ScopeChangeJson(
      String key, String title, String change, double points, Instant at, String by) {}

  /** Creating or changing a sprint; absent fields take the defaults or keep their value. */
  public record SprintInput(String name, String goal, String start, String end) {}

  /** An item to put in a sprint: its key (CHK-12) or id. */
  public record ItemInput(String item) {}

  /** Closing: unfinished items to the next sprint (default) or back to the backlog. */
  public record CloseInput(String unfinished) {}

  /** What closing did: the closed sprint and the sprint unfinished items went to (or null). */
  public record ClosingJson(SprintJson closed, SprintSummaryJson next) {}

  /** Burndown and burnup: one value per day; actual values are null for days still to come. */
  public record BurndownJson(
      String sprint,
      String unit,
      double committed,
      List<LocalDate> days,
      List<Double> ideal,
      List<Double> remaining,
      List<Double> completed,
      List<Double> scope) {}

  /** One closed sprint's committed and completed points. */
  public record VelocityPointJson(int number, String name, double committed, double completed) {}

  /** How many sprints the remaining points need, at the P80 pace (fewest) and P20 pace (most). */
  public record ForecastJson(String of, double remaining, int fewestSprints, Integer mostSprints) {}

  /** A team's velocity over its last closed sprints, with a forecast when asked. */
  public record VelocityJson(
      String team,
      String unit,
      List<VelocityPointJson> sprints,
      double average,
      double p20,
      double p80,
      double committedAverage,
      String method,
      ForecastJson forecast) {}

  @Override
  public void register(Router r) {
    r.get(SPRINTS, this::list)
        .summary("A team's sprints, latest first")
        .tag(TAG)
        .returnsList(SprintSummaryJson.class);
    r.post(SPRINTS, this::create)
        .summary("Plan a sprint (editors); dates default to the next slot of the team's cadence")
        .description("Capacity is the team's availability over the dates, in its unit.")
        .tag(TAG)
        .body(SprintInput.class)
        .returns(201, SprintJson.class);
    r.get(SPRINT, this::get)
        .summary("A sprint by number, with its items")
        .tag(TAG)
        .etag()
        .returns(200, SprintJson.class);
    r.patch(SPRINT, this::update)
        .summary("Change a sprint's name, goal or dates (editors)")
        .tag(TAG)
        .body(SprintInput.class)
        .ifMatch()
        .etag()
        .returns(200, SprintJson.class);
    r.delete(SPRINT, this::delete)
        .summary("Delete a planned sprint (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(SPRINT + "/items", this::addItem)
        .summary("Put a work item in a planned or active sprint (editors)")
        .description("After the start it counts as scope added, with when and by whom.")
        .tag(TAG)
        .body(ItemInput.class)
        .returns(200, SprintJson.class);
    r.delete(SPRINT + "/items/{item}", this::removeItem)
        .summary("Take a work item out of a planned or active sprint (editors)")
        .tag(TAG)
        .returns(200, SprintJson.class);
    r.post(SPRINT + "/start", this::start)
        .summary("Start a planned sprint: the commitment (items and points) is frozen (editors)")
        .tag(TAG)
        .returns(200, SprintJson.class);
    r.post(SPRINT + "/close", this::close)
        .summary("Close the active sprint; unfinished items go to the next sprint or the backlog")
        .tag(TAG)
        .body(CloseInput.class)
        .returns(200, ClosingJson.class);
    r.get(SPRINT + "/burndown", this::burndown)
        .summary("A sprint's burndown and burnup per day")
        .description(
            "remaining = scope − completed at the end of each day; ideal goes from the committed"
                + " points to 0 over the working days.")
        .tag(TAG)
        .returns(200, BurndownJson.class);
    r.get(BASE + "/velocity", this::velocity)
        .summary("A team's velocity over its last closed sprints, with a forecast")
        .tag(TAG)
        .query("last", "How many closed sprints (default 6)")
        .query("remaining", "Points still to do, for a forecast")
        .query("epic", "An item (e.g. CHK-4) whose unfinished descendants' estimates to forecast")
        .returns(200, VelocityJson.class);
  }

  private static String ws(Context ctx) {
    return ctx.pathParam("workspace");
  }

  private static String team(Context ctx) {
    return ctx.pathParam("team");
  }

  private void list(Context ctx) {
    SprintService.Listing l = sprints.list(Requests.user(ctx), ws(ctx), team(ctx));
    List<SprintSummaryJson> out = l.sprints().stream().map(SprintsApi::summary).toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private static SprintInput input(Context ctx, ObjectMapper json) {
    String body = ctx.body();
    return body == null || body.isBlank()
        ? new SprintInput(null, null, null, null)
        : Requests.body(ctx, json, SprintInput.class);
  }

  private static SprintDraft draft(SprintInput in) {
    return new SprintDraft(in.name(), in.goal(), in.start(), in.end());
  }

  private void create(Context ctx) {
    User user = Requests.user(ctx);
    Sprint s = sprints.create(user, ws(ctx), team(ctx), draft(input(ctx, json)));
    ctx.header(
        "Location",
        "/api/v1/workspaces/" + ws(ctx) + "/teams/" + team(ctx) + "/sprints/" + s.number());
    respond(ctx.status(201), sprints.get(user, ws(ctx), team(ctx), Integer.toString(s.number())));
  }

  private void get(Context ctx) {
    respond(ctx, sprints.get(Requests.user(ctx), ws(ctx), team(ctx), ctx.pathParam("sprint")));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    User user = Requests.user(ctx);
    Sprint s =
        sprints.update(
            user, ws(ctx), team(ctx), ctx.pathParam("sprint"), expected, draft(input(ctx, json)));
    respond(ctx, sprints.get(user, ws(ctx), team(ctx), Integer.toString(s.number())));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    sprints.delete(Requests.user(ctx), ws(ctx), team(ctx), ctx.pathParam("sprint"), expected);
    ctx.status(204);
  }

  private void addItem(Context ctx) {
    ItemInput in = Requests.body(ctx, json, ItemInput.class);
    respond(
        ctx,
        sprints.addItem(
            Requests.user(ctx), ws(ctx), team(ctx), ctx.pathParam("sprint"), in.item()));
  }

  private void removeItem(Context ctx) {
    respond(
        ctx,
        sprints.removeItem(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            ctx.pathParam("sprint"),
            ctx.pathParam("item")));
  }

  private void start(Context ctx) {
    respond(ctx, sprints.start(Requests.user(ctx), ws(ctx), team(ctx), ctx.pathParam("sprint")));
  }

  private void close(Context ctx) {
    String body = ctx.body();
    CloseInput in =
        body == null || body.isBlank()
            ? new CloseInput(null)
            : Requests.body(ctx, json, CloseInput.class);
    SprintService.Closing c =
        sprints.close(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            ctx.pathParam("sprint"),
            SprintService.Unfinished.parse(in.unfinished()));
    Requests.etag(ctx, c.closed().sprint().version());
    ctx.json(new ClosingJson(json(c.closed()), c.next() == null ? null : summary(c.next())));
  }

  private void burndown(Context ctx) {
    SprintReports.Board b =
        reports.board(Requests.user(ctx), ws(ctx), team(ctx), ctx.pathParam("sprint"));
    Burndown.Result r = b.burndown();
    ctx.json(
        new BurndownJson(
            b.view().sprint().name(),
            b.view().scope().team().unit(),
            r.committed(),
            r.days(),
            r.ideal(),
            r.remaining(),
            r.completed(),
            r.scope()));
  }

  private void velocity(Context ctx) {
    String last = ctx.queryParam("last");
    Integer n = null;
    if (last != null && !last.isBlank()) {
      try {
        n = Integer.valueOf(last.strip());
      } catch (NumberFormatException e) {
        throw Invalid.field("last", "must be a whole number of sprints");
      }
    }
    SprintReports.VelocityView v =
        reports.velocity(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            n,
            ctx.queryParam("remaining"),
            ctx.queryParam("epic"));
    ctx.json(velocityJson(v));
  }

  static VelocityJson velocityJson(SprintReports.VelocityView v) {
    Velocity.Result r = v.velocity();
    Velocity.Forecast f = v.forecast();
    return new VelocityJson(
        v.scope().team().slug(),
        v.scope().team().unit(),
        r.sprints().stream()
            .map(p -> new VelocityPointJson(p.number(), p.name(), p.committed(), p.completed()))
            .toList(),
        r.average(),
        r.low(),
        r.high(),
        r.committedAverage(),
        "completed points per closed sprint; range from the 20th and 80th percentiles;"
            + " sprints needed = ceil(remaining / P80) to ceil(remaining / P20)",
        f == null ? null : new ForecastJson(v.forecastOf(), f.remaining(), f.fewest(), f.most()));
  }

  private static RecordJson record(Sprint s) {
    Sprint.Record r = s.record();
    return r == null
        ? null
        : new RecordJson(r.committed(), r.completed(), r.added(), r.removed(), r.carried());
  }

  static SprintSummaryJson summary(Sprint s) {
    return new SprintSummaryJson(
        s.id(),
        s.number(),
        s.name(),
        s.goal(),
        s.start(),
        s.end(),
        s.status().id(),
        SprintMath.tenth(s.capacity()),
        record(s),
        s.version());
  }

  static SprintJson json(SprintService.View v) {
    Sprint s = v.sprint();
    return new SprintJson(
        s.id(),
        s.number(),
        s.name(),
        s.goal(),
        v.scope().team().slug(),
        v.scope().team().unit(),
        s.start(),
        s.end(),
        s.status().id(),
        SprintMath.tenth(s.capacity()),
        SprintMath.tenth(v.load()),
        v.overCapacity(),
        s.startedAt(),
        s.closedAt(),
        record(s),
        v.items().stream()
            .map(
                i ->
                    new ItemJson(
                        i.id(),
                        i.key(),
                        i.title(),
                        i.type(),
                        i.state(),
                        i.done(),
                        i.estimate(),
                        i.points(),
                        i.committed(),
                        i.doneAt(),
                        i.outcome()))
            .toList(),
        v.changes().stream()
            .map(
                c ->
                    new ScopeChangeJson(c.key(), c.title(), c.change(), c.points(), c.at(), c.by()))
            .toList(),
        s.version());
  }

  private static void respond(Context ctx, SprintService.View v) {
    Requests.etag(ctx, v.sprint().version());
    ctx.json(json(v));
  }
}
