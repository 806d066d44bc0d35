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
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrospectives in the browser: a team's retros with their open action items, and one retro as a
 * board of columns where cards are written, grouped and voted on (with htmx, the board alone is
 * swapped; without it, the page reloads), and action items agreed or marked done.
 */
public final class RetroRoutes implements Routes {
  private static final String ONE = "/w/{ws}/teams/{team}/retros/{retro}";

  private final RetroService retros;
  private final WorkspaceService workspaces;
  private final Html html;

  public RetroRoutes(RetroService retros, WorkspaceService workspaces, Html html) {
    this.retros = retros;
    this.workspaces = workspaces;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/teams/{team}/retros", ctx -> list(ctx, Form.EMPTY));
    r.postPage("/w/{ws}/teams/{team}/retros", this::create);
    r.getPage(ONE, ctx -> show(ctx, null, Form.EMPTY));
    r.postPage(ONE + "/phase", this::phase);
    r.postPage(ONE + "/delete", this::delete);
    r.postPage(ONE + "/cards", this::addCard);
    r.postPage(ONE + "/cards/{card}/vote", this::vote);
    r.postPage(ONE + "/cards/{card}/delete", this::deleteCard);
    r.postPage(ONE + "/groups", this::group);
    r.postPage(ONE + "/groups/{group}/delete", this::ungroup);
    r.postPage(ONE + "/actions", this::addAction);
    r.postPage(ONE + "/actions/{action}/done", this::done);
  }

  private static String ws(Context ctx) {
    return ctx.pathParam("ws");
  }

  private static String team(Context ctx) {
    return ctx.pathParam("team");
  }

  private static long id(Context ctx) {
    return Requests.idParam(ctx, "retro");
  }

  private static String here(Context ctx) {
    return StandupRoutes.base(ctx) + "/retros/" + ctx.pathParam("retro");
  }

  private void list(Context ctx, Form form) {
    RetroService.Listing l = retros.list(Requests.user(ctx), ws(ctx), team(ctx));
    html.page(
        ctx,
        "delivery/ceremonies/retros.jte",
        StandupRoutes.shell(html, ctx, l.scope(), "Retrospectives", "Retrospectives"),
        "listing",
        l,
        "form",
        form);
  }

  private void create(Context ctx) {
    List<String> columns = new ArrayList<>();
    for (String line : EntryDraft.lines(ctx.formParam("columns"))) {
      columns.add(line);
    }
    Integer budget;
    try {
      String b = Requests.form(ctx, "vote_budget");
      budget = b == null || b.isEmpty() ? null : Integer.valueOf(b);
    } catch (NumberFormatException e) {
      budget = -1;
    }
    try {
      Retro made =
          retros.create(
              Requests.user(ctx),
              ws(ctx),
              team(ctx),
              new RetroDraft(
                  ctx.formParam("day"),
                  ctx.formParam("title"),
                  ctx.formParam("format"),
                  columns,
                  "on".equals(ctx.formParam("anonymous")),
                  budget));
      Flashes.success(ctx, "Started the retrospective; everyone can add cards now.");
      ctx.redirect(StandupRoutes.base(ctx) + "/retros/" + made.id());
    } catch (Invalid e) {
      ctx.status(422);
      list(ctx, Form.refused(ctx, e));
    }
  }

  private void show(Context ctx, String which, Form form) {
    User user = Requests.user(ctx);
    RetroService.Board b = retros.board(user, ws(ctx), team(ctx), id(ctx));
    html.page(
        ctx,
        "delivery/ceremonies/retro.jte",
        StandupRoutes.shell(html, ctx, b.scope(), "Retrospectives", b.retro().title()),
        "board",
        b,
        "members",
        workspaces.members(b.scope().ws()),
        "which",
        which,
        "form",
        form);
  }

  /** After a change: the board again for htmx (which swaps the board alone), else a redirect. */
  private void done(Context ctx, String message) {
    if (Requests.isHtmx(ctx)) {
      show(ctx, null, Form.EMPTY);
    } else {
      Flashes.success(ctx, message);
      ctx.redirect(here(ctx));
    }
  }

  private void refused(Context ctx, String which, Exception e) {
    if (Requests.isHtmx(ctx) && e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Invalid invalid) {
      ctx.status(422);
      show(ctx, which, Form.refused(ctx, invalid));
    } else {
      ctx.status(409);
      show(ctx, which, Form.refused(ctx, e.getMessage()));
    }
  }

  private void phase(Context ctx) {
    try {
      retros.update(
          Requests.user(ctx),
          ws(ctx),
          team(ctx),
          id(ctx),
          StandupRoutes.version(ctx),
          null,
          ctx.formParam("phase"),
          null);
      done(ctx, "Moved on to the next phase.");
    } catch (Invalid | Conflict e) {
      refused(ctx, "phase", e);
    }
  }

  private void delete(Context ctx) {
    retros.delete(Requests.user(ctx), ws(ctx), team(ctx), id(ctx), StandupRoutes.version(ctx));
    Flashes.success(ctx, "Deleted the retrospective.");
    ctx.redirect(StandupRoutes.base(ctx) + "/retros");
  }

  private void addCard(Context ctx) {
    try {
      retros.addCard(
          Requests.user(ctx),
          ws(ctx),
          team(ctx),
          id(ctx),
          ctx.formParam("column"),
          ctx.formParam("text"));
      done(ctx, "Added the card.");
    } catch (Invalid e) {
      refused(ctx, "card-" + ctx.formParam("column"), e);
    }
  }

  private void vote(Context ctx) {
    int votes;
    try {
      votes = Integer.parseInt(String.valueOf(ctx.formParam("votes")).strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("votes", "must be a whole number");
    }
    try {
      retros.vote(
          Requests.user(ctx), ws(ctx), team(ctx), id(ctx), Requests.idParam(ctx, "card"), votes);
      done(ctx, "Saved your vote.");
    } catch (Invalid e) {
      refused(ctx, "votes", e);
    }
  }

  private void deleteCard(Context ctx) {
    retros.deleteCard(
        Requests.user(ctx),
        ws(ctx),
        team(ctx),
        id(ctx),
        Requests.idParam(ctx, "card"),
        StandupRoutes.version(ctx));
    done(ctx, "Deleted the card.");
  }

  private void group(Context ctx) {
    List<Long> cards = new ArrayList<>();
    for (String c : ctx.formParams("cards")) {
      try {
        cards.add(Long.parseLong(c.strip()));
      } catch (NumberFormatException e) {
        throw Invalid.field("cards", "must be card ids");
      }
    }
    try {
      retros.group(Requests.user(ctx), ws(ctx), team(ctx), id(ctx), ctx.formParam("title"), cards);
      done(ctx, "Grouped the cards.");
    } catch (Invalid e) {
      refused(ctx, "group", e);
    }
  }

  private void ungroup(Context ctx) {
    retros.deleteGroup(
        Requests.user(ctx), ws(ctx), team(ctx), id(ctx), Requests.idParam(ctx, "group"));
    done(ctx, "Ungrouped the cards.");
  }

  private void addAction(Context ctx) {
    try {
      retros.addAction(
          Requests.user(ctx),
          ws(ctx),
          team(ctx),
          id(ctx),
          new RetroService.ActionInput(
              ctx.formParam("text"), ctx.formParam("owner"), ctx.formParam("due"), null));
      done(ctx, "Added the action item.");
    } catch (Invalid e) {
      refused(ctx, "action", e);
    }
  }

  private void done(Context ctx) {
    try {
      retros.updateAction(
          Requests.user(ctx),
          ws(ctx),
          team(ctx),
          id(ctx),
          Requests.idParam(ctx, "action"),
          StandupRoutes.version(ctx),
          new RetroService.ActionInput(null, null, null, !"false".equals(ctx.formParam("done"))));
      done(ctx, "Saved the action item.");
    } catch (Conflict e) {
      refused(ctx, "action", e);
    }
  }
}
