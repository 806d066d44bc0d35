package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.javalin.http.Context;
import java.util.List;

/**
 * Stand-ups in the browser: a team's day (today by default) with the summary for the PM on top, the
 * reader's own entry to write or change, everyone's entries, and blockers to resolve.
 */
public final class StandupRoutes implements Routes {
  private final StandupService standups;
  private final Html html;

  public StandupRoutes(StandupService standups, Html html) {
    this.standups = standups;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/teams/{team}/standups", ctx -> show(ctx, ctx.queryParam("day"), Form.EMPTY));
    r.postPage("/w/{ws}/teams/{team}/standups", this::save);
    r.postPage("/w/{ws}/teams/{team}/standups/blockers/{blocker}/resolve", this::resolve);
  }

  static Shell shell(Html html, Context ctx, TeamScope s, String section, String title) {
    String slug = s.ws().workspace().slug();
    return html.shells()
        .workspace(
            ctx,
            s.ws(),
            "teams",
            title + " · " + s.team().name(),
            List.of(
                new Shell.Crumb(s.ws().workspace().name(), "/w/" + slug),
                new Shell.Crumb("Teams", "/w/" + slug + "/teams"),
                new Shell.Crumb(s.team().name(), "/w/" + slug + "/teams/" + s.team().slug()),
                new Shell.Crumb(section, null)));
  }

  private void show(Context ctx, String day, Form form) {
    StandupService.Day d =
        standups.day(Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"), day);
    Form f = form;
    if (!form.hasErrors() && d.mine() != null) {
      f =
          Form.of(
              "yesterday", d.mine().yesterday(),
              "today", d.mine().today(),
              "blockers", d.mine().blockerLines());
    }
    html.page(
        ctx,
        "delivery/ceremonies/standups.jte",
        shell(html, ctx, d.scope(), "Stand-ups", "Stand-up " + d.day()),
        "day",
        d,
        "form",
        f);
  }

  private void save(Context ctx) {
    User user = Requests.user(ctx);
    String ws = ctx.pathParam("ws");
    String team = ctx.pathParam("team");
    String day = Requests.form(ctx, "day");
    EntryDraft draft =
        new EntryDraft(
            ctx.formParam("yesterday"),
            ctx.formParam("today"),
            EntryDraft.lines(ctx.formParam("blockers")));
    try {
      String entry = Requests.form(ctx, "entry");
      if (entry == null || entry.isEmpty()) {
        standups.write(user, ws, team, day, draft);
        Flashes.success(ctx, "Posted your stand-up.");
      } else {
        long version = version(ctx);
        standups.update(user, ws, team, parse(entry), version, draft);
        Flashes.success(ctx, "Saved your stand-up.");
      }
      ctx.redirect(base(ctx) + "/standups?day=" + day);
    } catch (Invalid e) {
      ctx.status(422);
      show(ctx, day, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      show(ctx, day, Form.refused(ctx, e.getMessage()));
    }
  }

  private void resolve(Context ctx) {
    String day = Requests.form(ctx, "day");
    try {
      Blocker b =
          standups.resolve(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              ctx.pathParam("team"),
              Requests.idParam(ctx, "blocker"),
              version(ctx));
      Flashes.success(ctx, "Resolved “" + b.text() + "”.");
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage());
    }
    ctx.redirect(base(ctx) + "/standups" + (day == null || day.isEmpty() ? "" : "?day=" + day));
  }

  static String base(Context ctx) {
    return "/w/" + ctx.pathParam("ws") + "/teams/" + ctx.pathParam("team");
  }

  static long version(Context ctx) {
    return parse(Requests.form(ctx, "version"));
  }

  static long parse(String text) {
    try {
      return Long.parseLong(String.valueOf(text).strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }
}
