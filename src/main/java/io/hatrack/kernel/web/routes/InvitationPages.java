package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.SessionService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Authentication;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;

/**
 * Invitation links: someone signed in joins with one click; someone new creates an account on the
 * spot and joins.
 */
public final class InvitationPages implements Routes {
  private final WorkspaceService workspaces;
  private final AccountService accounts;
  private final SessionService sessions;
  private final Authentication authentication;
  private final Html html;

  public InvitationPages(
      WorkspaceService workspaces,
      AccountService accounts,
      SessionService sessions,
      Authentication authentication,
      Html html) {
    this.workspaces = workspaces;
    this.accounts = accounts;
    this.sessions = sessions;
    this.authentication = authentication;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/invite/{secret}", ctx -> show(ctx, null));
    r.postPage("/invite/{secret}", this::accept);
  }

  private void show(Context ctx, Form form) {
    var view = workspaces.invitation(ctx.pathParam("secret"));
    Form shown =
        form != null
            ? form
            : Form.of("email", view.invitation().email() == null ? "" : view.invitation().email());
    html.page(
        ctx,
        "auth/invite.jte",
        html.shells().anonymous(ctx, "Join " + view.workspace().name()),
        "view",
        view,
        "form",
        shown,
        "secret",
        ctx.pathParam("secret"));
  }

  private void accept(Context ctx) {
    String secret = ctx.pathParam("secret");
    User user = Requests.userOrNull(ctx);
    try {
      if (user == null) {
        workspaces.invitation(secret);
        if (!String.valueOf(ctx.formParam("password")).equals(ctx.formParam("password_again"))) {
          throw Invalid.field("password_again", "does not match the password");
        }
        user =
            accounts.create(
                Requests.form(ctx, "email"), Requests.form(ctx, "name"), ctx.formParam("password"));
        authentication.startSession(ctx, sessions.open(user, ctx.userAgent()).secret());
      }
      Workspace ws = workspaces.accept(user, secret);
      Flashes.success(ctx, "Welcome to " + ws.name() + ".");
      ctx.redirect("/w/" + ws.slug());
    } catch (Invalid e) {
      ctx.status(422);
      show(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      show(ctx, Form.refused(ctx, e.getMessage() + " Sign in first, then open the link again."));
    }
  }
}
