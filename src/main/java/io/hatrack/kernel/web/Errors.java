package io.hatrack.kernel.web;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every exception to one answer, in one place: JSON errors for the API, an error page for the
 * browser, a short text for htmx (the page shows it as a toast).
 */
public final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);

  private final Views views;
  private final Shells shells;

  public Errors(Views views, Shells shells) {
    this.views = views;
    this.shells = shells;
  }

  /** The status code of a Hatrack exception. */
  public static int status(HatrackException e, boolean api) {
    if (e instanceof NotFound) {
      return 404;
    }
    if (e instanceof Invalid) {
      return api ? 400 : 422;
    }
    if (e instanceof Conflict) {
      return 409;
    }
    if (e instanceof Forbidden) {
      return 403;
    }
    if (e instanceof RateLimited) {
      return 429;
    }
    if (e instanceof Unauthenticated) {
      return 401;
    }
    if (e instanceof PreconditionRequired) {
      return 428;
    }
    if (e instanceof BadRequest b) {
      return b.status();
    }
    return 500;
  }

  public void handle(Exception e, Context ctx) {
    if (e instanceof HatrackException h) {
      respond(ctx, status(h, Requests.isApi(ctx)), h.code(), h.getMessage(), details(h), h);
    } else if (e instanceof HttpResponseException r) {
      int status = r.getStatus();
      String code =
          switch (status) {
            case 413 -> "payload_too_large";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 400 -> "bad_request";
            default -> "http_" + status;
          };
      String message =
          switch (status) {
            case 413 -> "The request body is larger than the limit of 1 MiB.";
            case 404 -> "There is no " + ctx.method() + " " + ctx.path() + " in this API.";
            default -> r.getMessage();
          };
      respond(ctx, status, code, message, List.of(), null);
    } else if (Database.isUniqueViolation(e)) {
      // Two requests raced for the same unique name or key; the loser hears it as a conflict.
      respond(
          ctx,
          409,
          "already_exists",
          "Something with the same name or key was created a moment ago; choose another.",
          List.of(),
          null);
    } else {
      log.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
      respond(
          ctx,
          500,
          "internal",
          "Something went wrong on our side. The error has been logged.",
          List.of(),
          null);
    }
  }

  private static List<ApiDocs.FieldIssue> details(HatrackException e) {
    if (e instanceof Invalid invalid) {
      return invalid.errors().stream()
          .map((FieldError f) -> new ApiDocs.FieldIssue(f.field(), f.reason()))
          .toList();
    }
    return List.of();
  }

  private void respond(
      Context ctx,
      int status,
      String code,
      String message,
      List<ApiDocs.FieldIssue> details,
      HatrackException cause) {
    ctx.status(status);
    if (cause instanceof RateLimited limited) {
      ctx.header("Retry-After", Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
    }
    if (cause instanceof Unauthenticated && Requests.isApi(ctx)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"hatrack\"");
    }
    if (Requests.isApi(ctx) || ctx.path().equals("/health")) {
      ctx.json(new ApiDocs.ErrorBody(new ApiDocs.ErrorDetail(code, message, details)));
      return;
    }
    if (Requests.isHtmx(ctx)) {
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(message);
      return;
    }
    String title =
        switch (status) {
          case 404 -> "Not found";
          case 403 -> "Not allowed";
          case 409 -> "Conflict";
          case 422, 400 -> "Please check your input";
          case 413 -> "Too large";
          case 429 -> "Slow down";
          default -> "Something went wrong";
        };
    String shown =
        status == 404 ? "This page does not exist, or you do not have access to it." : message;
    ctx.html(
        views.render(
            "error.jte",
            Map.of(
                "shell", shells.anonymous(ctx, title),
                "status", status,
                "heading", title,
                "message", shown)));
  }
}
