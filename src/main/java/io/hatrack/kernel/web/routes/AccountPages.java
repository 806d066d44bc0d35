package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.ApiTokenService;
import io.hatrack.kernel.auth.SessionService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Notification;
import io.hatrack.kernel.work.NotificationService;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;

/** One's own pages: notifications, profile and password, API tokens. */
public final class AccountPages implements Routes {
  private final AccountService accounts;
  private final SessionService sessions;
  private final ApiTokenService tokens;
  private final NotificationService notifications;
  private final Html html;

  public AccountPages(
      AccountService accounts,
      SessionService sessions,
      ApiTokenService tokens,
      NotificationService notifications,
      Html html) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.tokens = tokens;
    this.notifications = notifications;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/notifications", this::notifications);
    r.postPage("/notifications/read-all", this::readAll);
    r.postPage("/notifications/{id}/open", this::open);
    r.getPage("/settings/profile", ctx -> profile(ctx, null, null));
    r.postPage("/settings/profile", this::saveProfile);
    r.postPage("/settings/password", this::changePassword);
    r.getPage("/settings/tokens", ctx -> tokens(ctx, null, Form.EMPTY));
    r.postPage("/settings/tokens", this::createToken);
    r.postPage("/settings/tokens/{id}/revoke", this::revokeToken);
  }

  private void notifications(Context ctx) {
    User user = Requests.user(ctx);
    boolean unread = Requests.flag(ctx, "unread");
    long before = Requests.longQuery(ctx, "before");
    List<Notification> list = notifications.list(user, unread, before, 51);
    boolean more = list.size() > 50;
    Shell shell =
        html.shells()
            .personal(
                ctx,
                "notifications",
                "Notifications",
                List.of(new Shell.Crumb("Notifications", null)));
    html.page(
        ctx,
        "account/notifications.jte",
        shell,
        "notifications",
        more ? list.subList(0, 50) : list,
        "unreadOnly",
        unread,
        "nextBefore",
        more ? list.get(49).id() : 0L);
  }

  private void readAll(Context ctx) {
    int marked = notifications.markAllRead(Requests.user(ctx));
    Flashes.success(
        ctx,
        marked == 1 ? "Marked 1 notification read." : "Marked " + marked + " notifications read.");
    ctx.redirect("/notifications");
  }

  /** Marks a notification read and goes to its item. */
  private void open(Context ctx) {
    User user = Requests.user(ctx);
    Notification n = notifications.get(user, Requests.idParam(ctx, "id"));
    notifications.markRead(user, n.id());
    if (n.item() == null) {
      ctx.redirect("/notifications");
    } else {
      ctx.redirect("/i/" + (n.item().key() != null ? n.item().key() : n.item().id()) + "#comments");
    }
  }

  private void profile(Context ctx, Form profileForm, Form passwordForm) {
    User user = Requests.user(ctx);
    Form shown =
        profileForm != null
            ? profileForm
            : Form.of("name", user.name(), "time_zone", user.timeZone());
    Shell shell =
        html.shells()
            .personal(ctx, "profile", "Profile", List.of(new Shell.Crumb("Profile", null)));
    html.page(
        ctx,
        "account/profile.jte",
        shell,
        "form",
        shown,
        "passwordForm",
        passwordForm != null ? passwordForm : Form.EMPTY,
        "zones",
        ZoneId.getAvailableZoneIds().stream().sorted().toList());
  }

  private void saveProfile(Context ctx) {
    try {
      accounts.updateProfile(
          Requests.user(ctx), Requests.form(ctx, "name"), Requests.form(ctx, "time_zone"));
      Flashes.success(ctx, "Saved your profile.");
      ctx.redirect("/settings/profile");
    } catch (Invalid e) {
      ctx.status(422);
      profile(ctx, Form.refused(ctx, e), null);
    }
  }

  private void changePassword(Context ctx) {
    try {
      if (!String.valueOf(ctx.formParam("password")).equals(ctx.formParam("password_again"))) {
        throw Invalid.field("password_again", "does not match the new password");
      }
      accounts.changePassword(
          Requests.user(ctx), ctx.formParam("current_password"), ctx.formParam("password"));
      int ended = sessions.endOtherSessions(Requests.user(ctx), ctx.attribute(Requests.SESSION));
      Flashes.success(
          ctx,
          "Changed your password."
              + (ended > 0 ? " Signed out your " + ended + " other session(s)." : ""));
      ctx.redirect("/settings/profile");
    } catch (Invalid e) {
      ctx.status(422);
      profile(ctx, null, Form.refused(ctx, e));
    }
  }

  private void tokens(Context ctx, ApiTokenService.Created created, Form form) {
    User user = Requests.user(ctx);
    Shell shell =
        html.shells()
            .personal(ctx, "tokens", "API tokens", List.of(new Shell.Crumb("API tokens", null)));
    html.page(
        ctx,
        "account/tokens.jte",
        shell,
        "tokens",
        tokens.list(user),
        "created",
        created,
        "form",
        form);
  }

  private void createToken(Context ctx) {
    try {
      tokens(ctx, tokens.create(Requests.user(ctx), Requests.form(ctx, "name")), Form.EMPTY);
    } catch (Invalid e) {
      ctx.status(422);
      tokens(ctx, null, Form.refused(ctx, e));
    }
  }

  private void revokeToken(Context ctx) {
    tokens.revoke(Requests.user(ctx), Requests.idParam(ctx, "id"));
    Flashes.success(ctx, "Revoked the token. Clients using it can no longer sign in.");
    ctx.redirect("/settings/tokens");
  }
}
