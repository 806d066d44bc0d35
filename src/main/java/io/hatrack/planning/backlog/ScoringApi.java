package io.hatrack.planning.backlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scoring models of a product and the scores of its work items over the API. */
public final class ScoringApi implements Routes {
  private static final String TAG = "Scoring";
  private static final String MODELS = "/api/v1/products/{product}/scoring-models";

  private final ScoringService scoring;
  private final ObjectMapper json;

  public ScoringApi(ScoringService scoring, ObjectMapper json) {
    this.scoring = scoring;
    this.json = json;
  }

  /** A scoring model; {@code config} holds the settings of its kind. */
  public record ModelJson(
      long id,
      long productId,
      String name,
      String kind,
      ModelConfig config,
      List<String> inputs,
      String formula,
      int position,
      boolean isDefault,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /** Creating or changing a model; absent fields are kept on a change. */
  public record ModelInput(String name, String kind, ModelConfig config, Boolean isDefault) {}

  /** An item's inputs under a model; {@code version} may stand in for If-Match. */
  public record ScoreBody(Map<String, ScoreInput> inputs, Long version) {}

  /**
   * An item's score under one model: the value for sorting, exactly as p/q and as shown, the
   * formula, the inputs with their sources, the formula worked with them, or the reason it has no
   * value.
   */
  public record ScoreJsonView(
      long modelId,
      String model,
      String kind,
      boolean isDefault,
      Double value,
      String exact,
      String shown,
      String formula,
      Map<String, ScoreInput> inputs,
      String working,
      String missing,
      long version,
      Instant computedAt) {}

  /** An item's scores under every model of its product. */
  public record ItemScoresJson(long itemId, String key, List<ScoreJsonView> scores) {}

  /** One change of a score. */
  public record ChangeJson(
      long id,
      String cause,
      Map<String, ScoreInput> inputs,
      Double value,
      String exact,
      String missing,
      Long changedBy,
      Instant changedAt) {}

  /** What filling from evidence did. */
  public record FilledJson(int items, int scores) {}

  @Override
  public void register(Router r) {
    r.get(MODELS, this::list)
        .summary("A product's scoring models, in order")
        .tag(TAG)
        .returnsList(ModelJson.class);
    r.post(MODELS, this::create)
        .summary("Create a scoring model (editors); the first one is the default")
        .description(
            "kind is rice, ice, wsjf, value_effort, moscow, kano, scorecard or formula. config:"
                + " ICE convention (product or mean); RICE reach (customers or arr) and importance"
                + " (impact or empty); scorecard criteria [{key, name, weight, min, max}] and"
                + " importance (a criterion key); formula formula and inputs; value_effort"
                + " value_threshold and effort_threshold; Kano survey (id or key).")
        .tag(TAG)
        .body(ModelInput.class)
        .returns(201, ModelJson.class);
    r.get(MODELS + "/{model}", this::get)
        .summary("A scoring model by id or name")
        .tag(TAG)
        .etag()
        .returns(200, ModelJson.class);
    r.patch(MODELS + "/{model}", this::update)
        .summary("Change a scoring model (editors); new settings recompute every score under it")
        .tag(TAG)
        .body(ModelInput.class)
        .ifMatch()
        .etag()
        .returns(200, ModelJson.class);
    r.delete(MODELS + "/{model}", this::delete)
        .summary("Delete a scoring model and its scores (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/products/{product}/scores/fill", this::fillAll)
        .summary("Fill every work item's inputs from evidence (editors); manual inputs are kept")
        .tag(TAG)
        .returns(200, FilledJson.class);
    r.get("/api/v1/items/{item}/scores", this::scores)
        .summary("A work item's scores under every model of its product")
        .tag(TAG)
        .returns(200, ItemScoresJson.class);
    r.put("/api/v1/items/{item}/scores/{model}", this::put)
        .summary("Set a work item's inputs under a model (editors)")
        .description(
            "inputs: {name: {value, source (manual, evidence, estimate), note}}. If-Match (or"
                + " version) is the score's version; 0 for an item without a score yet.")
        .tag(TAG)
        .body(ScoreBody.class)
        .returns(200, ScoreJsonView.class);
    r.get("/api/v1/items/{item}/scores/{model}/history", this::history)
        .summary("A work item's score changes under a model, newest first")
        .tag(TAG)
        .returnsList(ChangeJson.class);
    r.post("/api/v1/items/{item}/scores/fill", this::fill)
        .summary("Fill a work item's inputs from evidence (editors); manual inputs are kept")
        .tag(TAG)
        .returns(200, FilledJson.class);
  }

  static ModelJson json(Model m) {
    return new ModelJson(
        m.id(),
        m.productId(),
        m.name(),
        m.kind().id(),
        m.config(),
        m.inputNames(),
        ModelScorer.formulaOf(m),
        m.position(),
        m.isDefault(),
        m.version(),
        m.createdAt(),
        m.updatedAt());
  }

  private void list(Context ctx) {
    List<ModelJson> models =
        scoring.models(Requests.user(ctx), ctx.pathParam("product")).stream()
            .map(ScoringApi::json)
            .toList();
    ctx.json(new ListJson<>(models, models.size(), null));
  }

  private void create(Context ctx) {
    ModelInput in = Requests.body(ctx, json, ModelInput.class);
    Model m =
        scoring.create(
            Requests.user(ctx),
            ctx.pathParam("product"),
            new ModelDraft(in.name(), in.kind(), in.config(), in.isDefault()));
    ctx.header(
        "Location", "/api/v1/products/" + ctx.pathParam("product") + "/scoring-models/" + m.id());
    Requests.etag(ctx, m.version());
    ctx.status(201).json(json(m));
  }

  private void get(Context ctx) {
    Model m = scoring.model(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("model"));
    Requests.etag(ctx, m.version());
    ctx.json(json(m));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    ModelInput in = Requests.body(ctx, json, ModelInput.class);
    Model m =
        scoring.update(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.pathParam("model"),
            expected,
            new ModelDraft(in.name(), in.kind(), in.config(), in.isDefault()));
    Requests.etag(ctx, m.version());
    ctx.json(json(m));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    scoring.delete(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("model"), expected);
    ctx.status(204);
  }

  static ScoreJsonView json(ScoringService.Scored s) {
    Model m = s.model();
    ModelScorer.Outcome o = s.outcome();
    return new ScoreJsonView(
        m.id(),
        m.name(),
        m.kind().id(),
        m.isDefault(),
        o.score(),
        o.exact(),
        o.shown(),
        o.formula(),
        s.stored().map(ItemScore::inputs).orElse(Map.of()),
        o.working(),
        s.stored().isEmpty() ? "no inputs yet" : o.missing(),
        s.stored().map(ItemScore::version).orElse(0L),
        s.stored().map(ItemScore::computedAt).orElse(null));
  }

  private void scores(Context ctx) {
    ScoringService.ItemScores all = scoring.scores(Requests.user(ctx), ctx.pathParam("item"));
    ctx.json(
        new ItemScoresJson(
            all.access().id(),
            all.access().item().key(),
            all.scores().stream().map(ScoringApi::json).toList()));
  }

  private void put(Context ctx) {
    ScoreBody body = Requests.body(ctx, json, ScoreBody.class);
    if (body.inputs() == null) {
      throw Invalid.field("inputs", "is required");
    }
    Long expected = body.version();
    String header = ctx.header("If-Match");
    if (header != null && !header.isBlank()) {
      String v = header.trim().replace("W/", "").replace("\"", "");
      try {
        expected = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw Invalid.field("If-Match", "must be the score's ETag, such as \"3\"");
      }
    }
    Map<String, ScoreInput> inputs = new LinkedHashMap<>();
    body.inputs()
        .forEach(
            (k, v) -> {
              if (v == null) {
                throw Invalid.field(k, "needs a value");
              }
              inputs.put(k, v);
            });
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    ItemScore saved = scoring.put(user, item, ctx.pathParam("model"), expected, inputs);
    ScoringService.Scored shown =
        scoring.scores(user, item).scores().stream()
            .filter(s -> s.model().id() == saved.modelId())
            .findFirst()
            .orElseThrow();
    Requests.etag(ctx, saved.version());
    ctx.json(json(shown));
  }

  private void history(Context ctx) {
    List<ChangeJson> changes =
        scoring
            .history(
                Requests.user(ctx),
                ctx.pathParam("item"),
                ctx.pathParam("model"),
                Requests.limit(ctx, 100))
            .stream()
            .map(
                c ->
                    new ChangeJson(
                        c.id(),
                        c.cause(),
                        c.inputs(),
                        c.score(),
                        c.exact(),
                        c.missing(),
                        c.changedBy(),
                        c.changedAt()))
            .toList();
    ctx.json(new ListJson<>(changes, changes.size(), null));
  }

  private void fill(Context ctx) {
    ScoringService.Filled f = scoring.fill(Requests.user(ctx), ctx.pathParam("item"));
    ctx.json(new FilledJson(f.items(), f.scores()));
  }

  private void fillAll(Context ctx) {
    ScoringService.Filled f = scoring.fillAll(Requests.user(ctx), ctx.pathParam("product"));
    ctx.json(new FilledJson(f.items(), f.scores()));
  }
}
