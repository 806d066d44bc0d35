package io.hatrack.discovery.surveys;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public survey form at {@code /p/{product}/s/{code}}: no sign-in, no app around it. A personal
 * link adds {@code ?t=<token>}, carried through the form as a hidden field. The form is protected
 * like every form (a CSRF token bound to an anonymous cookie), submissions are rate limited per
 * client, and a received response leads to a thank-you page (post, redirect, get), so reloading
 * does not answer twice. The pages are never indexed.
 */
public final class SurveyAnswerPages implements Routes {
  private static final String PATH = "/p/{product}/s/{code}";

  private final SurveyResponseService responses;
  private final Html html;

  public SurveyAnswerPages(SurveyResponseService responses, Html html) {
    this.responses = responses;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(PATH, this::form);
    r.postPage(PATH, this::answer);
    r.getPage(PATH + "/thanks", this::thanks);
  }

  private static String token(Context ctx) {
    String t = ctx.queryParam("t");
    if (t == null || t.isBlank()) {
      t = ctx.formParam("t");
    }
    return t == null || t.isBlank() ? null : t.trim();
  }

  private void form(Context ctx) {
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    String token = token(ctx);
    SurveyResponseService.PublicView view =
        responses.publicView(ctx.pathParam("product"), ctx.pathParam("code"), token);
    render(ctx, view, token, AnswerForm.EMPTY, null);
  }

  private void answer(Context ctx) {
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    String product = ctx.pathParam("product");
    String code = ctx.pathParam("code");
    String token = token(ctx);
    AnswerForm form = AnswerForm.from(ctx);
    SurveyResponseService.PublicView view = responses.publicView(product, code, token);
    try {
      responses.respond(product, code, token, Requests.client(ctx), form.input(view.survey()));
      ctx.redirect(Survey.path(product, code) + "/thanks", HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, view, token, form.refused(e), null);
    } catch (RateLimited e) {
      ctx.status(429);
      ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      render(ctx, view, token, form.withMessage(e.getMessage()), null);
    } catch (Conflict | Forbidden e) {
      ctx.status(e instanceof Conflict ? 409 : 403);
      // The survey closed or the link was used meanwhile: say so instead of the form.
      render(ctx, responses.publicView(product, code, token), token, form, e.getMessage());
    }
  }

  private void thanks(Context ctx) {
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    SurveyResponseService.PublicView view =
        responses.publicView(ctx.pathParam("product"), ctx.pathParam("code"), null);
    html.page(
        ctx,
        "discovery/surveys/thanks.jte",
        html.shells().anonymous(ctx, "Thank you \u00b7 " + view.survey().title()),
        "view",
        view);
  }

  private void render(
      Context ctx,
      SurveyResponseService.PublicView view,
      String token,
      AnswerForm form,
      String refusal) {
    String action =
        Survey.path(view.survey().productSlug(), view.survey().publicCode())
            + (token == null ? "" : "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    html.page(
        ctx,
        "discovery/surveys/answer.jte",
        html.shells().anonymous(ctx, view.survey().title()),
        "view",
        view,
        "form",
        form,
        "action",
        action,
        "refusal",
        refusal);
  }
}
