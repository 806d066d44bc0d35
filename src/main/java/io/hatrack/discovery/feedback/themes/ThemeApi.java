package io.hatrack.discovery.feedback.themes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.feedback.themes.ThemeViews.Quote;
import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobRoutes.JobJson;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** The themes of a product's feedback over the API. */
public final class ThemeApi implements Routes {
  private static final String TAG = "Feedback themes";

  private final ThemeService themes;
  private final ObjectMapper json;

  public ThemeApi(ThemeService themes, ObjectMapper json) {
    this.themes = themes;
    this.json = json;
  }

  /** A product's themes, the method that found them and how much feedback is in none. */
  public record ThemesJson(
      String method,
      Instant runAt,
      double minSimilarity,
      long untriaged,
      long unthemed,
      List<ThemeJson> themes) {}

  /** A theme; {@code name} is the PM's name or else the label of its top terms. */
  public record ThemeJson(
      long id,
      long productId,
      String name,
      String label,
      boolean renamed,
      boolean kept,
      List<String> terms,
      long members,
      SentimentJson sentiment,
      List<Quote> quotes,
      int position,
      long version,
      Instant createdAt,
      Instant updatedAt,
      String feedbackUrl) {
    static ThemeJson of(ThemeView t) {
      return new ThemeJson(
          t.id(),
          t.productId(),
          t.name(),
          t.label(),
          t.renamed(),
          t.kept(),
          t.terms(),
          t.members(),
          new SentimentJson(t.positive(), t.neutral(), t.negative()),
          t.quotes(),
          t.position(),
          t.version(),
          t.createdAt(),
          t.updatedAt(),
          "/api/v1/products/" + t.productId() + "/feedback?theme=" + t.id());
    }
  }

  /** How many members are positive, neutral and negative by their VADER compound score. */
  public record SentimentJson(long positive, long neutral, long negative) {}

  /** A new name; null or blank brings back the label. */
  public record RenameInput(String name) {}

  /** The theme to merge into this one. */
  public record MergeInput(Long theme) {}

  /** The theme to put the feedback in; null takes it out of any. */
  public record PlacementInput(Long theme) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/themes", this::list)
        .summary("The themes of a product's feedback, largest first, with terms, counts and quotes")
        .description(
            "Themes group the product's untriaged feedback (new or triaged, not merged) by "
                + ThemeService.METHOD
                + ". terms are the top terms, quotes the members nearest to the theme's centre;"
                + " members counts its live feedback, sentiment splits them by VADER's compound"
                + " score (positive >= 0.05, negative <= -0.05). New feedback joins the nearest"
                + " theme on arrival when its cosine similarity is at least min_similarity. List a"
                + " theme's feedback with GET /api/v1/products/{product}/feedback?theme={id}.")
        .tag(TAG)
        .returns(200, ThemesJson.class);
    r.post("/api/v1/products/{product}/themes/runs", this::run)
        .summary("Group the product's untriaged feedback into themes again (editors), as a job")
        .description(
            "Answers 202 with the job (poll GET /api/v1/jobs/{id}). Themes the PM renamed, merged,"
                + " split or tagged feedback into are kept with their members and take the feedback"
                + " nearest to them; feedback the PM tagged stays where it was put; the rest is"
                + " clustered into new themes, which replace those of the last run.")
        .tag(TAG)
        .returns(202, JobJson.class);
    r.get("/api/v1/themes/{theme}", this::get)
        .summary("A theme")
        .tag(TAG)
        .etag()
        .returns(200, ThemeJson.class);
    r.patch("/api/v1/themes/{theme}", this::rename)
        .summary("Rename a theme (editors); a blank name brings back its label")
        .description("If-Match with the theme's ETag is checked when given (409 when stale).")
        .tag(TAG)
        .body(RenameInput.class)
        .etag()
        .returns(200, ThemeJson.class);
    r.post("/api/v1/themes/{theme}/merge", this::merge)
        .summary("Merge another theme of the product into this one (editors)")
        .description(
            "The other theme's feedback and tags move here and it is deleted; this theme keeps its"
                + " name, and later runs keep it.")
        .tag(TAG)
        .body(MergeInput.class)
        .returns(200, ThemeJson.class);
    r.post("/api/v1/themes/{theme}/split", this::split)
        .summary("Split a theme in two (editors)")
        .description(
            "Its feedback is clustered in two (spherical k-means, k = 2, on TF-IDF over its"
                + " members); the larger part stays, the other becomes a new theme right after it."
                + " Answers both.")
        .tag(TAG)
        .returnsList(ThemeJson.class);
    r.put("/api/v1/feedback/{feedback}/theme", this::place)
        .summary("Put feedback in a theme of its product, or in none (editors)")
        .description(
            "A tag by the PM: later runs leave the feedback there, and it weighs "
                + io.hatrack.discovery.text.ThemeIndex.PIN_WEIGHT
                + " times as much in the theme's centre, so new feedback like it goes there too.")
        .tag(TAG)
        .body(PlacementInput.class)
        .returns(200, ThemeService.Placement.class);
  }

  private void list(Context ctx) {
    ThemeService.Overview o = themes.overview(Requests.user(ctx), ctx.pathParam("product"));
    ctx.json(
        new ThemesJson(
            o.method(),
            o.runAt(),
            o.minSimilarity(),
            o.untriaged(),
            o.unthemed(),
            o.themes().stream().map(ThemeJson::of).toList()));
  }

  private void run(Context ctx) {
    String product = ctx.pathParam("product");
    Job job = themes.start(Requests.user(ctx), product, null);
    ctx.status(202);
    ctx.header("Location", "/api/v1/jobs/" + job.id());
    ctx.json(JobJson.of(job));
  }

  private void get(Context ctx) {
    respond(ctx, themes.get(Requests.user(ctx), Requests.idParam(ctx, "theme")));
  }

  private void respond(Context ctx, ThemeView view) {
    Requests.etag(ctx, view.version());
    ctx.json(ThemeJson.of(view));
  }

  private void rename(Context ctx) {
    RenameInput input = Requests.body(ctx, json, RenameInput.class);
    Long expected = ctx.header("If-Match") == null ? null : Requests.expectedVersion(ctx);
    respond(
        ctx,
        themes.rename(Requests.user(ctx), Requests.idParam(ctx, "theme"), expected, input.name()));
  }

  private void merge(Context ctx) {
    MergeInput input = Requests.body(ctx, json, MergeInput.class);
    respond(ctx, themes.merge(Requests.user(ctx), Requests.idParam(ctx, "theme"), input.theme()));
  }

  private void split(Context ctx) {
    ctx.json(
        themes.split(Requests.user(ctx), Requests.idParam(ctx, "theme")).stream()
            .map(ThemeJson::of)
            .toList());
  }

  private void place(Context ctx) {
    PlacementInput input = Requests.body(ctx, json, PlacementInput.class);
    ctx.json(themes.tag(Requests.user(ctx), ctx.pathParam("feedback"), input.theme()));
  }
}
