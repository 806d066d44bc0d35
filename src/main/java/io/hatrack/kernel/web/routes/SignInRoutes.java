package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.SessionService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.web.Authentication;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;

/** First-run set-up, signing in and out, and setting a password through a one-time link. */
public final class SignInRoutes implements Routes {
  private final AccountService accounts;
  private final SessionService sessions;
  private final WorkspaceService workspaces;
  private final Authentication authentication;
  private final Html html;
  private final Database db;

  public SignInRoutes(
      AccountService accounts,
      SessionService sessions,
      WorkspaceService workspaces,
      Authentication authentication,
      Html html,
      Database db) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.workspaces = workspaces;
    this.authentication = authentication;
    this.html = html;
    this.db = db;
  }

  @Override
  public void register(Router r) {
    r.getPage("/setup", this::setupForm);
    r.postPage("/setup", this::setup);
    r.getPage("/login", this::loginForm);
    r.postPage("/login", this::login);
    r.postPage("/logout", this::logout);
    r.getPage("/reset/{secret}", this::resetForm);
    r.postPage("/reset/{secret}", this::reset);
  }

  private void setupForm(Context ctx) {
    if (!accounts.needsSetup()) {
      ctx.redirect("/login");
      return;
    }
    html.page(
        ctx, "auth/setup.jte", html.shells().anonymous(ctx, "Set up Hatrack"), "form", Form.EMPTY);
  }

  private void setup(Context ctx) {
    if (!accounts.needsSetup()) {
      ctx.redirect("/login");
      return;
    }
    String workspaceName = Requests.form(ctx, "workspace");
    try {
      new Validation().text("workspace", workspaceName, 80).orThrow();
      Workspace ws =
          db.tx(
              h -> {
                User user =
                    accounts.create(
                        h,
                        Requests.form(ctx, "email"),
                        Requests.form(ctx, "name"),
                        ctx.formParam("password"));
                return workspaces.create(h, user, workspaceName, null);
              });
      User owner = accounts.byEmail(Requests.form(ctx, "email")).orElseThrow();
      rememberZone(owner, Requests.form(ctx, "time_zone"));
      authentication.startSession(ctx, sessions.open(owner, ctx.userAgent()).secret());
      ctx.redirect("/w/" + ws.slug());
    } catch (Invalid e) {
      ctx.status(422);
      html.page(
          ctx,
          "auth/setup.jte",
          html.shells().anonymous(ctx, "Set up Hatrack"),
          "form",
          Form.refused(ctx, e));
    }
  }

  private void loginForm(Context ctx) {
    if (Requests.userOrNull(ctx) != null) {
      ctx.redirect(safeNext(ctx.queryParam("next")));
      return;
    }
    if (accounts.needsSetup()) {
      ctx.redirect("/setup");
      return;
    }
    html.page(
        ctx,
        "auth/login.jte",
        html.shells().anonymous(ctx, "Sign in"),
        "form",
        Form.of("next", safeNext(ctx.queryParam("next"))));
  }

  private void login(Context ctx) {
    try {
      var signedIn =
          sessions.signIn(
              Requests.form(ctx, "email"),
              ctx.formParam("password"),
              Requests.client(ctx),
              ctx.userAgent());
      rememberZone(signedIn.user(), Requests.form(ctx, "time_zone"));
      authentication.startSession(ctx, signedIn.secret());
      ctx.redirect(safeNext(Requests.form(ctx, "next")));
    } catch (Invalid e) {
      ctx.status(422);
      html.page(
          ctx,
          "auth/login.jte",
          html.shells().anonymous(ctx, "Sign in"),
          "form",
          Form.refused(ctx, e.errors().get(0).reason()));
    } catch (RateLimited e) {
      ctx.status(429);
      ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      html.page(
          ctx,
          "auth/login.jte",
          html.shells().anonymous(ctx, "Sign in"),
          "form",
          Form.refused(ctx, e.getMessage()));
    }
  }

  private void rememberZone(User user, String zone) {
    if (zone != null && !zone.isBlank() && "UTC".equals(user.timeZone()) && !"UTC".equals(zone)) {
      try {
        accounts.updateProfile(user, user.name(), zone);
      } catch (Invalid ignored) {
        // An unknown zone from the browser is not worth failing a sign-in over.
      }
    }
  }

  /** Only local paths: an open redirect to another site would help phishing. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
      return "/";
    }
    return next;
  }

  private void logout(Context ctx) {
    sessions.signOut(ctx.cookie(Authentication.SESSION_COOKIE));
    authentication.endSession(ctx);
    ctx.redirect("/login");
  }

  private void resetForm(Context ctx) {
    User user = accounts.userForPasswordLink(ctx.pathParam("secret"));
    html.page(
        ctx,
        "auth/reset.jte",
        html.shells().anonymous(ctx, "Choose a password"),
        "form",
        Form.EMPTY,
        "person",
        user);
  }

  private void reset(Context ctx) {
    String secret = ctx.pathParam("secret");
    User person = accounts.userForPasswordLink(secret);
    try {
      if (!String.valueOf(ctx.formParam("password")).equals(ctx.formParam("password_again"))) {
        throw Invalid.field("password_again", "does not match the password");
      }
      User user = accounts.setPasswordWithLink(secret, ctx.formParam("password"));
      sessions.endOtherSessions(user, null);
      authentication.startSession(ctx, sessions.open(user, ctx.userAgent()).secret());
      ctx.redirect("/");
    } catch (Invalid e) {
      ctx.status(422);
      html.page(
          ctx,
          "auth/reset.jte",
          html.shells().anonymous(ctx, "Choose a password"),
          "form",
          Form.refused(ctx, e),
          "person",
          person);
    }
  }
}
