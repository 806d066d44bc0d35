package io.hatrack.kernel.web;

import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.ApiTokenService;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.SessionService;
import io.hatrack.kernel.auth.User;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request: finds the caller (a Bearer token for the API, a session cookie for the
 * browser), checks the CSRF token of every state-changing browser request, and sends visitors who
 * are not signed in to the sign-in page, or to first-run set-up while nobody has an account.
 */
public final class Authentication {
  /** The session cookie. */
  public static final String SESSION_COOKIE = "hatrack_session";

  /** The anonymous cookie that CSRF tokens are bound to before sign-in. */
  public static final String ANON_COOKIE = "hatrack_anon";

  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  private static final List<String> PUBLIC_PREFIXES =
      List.of("/assets/", "/p/", "/invite/", "/reset/");
  private static final Set<String> PUBLIC_PATHS =
      Set.of(
          "/login",
          "/setup",
          "/health",
          "/metrics",
          "/favicon.ico",
          "/api/openapi.json",
          // The dev mailbox decides itself whom it shows mails to (see discovery/portal/Outbox).
          "/dev/mailbox");

  private final SessionService sessions;
  private final ApiTokenService tokens;
  private final AccountService accounts;
  private final Csrf csrf;
  private final boolean secureCookies;
  private volatile boolean setUp;

  public Authentication(
      SessionService sessions,
      ApiTokenService tokens,
      AccountService accounts,
      Csrf csrf,
      boolean secureCookies) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.accounts = accounts;
    this.csrf = csrf;
    this.secureCookies = secureCookies;
  }

  public void before(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/assets/") || path.equals("/health") || path.equals("/metrics")) {
      return;
    }
    if (path.startsWith("/api/")) {
      api(ctx, path);
    } else {
      browser(ctx, path);
    }
  }

  private void api(Context ctx, String path) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      User user =
          tokens
              .userFor(header.substring(7).trim())
              .orElseThrow(
                  () -> new Unauthenticated("The API token is not valid, or it has been revoked."));
      ctx.attribute(Requests.USER, user);
    } else if (!PUBLIC_PATHS.contains(path)) {
      throw new Unauthenticated(
          "This API needs a personal API token: 'Authorization: Bearer htk_...'."
              + " Create one in Settings > API tokens or with 'hatrack token create'.");
    }
  }

  private void browser(Context ctx, String path) {
    String session = ctx.cookie(SESSION_COOKIE);
    Optional<User> user = sessions.userFor(session);
    String bound;
    if (user.isPresent()) {
      ctx.attribute(Requests.USER, user.get());
      ctx.attribute(Requests.SESSION, session);
      bound = session;
    } else {
      if (session != null) {
        ctx.removeCookie(SESSION_COOKIE, "/");
      }
      bound = ctx.cookie(ANON_COOKIE);
      if (bound == null || bound.length() < 20) {
        bound = SecretTokens.generate("");
        ctx.cookie(cookie(ANON_COOKIE, bound, -1));
      }
    }
    ctx.attribute(Shells.CSRF, csrf.tokenFor(bound));
    if (!SAFE.contains(ctx.method())) {
      String token = ctx.header(Csrf.HEADER);
      if (token == null) {
        token = ctx.formParam(Csrf.FIELD);
      }
      if (!csrf.valid(bound, token)) {
        throw new Forbidden(
            "This form has expired or did not come from Hatrack. Reload the page and try again.");
      }
    }
    if (user.isEmpty() && !isPublic(path)) {
      String target;
      if (needsSetup()) {
        target = "/setup";
      } else {
        String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
        target =
            "/login"
                + (path.equals("/")
                    ? ""
                    : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      }
      if (Requests.isHtmx(ctx)) {
        ctx.header("HX-Redirect", target);
        ctx.status(204);
      } else {
        ctx.redirect(target);
      }
      ctx.skipRemainingHandlers();
    }
  }

  private boolean needsSetup() {
    if (setUp) {
      return false;
    }
    boolean needed = accounts.needsSetup();
    setUp = !needed;
    return needed;
  }

  private static boolean isPublic(String path) {
    return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /** Sets the session cookie after sign-in. */
  public void startSession(Context ctx, String secret) {
    ctx.cookie(cookie(SESSION_COOKIE, secret, (int) SessionService.IDLE_LIFETIME.toSeconds()));
  }

  public void endSession(Context ctx) {
    ctx.removeCookie(SESSION_COOKIE, "/");
  }

  private Cookie cookie(String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, secureCookies, true, null, SameSite.LAX);
  }
}
