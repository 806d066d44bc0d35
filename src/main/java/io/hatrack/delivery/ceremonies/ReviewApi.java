package io.hatrack.delivery.ceremonies;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A team's sprint reviews over the API, and the feedback captured at them. */
public final class ReviewApi implements Routes {
  private static final String TAG = "Sprint reviews";
  private static final String BASE = StandupApi.TEAM + "/reviews";

  private final ReviewService reviews;
  private final ObjectMapper json;

  public ReviewApi(ReviewService reviews, ObjectMapper json) {
    this.reviews = reviews;
    this.json = json;
  }

  /** A demoed work item. */
  public record ItemJson(long id, String key, String title) {}

  /** Someone present: a workspace member (user_id) or a guest by name. */
  public record StakeholderJson(long id, Long userId, String name) {}

  /** Feedback given at the review: a feedback item (source sprint_review) and what it supports. */
  public record FeedbackJson(
      long feedbackId, String key, String summary, String stakeholder, List<String> items) {}

  /** A sprint review with what was demoed, who was there and their feedback. */
  public record ReviewJson(
      long id,
      String team,
      LocalDate day,
      String title,
      String sprint,
      String notes,
      List<ItemJson> items,
      List<StakeholderJson> stakeholders,
      List<FeedbackJson> feedback,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * Holding or changing a review; absent fields keep their value. {@code items}: work item keys;
   * {@code members}: workspace members by handle or id; {@code guests}: other names.
   */
  public record ReviewInput(
      String day,
      String title,
      String sprint,
      String notes,
      List<String> items,
      List<String> members,
      List<String> guests) {}

  /**
   * A stakeholder's feedback: the stakeholder's id or name, the text, and the demoed items it is
   * about (keys; none: every demoed item).
   */
  public record FeedbackInput(String stakeholder, String text, List<String> items) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A team's sprint reviews, latest first")
        .tag(TAG)
        .returnsList(ReviewJson.class);
    r.post(BASE, this::create)
        .summary("Hold a sprint review (editors)")
        .tag(TAG)
        .body(ReviewInput.class)
        .etag()
        .returns(201, ReviewJson.class);
    r.get(BASE + "/{review}", this::get)
        .summary("A sprint review")
        .tag(TAG)
        .etag()
        .returns(200, ReviewJson.class);
    r.patch(BASE + "/{review}", this::update)
        .summary("Change a sprint review (editors); absent fields are kept")
        .tag(TAG)
        .body(ReviewInput.class)
        .ifMatch()
        .etag()
        .returns(200, ReviewJson.class);
    r.delete(BASE + "/{review}", this::delete)
        .summary("Delete a sprint review (its feedback stays in the inbox)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(BASE + "/{review}/feedback", this::feedback)
        .summary("Capture a stakeholder's feedback as a feedback item linked to the demoed items")
        .description(
            "Creates a feedback item with source sprint_review in the product of the first item"
                + " it is about, linked (supports) to each; all or nothing.")
        .tag(TAG)
        .body(FeedbackInput.class)
        .returns(201, FeedbackJson.class);
  }

  private static String ws(Context ctx) {
    return ctx.pathParam("workspace");
  }

  private static String team(Context ctx) {
    return ctx.pathParam("team");
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    ReviewService.Listing l = reviews.list(user, ws(ctx), team(ctx));
    List<ReviewJson> out =
        l.reviews().stream().map(x -> json(reviews.get(user, ws(ctx), team(ctx), x.id()))).toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private static ReviewDraft draft(ReviewInput in) {
    return new ReviewDraft(
        in.day(), in.title(), in.sprint(), in.notes(), in.items(), in.members(), in.guests());
  }

  private void create(Context ctx) {
    ReviewInput in = Requests.body(ctx, json, ReviewInput.class);
    ReviewService.Detail d = reviews.create(Requests.user(ctx), ws(ctx), team(ctx), draft(in));
    ctx.header(
        "Location",
        "/api/v1/workspaces/" + ws(ctx) + "/teams/" + team(ctx) + "/reviews/" + d.review().id());
    respond(ctx.status(201), d);
  }

  private void get(Context ctx) {
    respond(
        ctx, reviews.get(Requests.user(ctx), ws(ctx), team(ctx), Requests.idParam(ctx, "review")));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    ReviewInput in = Requests.body(ctx, json, ReviewInput.class);
    respond(
        ctx,
        reviews.update(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            Requests.idParam(ctx, "review"),
            expected,
            draft(in)));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    reviews.delete(
        Requests.user(ctx), ws(ctx), team(ctx), Requests.idParam(ctx, "review"), expected);
    ctx.status(204);
  }

  private void feedback(Context ctx) {
    FeedbackInput in = Requests.body(ctx, json, FeedbackInput.class);
    ReviewFeedback f =
        reviews.addFeedback(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            Requests.idParam(ctx, "review"),
            new ReviewService.FeedbackInput(in.stakeholder(), in.text(), in.items()));
    ctx.status(201).json(json(f));
  }

  private static FeedbackJson json(ReviewFeedback f) {
    return new FeedbackJson(f.feedbackId(), f.key(), f.summary(), f.stakeholder(), f.items());
  }

  private static void respond(Context ctx, ReviewService.Detail d) {
    Requests.etag(ctx, d.review().version());
    ctx.json(json(d));
  }

  private static ReviewJson json(ReviewService.Detail d) {
    Review r = d.review();
    return new ReviewJson(
        r.id(),
        d.scope().team().slug(),
        r.day(),
        r.title(),
        r.sprint(),
        r.notes(),
        d.items().stream().map(i -> new ItemJson(i.id(), i.key(), i.title())).toList(),
        d.stakeholders().stream()
            .map(s -> new StakeholderJson(s.id(), s.userId(), s.name()))
            .toList(),
        d.feedback().stream().map(ReviewApi::json).toList(),
        r.version(),
        r.createdAt(),
        r.updatedAt());
  }
}
