package io.hatrack.planning.roadmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.planning.roadmap.TimelineLayout.Scale;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A product's roadmap over the API: views, scheduling, snapshots with diffs, and exports. */
public final class RoadmapApi implements Routes {
  private static final String TAG = "Roadmaps";
  static final String BASE = "/api/v1/products/{product}/roadmaps";

  private final RoadmapService roadmaps;
  private final SnapshotService snapshots;
  private final ObjectMapper json;

  public RoadmapApi(RoadmapService roadmaps, SnapshotService snapshots, ObjectMapper json) {
    this.roadmaps = roadmaps;
    this.snapshots = snapshots;
    this.json = json;
  }

  /** An entry of the roadmap. */
  public record EntryJson(
      String key,
      long itemId,
      String title,
      String type,
      String state,
      String horizon,
      boolean horizonSet,
      LocalDate startDate,
      LocalDate endDate,
      String release,
      String team,
      Long planId,
      @JsonProperty("public") boolean isPublic,
      List<String> tags,
      String objective,
      String theme,
      long version) {
    static EntryJson of(RoadmapEntry e) {
      return new EntryJson(
          e.key(),
          e.itemId(),
          e.title(),
          e.type(),
          e.state(),
          e.horizon().id(),
          e.horizonSet(),
          e.start(),
          e.end(),
          e.release(),
          e.team(),
          e.planId(),
          e.isPublic(),
          e.tags(),
          e.objective(),
          e.theme(),
          e.version());
    }
  }

  /** A Now/Next/Later column: the keys of its entries in order. */
  public record ColumnJson(String horizon, String label, List<String> keys) {}

  /** A swimlane of the timeline: the keys of its entries. */
  public record LaneJson(String name, List<String> keys) {}

  /** A period of the timeline. */
  public record PeriodJson(String label, LocalDate start) {}

  /** The timeline's periods and lanes (bars are the entries' dates). */
  public record TimelineJson(
      String scale,
      String lane,
      LocalDate from,
      LocalDate to,
      List<PeriodJson> periods,
      List<LaneJson> lanes,
      long undated) {}

  /** A broken "depends on" link. */
  public record WarningJson(
      String key, String dependsOn, LocalDate starts, LocalDate dependencyEnds, String message) {
    static WarningJson of(DependencyCheck.Warning w) {
      return new WarningJson(w.key(), w.dependsOn(), w.starts(), w.dependencyEnds(), w.message());
    }
  }

  /** The roadmap: its entries (filtered), and the columns or the timeline of the chosen view. */
  public record RoadmapJson(
      long productId,
      String view,
      long total,
      List<EntryJson> entries,
      List<ColumnJson> columns,
      TimelineJson timeline,
      List<WarningJson> warnings) {}

  /** Where to put an item; blank fields are cleared. */
  public record ScheduleJson(
      String horizon,
      String startDate,
      String endDate,
      String release,
      String team,
      @JsonProperty("public") Boolean isPublic) {}

  /** An entry after a change, with the "depends on" links its dates now break. */
  public record ScheduledJson(EntryJson entry, boolean created, List<WarningJson> warnings) {}

  /** A new snapshot's name. */
  public record SnapshotInput(String name) {}

  /** A snapshot (its entries only when asked for one). */
  public record SnapshotJson(
      long id,
      long productId,
      String name,
      int entryCount,
      String createdBy,
      Instant createdAt,
      List<SnapshotEntryJson> entries) {
    static SnapshotJson of(SnapshotService.Info i, List<SnapshotEntry> entries) {
      return new SnapshotJson(
          i.id(),
          i.productId(),
          i.name(),
          i.entries(),
          i.createdBy(),
          i.createdAt(),
          entries == null ? null : entries.stream().map(SnapshotEntryJson::of).toList());
    }
  }

  /** An entry as a snapshot keeps it. */
  public record SnapshotEntryJson(
      String key,
      long itemId,
      String title,
      String horizon,
      String startDate,
      String endDate,
      String release,
      String team,
      @JsonProperty("public") boolean isPublic) {
    static SnapshotEntryJson of(SnapshotEntry e) {
      return new SnapshotEntryJson(
          e.key(),
          e.itemId(),
          e.title(),
          e.horizon(),
          e.start(),
          e.end(),
          e.release(),
          e.team(),
          e.isPublic());
    }
  }

  /** An entry in both, with what it was and what it is. */
  public record ChangeJson(String key, SnapshotEntryJson before, SnapshotEntryJson after) {}

  /** What changed since a snapshot. */
  public record DiffJson(
      SnapshotJson since,
      List<SnapshotEntryJson> added,
      List<SnapshotEntryJson> removed,
      List<ChangeJson> moved,
      List<ChangeJson> releaseChanged,
      int unchanged) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::roadmap)
        .summary("A product's roadmap as Now/Next/Later columns or as a timeline")
        .description(
            "Entries are the product's work items on the roadmap. An entry without a horizon of"
                + " its own is placed by its start date (started: now; within "
                + Horizon.NEXT_DAYS
                + " days: next; else later). view=timeline adds the periods and swimlanes; a theme"
                + " lane is the feedback theme most of the item's supporting feedback is in; an"
                + " item with several tags is in each tag's lane. warnings list entries that start"
                + " on or before the end date of an item they depend on.")
        .tag(TAG)
        .query("view", "now-next-later (default) or timeline")
        .query("scale", "month (default) or quarter, for the timeline")
        .query("lane", "team (default), objective, theme or tag, for the timeline")
        .query("type", "only work items of this type")
        .query("team", "only entries of this team (slug or name)")
        .query("tag", "only entries with this tag")
        .query("state", "only entries in this workflow state")
        .query("public", "true: only entries the public roadmap shows")
        .returns(200, RoadmapJson.class);
    r.get(BASE + "/items/{key}", this::entry)
        .summary("An item's entry on the roadmap")
        .tag(TAG)
        .etag()
        .returns(200, EntryJson.class);
    r.put(BASE + "/items/{key}", this::schedule)
        .summary("Put a work item on the roadmap, or replace its entry (editors)")
        .description(
            "Sets the horizon (now, next, later), start_date and end_date (ISO dates, both or"
                + " neither, the end not before the start), the release, the team (slug or name)"
                + " and whether the public roadmap shows it; fields left out are cleared."
                + " If-Match with the entry's ETag is checked when given (409 when stale). Answers"
                + " the entry with the \"depends on\" links its dates break: the change is saved"
                + " all the same.")
        .tag(TAG)
        .body(ScheduleJson.class)
        .etag()
        .returns(200, ScheduledJson.class);
    r.delete(BASE + "/items/{key}", this::remove)
        .summary("Take a work item off the roadmap (editors)")
        .description("If-Match with the entry's ETag is checked when given (409 when stale).")
        .tag(TAG)
        .noContent();
    r.post(BASE + "/snapshots", this::saveSnapshot)
        .summary("Save a named snapshot of every entry of the roadmap (editors)")
        .tag(TAG)
        .body(SnapshotInput.class)
        .returns(201, SnapshotJson.class);
    r.get(BASE + "/snapshots", this::listSnapshots)
        .summary("The roadmap's snapshots, newest first")
        .tag(TAG)
        .returnsList(SnapshotJson.class);
    r.get(BASE + "/snapshots/{id}", this::snapshot)
        .summary("A snapshot with its entries")
        .tag(TAG)
        .returns(200, SnapshotJson.class);
    r.get(BASE + "/snapshots/{id}/diff", this::diff)
        .summary("What changed on the roadmap since a snapshot")
        .description(
            "added and removed entries; moved: the horizon or a date changed (before and after);"
                + " release_changed: the release changed. An entry may be in both.")
        .tag(TAG)
        .returns(200, DiffJson.class);
    r.get(BASE + "/export", this::export)
        .summary("The roadmap as CSV, or its timeline as an SVG or PNG image")
        .description(
            "format=csv answers text/csv with one row per entry (key, title, type, horizon, start,"
                + " end, release, team, public); svg answers image/svg+xml and png image/png of"
                + " the timeline. Takes the scale, lane and filters of GET .../roadmaps.")
        .tag(TAG)
        .query("format", "csv, svg or png")
        .query("scale", "month (default) or quarter")
        .query("lane", "team (default), objective, theme or tag")
        .query("type", "only work items of this type")
        .query("team", "only entries of this team")
        .query("tag", "only entries with this tag")
        .query("state", "only entries in this workflow state")
        .query("public", "true: only public entries")
        .returns(200, String.class);
  }

  static RoadmapFilter filter(Context ctx) {
    return new RoadmapFilter(
        ctx.queryParam("type"),
        ctx.queryParam("team"),
        ctx.queryParam("tag"),
        ctx.queryParam("state"),
        Requests.flag(ctx, "public"));
  }

  private void roadmap(Context ctx) {
    String view = ctx.queryParam("view");
    RoadmapFilter filter = filter(ctx);
    String product = ctx.pathParam("product");
    if ("timeline".equals(view)) {
      RoadmapService.TimelineView t =
          roadmaps.timeline(
              Requests.user(ctx),
              product,
              filter,
              Scale.parse("scale", ctx.queryParam("scale")),
              Lane.parse("lane", ctx.queryParam("lane")));
      List<LaneJson> lanes = new ArrayList<>();
      for (TimelineLayout.Lane l : t.timeline().lanes()) {
        lanes.add(
            new LaneJson(
                l.label(),
                t.timeline().boxes().stream()
                    .filter(b -> b.lane().equals(l.label()))
                    .map(TimelineLayout.Box::key)
                    .toList()));
      }
      TimelineJson timeline =
          new TimelineJson(
              t.timeline().scale().id(),
              t.lane().id(),
              t.timeline().from(),
              t.timeline().to(),
              t.timeline().ticks().stream().map(k -> new PeriodJson(k.label(), k.start())).toList(),
              lanes,
              t.undated());
      ctx.json(json(t.roadmap(), "timeline", null, timeline));
      return;
    }
    if (view != null && !view.isBlank() && !"now-next-later".equals(view)) {
      throw Invalid.field("view", "must be now-next-later or timeline");
    }
    RoadmapService.Roadmap roadmap = roadmaps.roadmap(Requests.user(ctx), product, filter);
    List<ColumnJson> columns = new ArrayList<>();
    for (Horizon h : Horizon.values()) {
      columns.add(
          new ColumnJson(
              h.id(), h.label(), roadmap.in(h).stream().map(RoadmapEntry::key).toList()));
    }
    ctx.json(json(roadmap, "now-next-later", columns, null));
  }

  private static RoadmapJson json(
      RoadmapService.Roadmap r, String view, List<ColumnJson> columns, TimelineJson timeline) {
    return new RoadmapJson(
        r.product().id(),
        view,
        r.total(),
        r.entries().stream().map(EntryJson::of).toList(),
        columns,
        timeline,
        r.warnings().stream().map(WarningJson::of).toList());
  }

  private static Long ifMatch(Context ctx) {
    return ctx.header("If-Match") == null ? null : Requests.expectedVersion(ctx);
  }

  private void entry(Context ctx) {
    RoadmapEntry e =
        roadmaps.entry(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("key"));
    Requests.etag(ctx, e.version());
    ctx.json(EntryJson.of(e));
  }

  private void schedule(Context ctx) {
    ScheduleJson in = Requests.body(ctx, json, ScheduleJson.class);
    RoadmapService.Scheduled s =
        roadmaps.schedule(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.pathParam("key"),
            ifMatch(ctx),
            new RoadmapService.ScheduleInput(
                in.horizon(),
                in.startDate(),
                in.endDate(),
                in.release(),
                in.team(),
                in.isPublic()));
    Requests.etag(ctx, s.entry().version());
    ctx.json(
        new ScheduledJson(
            EntryJson.of(s.entry()),
            s.created(),
            s.warnings().stream().map(WarningJson::of).toList()));
  }

  private void remove(Context ctx) {
    roadmaps.remove(
        Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("key"), ifMatch(ctx));
    ctx.status(204);
  }

  private void saveSnapshot(Context ctx) {
    SnapshotInput in = Requests.body(ctx, json, SnapshotInput.class);
    SnapshotService.Info info =
        snapshots.save(Requests.user(ctx), ctx.pathParam("product"), in.name());
    ctx.header(
        "Location",
        "/api/v1/products/" + ctx.pathParam("product") + "/roadmaps/snapshots/" + info.id());
    ctx.status(201).json(SnapshotJson.of(info, null));
  }

  private void listSnapshots(Context ctx) {
    List<SnapshotJson> all =
        snapshots.list(Requests.user(ctx), ctx.pathParam("product")).stream()
            .map(i -> SnapshotJson.of(i, null))
            .toList();
    ctx.json(new ListJson<>(all, all.size(), null));
  }

  private void snapshot(Context ctx) {
    SnapshotService.Snapshot s =
        snapshots.get(Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "id"));
    ctx.json(SnapshotJson.of(s.info(), s.entries()));
  }

  private void diff(Context ctx) {
    SnapshotService.Diff d =
        snapshots.diff(Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "id"));
    SnapshotDiff.Result c = d.changes();
    ctx.json(
        new DiffJson(
            SnapshotJson.of(d.since(), null),
            c.added().stream().map(SnapshotEntryJson::of).toList(),
            c.removed().stream().map(SnapshotEntryJson::of).toList(),
            c.moved().stream().map(RoadmapApi::change).toList(),
            c.releaseChanged().stream().map(RoadmapApi::change).toList(),
            c.unchanged()));
  }

  private static ChangeJson change(SnapshotDiff.Move m) {
    return new ChangeJson(
        m.key(), SnapshotEntryJson.of(m.before()), SnapshotEntryJson.of(m.after()));
  }

  private void export(Context ctx) {
    RoadmapExport.Format format = RoadmapExport.Format.parse(ctx.queryParam("format"));
    RoadmapService.TimelineView t =
        roadmaps.timeline(
            Requests.user(ctx),
            ctx.pathParam("product"),
            filter(ctx),
            Scale.parse("scale", ctx.queryParam("scale")),
            Lane.parse("lane", ctx.queryParam("lane")));
    send(ctx, RoadmapExport.file(format, t, t.roadmap().product().product().slug() + "-roadmap"));
  }

  /** Sends an export as a download; an SVG may draw and nothing else. */
  static void send(Context ctx, RoadmapExport.File file) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
    if (file.contentType().startsWith("image/svg+xml")) {
      ctx.header(
          "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; sandbox");
    }
    ctx.contentType(file.contentType()).result(file.bytes());
  }
}
