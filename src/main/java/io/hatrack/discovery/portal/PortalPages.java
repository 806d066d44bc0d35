package io.hatrack.discovery.portal;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * The public feedback portal at {@code /p/{product}/feedback}: no sign-in, no app around it. The
 * idea list (top or newest, by status), an idea with its comments, the form to post an idea, and
 * the buttons to vote, withdraw a vote and comment; the verification link of the mail ends here
 * too. Every form carries a CSRF token bound to the browser, user-written text is escaped by the
 * templates, and refusals re-render the page: 422 with the message by the field, 409 for a repeated
 * vote, 429 with Retry-After when a limit is reached. Actions redirect (post, redirect, get).
 */
public final class PortalPages implements Routes {
  private static final String BASE = "/p/{product}/feedback";
  private static final int PAGE = 30;

  private final PortalService portal;
  private final VisitorCookie cookie;
  private final Html html;

  PortalPages(PortalService portal, VisitorCookie cookie, Html html) {
    this.portal = portal;
    this.cookie = cookie;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::board);
    r.postPage(BASE, this::post);
    r.getPage(BASE + "/new", this::newForm);
    r.getPage(BASE + "/verify", this::verify);
    r.postPage(BASE + "/forget", this::forget);
    r.getPage(BASE + "/{id}", this::idea);
    r.postPage(BASE + "/{id}/vote", this::vote);
    r.postPage(BASE + "/{id}/unvote", this::unvote);
    r.postPage(BASE + "/{id}/comments", this::comment);
  }

  private Visitor visitor(Context ctx) {
    return Visitor.of(Requests.userOrNull(ctx), cookie.email(ctx));
  }

  private static String slug(Context ctx) {
    return ctx.pathParam("product");
  }

  private static String base(Context ctx) {
    return PortalService.path(slug(ctx));
  }

  private static long id(Context ctx) {
    return Requests.idParam(ctx, "id");
  }

  private Shell shell(Context ctx, String title) {
    ctx.header("X-Robots-Tag", "noindex");
    return html.shells().anonymous(ctx, title);
  }

  // ---- The list ---------------------------------------------------------------------------------

  private void board(Context ctx) {
    PortalStore.Order order =
        "new".equals(ctx.queryParam("sort")) ? PortalStore.Order.NEW : PortalStore.Order.TOP;
    IdeaStatus status = IdeaStatus.parse(ctx.queryParam("status")).orElse(null);
    int offset = (int) Math.min(10_000, Math.max(0, Requests.longQuery(ctx, "offset")));
    Visitor visitor = visitor(ctx);
    PortalService.Board board = portal.board(slug(ctx), visitor, order, status, offset, PAGE);
    html.page(
        ctx,
        "discovery/portal/board.jte",
        shell(ctx, "Ideas \u00b7 " + board.product().name()),
        "board",
        board,
        "visitor",
        visitor,
        "base",
        base(ctx));
  }

  // ---- Posting an idea --------------------------------------------------------------------------

  private void newForm(Context ctx) {
    renderForm(ctx, Map.of(), null, null);
  }

  private void renderForm(
      Context ctx, Map<String, String> values, Invalid refused, String message) {
    Visitor visitor = visitor(ctx);
    PortalService.Board board = portal.board(slug(ctx), visitor, PortalStore.Order.TOP, null, 0, 1);
    html.page(
        ctx,
        "discovery/portal/new.jte",
        shell(ctx, "Post an idea \u00b7 " + board.product().name()),
        "product",
        board.product(),
        "visitor",
        visitor,
        "base",
        base(ctx),
        "values",
        values,
        "refused",
        refused,
        "message",
        message);
  }

  private void post(Context ctx) {
    Map<String, String> values =
        Map.of(
            "title", orEmpty(ctx.formParam("title")),
            "description", orEmpty(ctx.formParam("description")),
            "name", orEmpty(ctx.formParam("name")),
            "email", orEmpty(ctx.formParam("email")));
    try {
      PortalService.Outcome done =
          portal.post(
              slug(ctx),
              visitor(ctx),
              new IdeaDraft(
                  values.get("title"),
                  values.get("description"),
                  values.get("name"),
                  values.get("email")),
              Requests.client(ctx));
      Flashes.success(ctx, done.message());
      ctx.redirect(
          done.waiting() ? base(ctx) + "?sent=1" : base(ctx) + "/" + done.idea().id(),
          HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      ctx.status(422);
      renderForm(ctx, values, e, null);
    } catch (RateLimited e) {
      limited(ctx, e);
      renderForm(ctx, values, null, e.getMessage());
    }
  }

  // ---- An idea ----------------------------------------------------------------------------------

  private void idea(Context ctx) {
    renderIdea(ctx, null, null, Map.of());
  }

  private void renderIdea(
      Context ctx, String message, Invalid refused, Map<String, String> values) {
    Visitor visitor = visitor(ctx);
    PortalService.IdeaPage page = portal.idea(slug(ctx), id(ctx), visitor);
    if (page.movedTo() != null) {
      ctx.redirect(base(ctx) + "/" + page.movedTo(), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    html.page(
        ctx,
        "discovery/portal/idea.jte",
        shell(ctx, page.idea().title() + " \u00b7 " + page.product().name()),
        "page",
        page,
        "visitor",
        visitor,
        "base",
        base(ctx),
        "message",
        message,
        "refused",
        refused,
        "values",
        values);
  }

  private void vote(Context ctx) {
    String email = orEmpty(ctx.formParam("email"));
    act(
        ctx,
        Map.of("email", email),
        () -> portal.vote(slug(ctx), id(ctx), visitor(ctx), email, Requests.client(ctx)));
  }

  private void unvote(Context ctx) {
    act(
        ctx,
        Map.of(),
        () -> portal.withdraw(slug(ctx), id(ctx), visitor(ctx), Requests.client(ctx)));
  }

  private void comment(Context ctx) {
    Map<String, String> values =
        Map.of(
            "body", orEmpty(ctx.formParam("body")),
            "name", orEmpty(ctx.formParam("name")),
            "comment_email", orEmpty(ctx.formParam("email")));
    act(
        ctx,
        values,
        () ->
            portal.comment(
                slug(ctx),
                id(ctx),
                visitor(ctx),
                new CommentDraft(
                    values.get("body"), values.get("name"), values.get("comment_email")),
                Requests.client(ctx)));
  }

  /** Runs an action on the idea page: redirect back with its message, or show why not. */
  private void act(
      Context ctx,
      Map<String, String> values,
      java.util.function.Supplier<PortalService.Outcome> action) {
    try {
      PortalService.Outcome done = action.get();
      Flashes.success(ctx, done.message());
      ctx.redirect(
          base(ctx) + "/" + id(ctx) + (done.waiting() ? "?sent=1" : ""), HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      ctx.status(422);
      renderIdea(ctx, null, e, values);
    } catch (RateLimited e) {
      limited(ctx, e);
      renderIdea(ctx, e.getMessage(), null, values);
    } catch (Conflict e) {
      ctx.status(409);
      renderIdea(ctx, e.getMessage(), null, values);
    }
  }

  // ---- Verification -----------------------------------------------------------------------------

  private void verify(Context ctx) {
    try {
      PortalService.Verified done = portal.verify(slug(ctx), ctx.queryParam("t"));
      cookie.remember(ctx, done.email());
      Flashes.success(ctx, done.outcome().message());
      ctx.redirect(base(ctx) + "/" + done.outcome().idea().id(), HttpStatus.SEE_OTHER);
    } catch (Conflict | NotFound e) {
      ctx.status(e instanceof Conflict ? 409 : 404);
      PortalService.Board board =
          portal.board(slug(ctx), visitor(ctx), PortalStore.Order.TOP, null, 0, 1);
      html.page(
          ctx,
          "discovery/portal/link.jte",
          shell(ctx, "Link not valid \u00b7 " + board.product().name()),
          "product",
          board.product(),
          "base",
          base(ctx),
          "message",
          e instanceof Conflict
              ? e.getMessage()
              : "This link is not one we sent, or it was cut short by your mail program. Copy the"
                  + " whole link from the mail, or try again to get a new one.");
    }
  }

  private void forget(Context ctx) {
    cookie.forget(ctx);
    Flashes.success(ctx, "This browser no longer remembers your e-mail address.");
    ctx.redirect(base(ctx), HttpStatus.SEE_OTHER);
  }

  private static void limited(Context ctx, RateLimited e) {
    ctx.status(429);
    ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
