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
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * Sprint reviews in the browser: a team's reviews with a form to hold one, and a review's page with
 * its demoed items, who was there, and a form to capture their feedback.
 */
public final class ReviewRoutes implements Routes {
  private final ReviewService reviews;
  private final WorkspaceService workspaces;
  private final Html html;

  public ReviewRoutes(ReviewService reviews, WorkspaceService workspaces, Html html) {
    this.reviews = reviews;
    this.workspaces = workspaces;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/teams/{team}/reviews", ctx -> list(ctx, Form.EMPTY));
    r.postPage("/w/{ws}/teams/{team}/reviews", this::create);
    r.getPage("/w/{ws}/teams/{team}/reviews/{review}", ctx -> show(ctx, null, Form.EMPTY));
    r.postPage("/w/{ws}/teams/{team}/reviews/{review}", this::update);
    r.postPage("/w/{ws}/teams/{team}/reviews/{review}/delete", this::delete);
    r.postPage("/w/{ws}/teams/{team}/reviews/{review}/feedback", this::feedback);
  }

  private void list(Context ctx, Form form) {
    ReviewService.Listing l =
        reviews.list(Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"));
    List<Member> members = workspaces.members(l.scope().ws());
    html.page(
        ctx,
        "delivery/ceremonies/reviews.jte",
        StandupRoutes.shell(html, ctx, l.scope(), "Sprint reviews", "Sprint reviews"),
        "listing",
        l,
        "members",
        members,
        "form",
        form);
  }

  /** Keys or names separated by commas, semicolons or new lines. */
  static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,;\\n]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static ReviewDraft draft(Context ctx) {
    return new ReviewDraft(
        ctx.formParam("day"),
        ctx.formParam("title"),
        ctx.formParam("sprint"),
        ctx.formParam("notes"),
        split(java.util.Objects.toString(ctx.formParam("items"), "").replace(' ', ',')),
        ctx.formParams("members"),
        split(ctx.formParam("guests")));
  }

  private void create(Context ctx) {
    try {
      ReviewService.Detail d =
          reviews.create(
              Requests.user(ctx), ctx.pathParam("ws"), ctx.pathParam("team"), draft(ctx));
      Flashes.success(ctx, "Held the review; capture the stakeholders' feedback below.");
      ctx.redirect(StandupRoutes.base(ctx) + "/reviews/" + d.review().id());
    } catch (Invalid e) {
      ctx.status(422);
      list(ctx, Form.refused(ctx, e));
    }
  }

  private void show(Context ctx, String which, Form form) {
    User user = Requests.user(ctx);
    ReviewService.Detail d =
        reviews.get(
            user, ctx.pathParam("ws"), ctx.pathParam("team"), Requests.idParam(ctx, "review"));
    html.page(
        ctx,
        "delivery/ceremonies/review.jte",
        StandupRoutes.shell(html, ctx, d.scope(), "Sprint reviews", d.review().title()),
        "detail",
        d,
        "members",
        workspaces.members(d.scope().ws()),
        "which",
        which,
        "form",
        form);
  }

  private void update(Context ctx) {
    try {
      reviews.update(
          Requests.user(ctx),
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          Requests.idParam(ctx, "review"),
          StandupRoutes.version(ctx),
          draft(ctx));
      Flashes.success(ctx, "Saved the review.");
      ctx.redirect(StandupRoutes.base(ctx) + "/reviews/" + ctx.pathParam("review"));
    } catch (Invalid e) {
      ctx.status(422);
      show(ctx, "edit", Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      show(ctx, "edit", Form.refused(ctx, e.getMessage()));
    }
  }

  private void delete(Context ctx) {
    reviews.delete(
        Requests.user(ctx),
        ctx.pathParam("ws"),
        ctx.pathParam("team"),
        Requests.idParam(ctx, "review"),
        StandupRoutes.version(ctx));
    Flashes.success(ctx, "Deleted the review; its feedback stays in the feedback inbox.");
    ctx.redirect(StandupRoutes.base(ctx) + "/reviews");
  }

  private void feedback(Context ctx) {
    try {
      ReviewFeedback f =
          reviews.addFeedback(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              ctx.pathParam("team"),
              Requests.idParam(ctx, "review"),
              new ReviewService.FeedbackInput(
                  ctx.formParam("stakeholder"), ctx.formParam("text"), ctx.formParams("items")));
      Flashes.success(ctx, "Captured the feedback as " + f.key() + ".");
      ctx.redirect(StandupRoutes.base(ctx) + "/reviews/" + ctx.pathParam("review"));
    } catch (Invalid e) {
      ctx.status(422);
      show(ctx, "feedback", Form.refused(ctx, e));
    }
  }
}
