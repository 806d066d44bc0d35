package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.ApiTokenService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.NewTokenJson;
import io.hatrack.kernel.web.routes.KernelJson.NotificationJson;
import io.hatrack.kernel.web.routes.KernelJson.TokenInput;
import io.hatrack.kernel.web.routes.KernelJson.TokenJson;
import io.hatrack.kernel.web.routes.KernelJson.UnreadJson;
import io.hatrack.kernel.web.routes.KernelJson.UserJson;
import io.hatrack.kernel.work.Notification;
import io.hatrack.kernel.work.NotificationService;
import io.javalin.http.Context;
import java.util.Map;

/** The caller's own account over the API: who am I, API tokens, notifications. */
public final class AccountApi implements Routes {
  private final ApiTokenService tokens;
  private final NotificationService notifications;
  private final ObjectMapper json;

  public AccountApi(ApiTokenService tokens, NotificationService notifications, ObjectMapper json) {
    this.tokens = tokens;
    this.notifications = notifications;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/me", ctx -> ctx.json(UserJson.of(Requests.user(ctx))))
        .summary("The account the token belongs to")
        .tag("Account")
        .returns(200, UserJson.class);
    r.get(
            "/api/v1/tokens",
            ctx -> ctx.json(Listings.all(tokens.list(Requests.user(ctx)), TokenJson::of)))
        .summary("List your API tokens (never their secrets)")
        .tag("Account")
        .returnsList(TokenJson.class);
    r.post("/api/v1/tokens", this::createToken)
        .summary("Create an API token; its secret is in this answer only")
        .tag("Account")
        .body(TokenInput.class)
        .returns(201, NewTokenJson.class);
    r.delete(
            "/api/v1/tokens/{id}",
            ctx -> {
              tokens.revoke(Requests.user(ctx), Requests.idParam(ctx, "id"));
              ctx.status(204);
            })
        .summary("Revoke an API token")
        .tag("Account")
        .noContent();
    r.get("/api/v1/notifications", this::notifications)
        .summary("Your notifications, newest first")
        .tag("Notifications")
        .paged()
        .query("unread", "true: only unread ones")
        .returnsList(NotificationJson.class);
    r.get(
            "/api/v1/notifications/unread-count",
            ctx -> ctx.json(new UnreadJson(notifications.unreadCount(Requests.user(ctx)))))
        .summary("How many notifications are unread")
        .tag("Notifications")
        .returns(200, UnreadJson.class);
    r.post(
            "/api/v1/notifications/{id}/read",
            ctx -> {
              User user = Requests.user(ctx);
              notifications.get(user, Requests.idParam(ctx, "id"));
              notifications.markRead(user, Requests.idParam(ctx, "id"));
              ctx.status(204);
            })
        .summary("Mark one notification read")
        .tag("Notifications")
        .noContent();
    r.post(
            "/api/v1/notifications/read-all",
            ctx -> ctx.json(Map.of("marked", notifications.markAllRead(Requests.user(ctx)))))
        .summary("Mark every notification read")
        .tag("Notifications")
        .returns(200, Object.class);
  }

  private void createToken(Context ctx) {
    TokenInput input = Requests.body(ctx, json, TokenInput.class);
    var created = tokens.create(Requests.user(ctx), input.name());
    ctx.status(201).json(new NewTokenJson(TokenJson.of(created.token()), created.secret()));
  }

  private void notifications(Context ctx) {
    User user = Requests.user(ctx);
    boolean unread = Requests.flag(ctx, "unread");
    int limit = Requests.limit(ctx, 50);
    var rows = notifications.list(user, unread, Requests.cursorId(ctx), limit + 1);
    ctx.json(
        Listings.of(
            rows,
            limit,
            notifications.count(user, unread),
            Notification::id,
            NotificationJson::of));
  }
}
