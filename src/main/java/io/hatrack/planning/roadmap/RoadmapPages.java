package io.hatrack.planning.roadmap;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.planning.roadmap.TimelineLayout.Scale;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The roadmap hat's pages: Now/Next/Later columns (drag a card to another column), the timeline
 * (drag a bar to reschedule, or edit its dates), an item's entry form, adding items from the
 * product's work items, snapshots with "what changed since", and the exports. The drags post to
 * small endpoints that answer plain text (the dependency warnings, or why the move was refused) so
 * that the page's script can show it and roll a refused move back.
 */
public final class RoadmapPages implements Routes {
  static final String BASE = "/w/{ws}/{product}/roadmap";

  private final RoadmapService roadmaps;
  private final SnapshotService snapshots;
  private final ProductService products;
  private final Html html;

  public RoadmapPages(
      RoadmapService roadmaps, SnapshotService snapshots, ProductService products, Html html) {
    this.roadmaps = roadmaps;
    this.snapshots = snapshots;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, ctx -> board(ctx, Form.EMPTY));
    r.getPage(BASE + "/timeline", this::timeline);
    r.getPage(BASE + "/export", this::export);
    r.postPage(BASE + "/items", this::add);
    r.getPage(BASE + "/items/{key}", ctx -> edit(ctx, null));
    r.postPage(BASE + "/items/{key}", this::save);
    r.postPage(BASE + "/items/{key}/move", this::move);
    r.postPage(BASE + "/items/{key}/dates", this::dates);
    r.postPage(BASE + "/items/{key}/remove", this::remove);
    r.getPage(BASE + "/snapshots", ctx -> snapshotList(ctx, Form.EMPTY));
    r.postPage(BASE + "/snapshots", this::saveSnapshot);
    r.getPage(BASE + "/snapshots/{id}", this::diff);
  }

  static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/roadmap";
  }

  private static String ref(ProductAccess product) {
    return Long.toString(product.id());
  }

  private Shell shell(Context ctx, ProductAccess product, String title, String tab) {
    List<Shell.Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Shell.Crumb("Roadmap", tab == null ? null : base(product)));
    if (tab != null) {
      crumbs.add(new Shell.Crumb(tab, null));
    }
    return html.shells().product(ctx, product, "roadmap", title, crumbs);
  }

  // ---- Now / Next / Later -----------------------------------------------------------------------

  private void board(Context ctx, Form form) {
    ProductAccess product = Requests.product(ctx, products);
    RoadmapFilter filter = RoadmapApi.filter(ctx);
    RoadmapService.Roadmap roadmap = roadmaps.roadmap(Requests.user(ctx), ref(product), filter);
    html.page(
        ctx,
        "roadmap/board.jte",
        shell(ctx, product, "Roadmap", null),
        "roadmap",
        roadmap,
        "base",
        base(product),
        "candidates",
        roadmap.canEdit() ? roadmaps.candidates(Requests.user(ctx), ref(product)) : List.of(),
        "form",
        form);
  }

  private void add(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String item = Requests.form(ctx, "item");
    try {
      if (item == null || item.isBlank()) {
        throw Invalid.field("item", "must be chosen");
      }
      RoadmapService.Scheduled s =
          roadmaps.schedule(Requests.user(ctx), ref(product), item, null, input(ctx));
      flash(
          ctx,
          "Put " + s.entry().key() + " on the roadmap (" + s.entry().horizon().label() + ").",
          s);
      ctx.redirect(base(product), HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      ctx.status(422);
      board(ctx, Form.refused(ctx, e));
    } catch (NotFound e) {
      ctx.status(422);
      board(ctx, Form.refused(ctx, Invalid.field("item", "is not a work item of this product")));
    } catch (Conflict e) {
      ctx.status(409);
      board(ctx, Form.refused(ctx, e.getMessage()));
    }
  }

  private static RoadmapService.ScheduleInput input(Context ctx) {
    return new RoadmapService.ScheduleInput(
        Requests.form(ctx, "horizon"),
        Requests.form(ctx, "start_date"),
        Requests.form(ctx, "end_date"),
        Requests.form(ctx, "release"),
        Requests.form(ctx, "team"),
        "on".equals(ctx.formParam("public")) || "true".equals(ctx.formParam("public")));
  }

  private static void flash(Context ctx, String done, RoadmapService.Scheduled s) {
    if (s.warnings().isEmpty()) {
      Flashes.success(ctx, done);
    } else {
      StringBuilder m = new StringBuilder(done).append(" Saved, but mind the dependencies:");
      s.warnings().forEach(w -> m.append(' ').append(w.message()));
      Flashes.error(ctx, m.toString());
    }
  }

  // ---- An entry ---------------------------------------------------------------------------------

  private void edit(Context ctx, Form refused) {
    ProductAccess product = Requests.product(ctx, products);
    RoadmapEntry e = roadmaps.entry(Requests.user(ctx), ref(product), ctx.pathParam("key"));
    Form form =
        refused != null
            ? refused
            : Form.of(
                "horizon", e.horizonSet() ? e.horizon().id() : "",
                "start_date", e.start() == null ? "" : e.start().toString(),
                "end_date", e.end() == null ? "" : e.end().toString(),
                "release", e.release(),
                "team", e.teamId() == null ? "" : Long.toString(e.teamId()),
                "public", e.isPublic() ? "on" : "",
                "version", Long.toString(e.version()));
    html.page(
        ctx,
        "roadmap/entry.jte",
        shell(ctx, product, e.key() + " on the roadmap", e.key()),
        "entry",
        e,
        "teams",
        roadmaps.teams(Requests.user(ctx), ref(product)),
        "base",
        base(product),
        "back",
        back(ctx, product),
        "form",
        form);
  }

  /** Where a form goes back to: the timeline when it came from there, else the board. */
  private static String back(Context ctx, ProductAccess product) {
    String from = ctx.queryParam("from");
    if (from == null) {
      from = ctx.formParam("from");
    }
    return "timeline".equals(from) ? base(product) + "/timeline" : base(product);
  }

  private void save(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    try {
      RoadmapService.Scheduled s =
          roadmaps.schedule(
              Requests.user(ctx), ref(product), ctx.pathParam("key"), version(ctx), input(ctx));
      flash(ctx, "Saved " + s.entry().key() + ": " + s.entry().snapshot().place() + ".", s);
      ctx.redirect(back(ctx, product), HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      ctx.status(422);
      edit(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      edit(
          ctx,
          Form.refused(
              ctx,
              e.getMessage()
                  + " Reload the page to see the entry as it is now, then redo your change."));
    }
  }

  private static Long version(Context ctx) {
    String v = Requests.form(ctx, "version");
    try {
      return v == null || v.isBlank() ? null : Long.valueOf(v);
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "must be the version the page showed");
    }
  }

  private void remove(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String key = ctx.pathParam("key");
    try {
      roadmaps.remove(Requests.user(ctx), ref(product), key, version(ctx));
      Flashes.success(ctx, "Took " + key + " off the roadmap; the work item itself is unchanged.");
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage() + " Nothing was removed; reload and try again.");
    }
    ctx.redirect(back(ctx, product), HttpStatus.SEE_OTHER);
  }

  // ---- Drags (the page's script) ----------------------------------------------------------------

  private void move(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    answer(
        ctx,
        () ->
            roadmaps.move(
                Requests.user(ctx),
                ref(product),
                ctx.pathParam("key"),
                version(ctx),
                Requests.form(ctx, "horizon")));
  }

  private void dates(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    answer(
        ctx,
        () ->
            roadmaps.reschedule(
                Requests.user(ctx),
                ref(product),
                ctx.pathParam("key"),
                version(ctx),
                Requests.form(ctx, "start_date"),
                Requests.form(ctx, "end_date")));
  }

  /**
   * Runs a drag's change and answers plain text: 200 with the dependency warnings (empty when none)
   * and the entry's new version in {@code X-Item-Version}, or the status and reason of a refusal.
   */
  private static void answer(
      Context ctx, java.util.function.Supplier<RoadmapService.Scheduled> change) {
    try {
      RoadmapService.Scheduled s = change.get();
      ctx.header("X-Item-Version", Long.toString(s.entry().version()));
      StringBuilder text = new StringBuilder();
      s.warnings().forEach(w -> text.append(text.length() == 0 ? "" : " ").append(w.message()));
      ctx.contentType("text/plain; charset=utf-8").result(text.toString());
    } catch (Invalid e) {
      StringBuilder text = new StringBuilder("Not moved:");
      e.errors()
          .forEach(
              f -> text.append(' ').append(f.field()).append(' ').append(f.reason()).append('.'));
      ctx.status(422).contentType("text/plain; charset=utf-8").result(text.toString());
    } catch (Conflict e) {
      ctx.status(409)
          .contentType("text/plain; charset=utf-8")
          .result(e.getMessage() + ". Reload the page to see the roadmap as it is now.");
    } catch (Forbidden | NotFound e) {
      ctx.status(e instanceof Forbidden ? 403 : 404)
          .contentType("text/plain; charset=utf-8")
          .result(e.getMessage());
    }
  }

  // ---- Timeline and exports ---------------------------------------------------------------------

  private void timeline(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Scale scale = Scale.parse("scale", ctx.queryParam("scale"));
    Lane lane = Lane.parse("lane", ctx.queryParam("lane"));
    RoadmapService.TimelineView view =
        roadmaps.timeline(Requests.user(ctx), ref(product), RoadmapApi.filter(ctx), scale, lane);
    String title =
        product.product().name() + " roadmap by " + lane.label().toLowerCase(java.util.Locale.ROOT);
    html.page(
        ctx,
        "roadmap/timeline.jte",
        shell(ctx, product, "Timeline", "Timeline"),
        "view",
        view,
        "svg",
        TimelineSvg.forPage(view.timeline(), title),
        "base",
        base(product));
  }

  private void export(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    RoadmapExport.Format format = RoadmapExport.Format.parse(ctx.queryParam("format"));
    RoadmapService.TimelineView view =
        roadmaps.timeline(
            Requests.user(ctx),
            ref(product),
            RoadmapApi.filter(ctx),
            Scale.parse("scale", ctx.queryParam("scale")),
            Lane.parse("lane", ctx.queryParam("lane")));
    RoadmapApi.send(ctx, RoadmapExport.file(format, view, product.product().slug() + "-roadmap"));
  }

  // ---- Snapshots --------------------------------------------------------------------------------

  private void snapshotList(Context ctx, Form form) {
    ProductAccess product = Requests.product(ctx, products);
    html.page(
        ctx,
        "roadmap/snapshots.jte",
        shell(ctx, product, "Roadmap snapshots", "Snapshots"),
        "product",
        product,
        "snapshots",
        snapshots.list(Requests.user(ctx), ref(product)),
        "base",
        base(product),
        "form",
        form);
  }

  private void saveSnapshot(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    try {
      SnapshotService.Info info =
          snapshots.save(Requests.user(ctx), ref(product), Requests.form(ctx, "name"));
      Flashes.success(
          ctx,
          "Saved the snapshot \u201c" + info.name() + "\u201d of " + info.entries() + " entries.");
      ctx.redirect(base(product) + "/snapshots", HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      ctx.status(422);
      snapshotList(ctx, Form.refused(ctx, e));
    }
  }

  private void diff(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    SnapshotService.Diff diff =
        snapshots.diff(Requests.user(ctx), ref(product), Requests.idParam(ctx, "id"));
    html.page(
        ctx,
        "roadmap/diff.jte",
        shell(ctx, product, "Changes since " + diff.since().name(), "Snapshots"),
        "diff",
        diff,
        "base",
        base(product));
  }
}
