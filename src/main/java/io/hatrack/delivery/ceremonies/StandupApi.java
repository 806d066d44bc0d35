package io.hatrack.delivery.ceremonies;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.planning.teams.TeamMember;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A team's stand-ups over the API: a day with its summary, entries, and blockers. */
public final class StandupApi implements Routes {
  static final String TAG = "Stand-ups";
  static final String TEAM = "/api/v1/workspaces/{workspace}/teams/{team}";
  private static final String BASE = TEAM + "/standups";

  private final StandupService standups;
  private final ObjectMapper json;

  public StandupApi(StandupService standups, ObjectMapper json) {
    this.standups = standups;
    this.json = json;
  }

  /** A member of the team. */
  public record PersonJson(long userId, String handle, String name) {}

  /**
   * A blocker; {@code age_days} counts from the day it was raised to the day asked about.
   *
   * @param resolvedBy who resolved it (null while open)
   */
  public record BlockerJson(
      long id,
      long entryId,
      String author,
      LocalDate day,
      String text,
      boolean open,
      Instant resolvedAt,
      String resolvedBy,
      long ageDays,
      long version) {}

  /** A member's stand-up entry of a day. */
  public record EntryJson(
      long id,
      long userId,
      String author,
      LocalDate day,
      String yesterday,
      String today,
      List<BlockerJson> blockers,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  /** What a member plans today. */
  public record PlanJson(String name, String today) {}

  /**
   * A team's stand-up of a day with the PM's summary: who posted, who has not yet (members off that
   * day are not expected), every blocker open that day with its age, and the day's plans.
   */
  public record DayJson(
      String team,
      LocalDate day,
      boolean workingDay,
      List<EntryJson> entries,
      List<PersonJson> posted,
      List<PersonJson> missing,
      List<PersonJson> off,
      List<BlockerJson> openBlockers,
      List<PlanJson> plans) {}

  /** One's own entry: yesterday, today, and blockers (one a string). */
  public record EntryInput(String yesterday, String today, List<String> blockers) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::day)
        .summary("A team's stand-up of a day, with the summary for the PM")
        .tag(TAG)
        .query("day", "The day (ISO date); default today")
        .returns(200, DayJson.class);
    r.get(BASE + "/blockers", this::blockers)
        .summary("Every blocker of the team still open, oldest first")
        .tag(TAG)
        .returnsList(BlockerJson.class);
    r.post(BASE + "/{day}/entries", this::write)
        .summary("Post one's own stand-up entry for a day (members of the team)")
        .tag(TAG)
        .body(EntryInput.class)
        .etag()
        .returns(201, EntryJson.class);
    r.patch(BASE + "/{day}/entries/{entry}", this::update)
        .summary("Change one's own entry; blockers no longer listed are withdrawn unless resolved")
        .tag(TAG)
        .body(EntryInput.class)
        .ifMatch()
        .etag()
        .returns(200, EntryJson.class);
    r.post(BASE + "/blockers/{blocker}/resolve", this::resolve)
        .summary("Mark a blocker resolved (who and when are recorded)")
        .tag(TAG)
        .ifMatch()
        .returns(200, BlockerJson.class);
  }

  private void day(Context ctx) {
    StandupService.Day d =
        standups.day(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            ctx.queryParam("day"));
    StandupSummary s = d.summary();
    ctx.json(
        new DayJson(
            d.scope().team().slug(),
            d.day(),
            s.workingDay(),
            d.entries().stream().map(e -> json(e, d.day())).toList(),
            people(s.posted()),
            people(s.missing()),
            people(s.off()),
            s.openBlockers().stream().map(b -> json(b, d.day())).toList(),
            s.plans().stream().map(p -> new PlanJson(p.name(), p.today())).toList()));
  }

  private void blockers(Context ctx) {
    User user = Requests.user(ctx);
    LocalDate today = standups.today();
    List<BlockerJson> out =
        standups.openBlockers(user, ctx.pathParam("workspace"), ctx.pathParam("team")).stream()
            .map(b -> json(b, today))
            .toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private void write(Context ctx) {
    EntryInput in = Requests.body(ctx, json, EntryInput.class);
    StandupEntry e =
        standups.write(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            ctx.pathParam("day"),
            new EntryDraft(in.yesterday(), in.today(), in.blockers()));
    Requests.etag(ctx, e.version());
    ctx.status(201).json(json(e, e.day()));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    EntryInput in = Requests.body(ctx, json, EntryInput.class);
    StandupEntry e =
        standups.update(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            Requests.idParam(ctx, "entry"),
            expected,
            new EntryDraft(in.yesterday(), in.today(), in.blockers()));
    Requests.etag(ctx, e.version());
    ctx.json(json(e, e.day()));
  }

  private void resolve(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    Blocker b =
        standups.resolve(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.pathParam("team"),
            Requests.idParam(ctx, "blocker"),
            expected);
    ctx.json(json(b, b.resolvedOn()));
  }

  private static List<PersonJson> people(List<TeamMember> members) {
    return members.stream().map(m -> new PersonJson(m.userId(), m.handle(), m.name())).toList();
  }

  static EntryJson json(StandupEntry e, LocalDate on) {
    return new EntryJson(
        e.id(),
        e.userId(),
        e.author(),
        e.day(),
        e.yesterday(),
        e.today(),
        e.blockers().stream().map(b -> json(b, on)).toList(),
        e.createdAt(),
        e.updatedAt(),
        e.version());
  }

  static BlockerJson json(Blocker b, LocalDate on) {
    return new BlockerJson(
        b.id(),
        b.entryId(),
        b.author(),
        b.day(),
        b.text(),
        b.open(),
        b.resolvedAt(),
        b.resolvedByName(),
        Math.max(0, b.ageOn(on)),
        b.version());
  }
}
