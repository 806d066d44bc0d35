package io.hatrack.planning.roi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** A product's ROI models over the API. */
public final class RoiApi implements Routes {
  private static final String TAG = "ROI models";
  private static final String BASE = "/api/v1/products/{product}/roi-models";

  private final RoiService roi;
  private final ObjectMapper json;

  public RoiApi(RoiService roi, ObjectMapper json) {
    this.roi = roi;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A product's ROI models by name, each with its results (all in one page)")
        .tag(TAG)
        .returnsList(RoiJson.ModelJson.class);
    r.post(BASE, this::create)
        .summary("Create an ROI model (editors)")
        .description(
            "discount_rate is in per cent per year; horizon counts the periods after period 0"
                + " (today). Lines: kind one_off_cost (at period from), recurring_cost,"
                + " new_revenue, retained_revenue or cost_saved (each period from..to); ramp"
                + " (benefits only) reaches the full amount in its ramp-th period; spread fixed"
                + " (likely only), triangular or pert (low <= likely <= high). item is the key of"
                + " a feature, epic or initiative of the product.")
        .tag(TAG)
        .body(RoiDraft.class)
        .returns(201, RoiJson.ModelJson.class);
    r.get(BASE + "/compare", this::compare)
        .summary("Several ROI models side by side (at most 6; all, up to 6, without ids)")
        .query("ids", "comma-separated model ids, in the order to show")
        .tag(TAG)
        .returns(200, RoiJson.CompareJson.class);
    r.get(BASE + "/{id}", this::get)
        .summary("An ROI model with its deterministic results and its last simulation")
        .description(RoiJson.CONVENTIONS)
        .tag(TAG)
        .etag()
        .returns(200, RoiJson.ModelJson.class);
    r.put(BASE + "/{id}", this::update)
        .summary("Replace an ROI model's fields and lines (editors); forgets its simulation")
        .tag(TAG)
        .body(RoiDraft.class)
        .ifMatch()
        .etag()
        .returns(200, RoiJson.ModelJson.class);
    r.delete(BASE + "/{id}", this::delete)
        .summary("Delete an ROI model (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(BASE + "/{id}/simulate", this::simulate)
        .summary("Run the Monte Carlo simulation of the model's NPV (editors) and keep it")
        .description(
            "draws defaults to 10,000 (at most 100,000), seed to "
                + RoiService.DEFAULT_SEED
                + "; the same seed gives the same result. Each draw takes one amount per uncertain"
                + " line (the same in each of its periods). Percentiles: "
                + RoiJson.PERCENTILES
                + "; the histogram has 30 equal-width bins from the smallest to the largest NPV.")
        .tag(TAG)
        .body(RoiJson.SimulateInput.class)
        .returns(200, RoiJson.ModelJson.class);
    r.post(BASE + "/{id}/use-as-value", this::useAsValue)
        .summary("Write the model's NPV into its work item's \"value\" number field (editors)")
        .description(
            "The P50 of the simulation when the model has one for its current version, else the"
                + " deterministic NPV, rounded to whole currency units. The field (key value, name"
                + " Value) is added to the product when missing, which needs an admin.")
        .tag(TAG)
        .returns(200, RoiJson.ValueUseJson.class);
  }

  private void list(Context ctx) {
    List<RoiJson.ModelJson> models =
        roi.list(Requests.user(ctx), ctx.pathParam("product")).models().stream()
            .map(RoiJson::of)
            .toList();
    ctx.json(new ListJson<>(models, models.size(), null));
  }

  private void create(Context ctx) {
    RoiDraft draft = Requests.body(ctx, json, RoiDraft.class);
    String product = ctx.pathParam("product");
    RoiModel m = roi.create(Requests.user(ctx), product, draft);
    ctx.header("Location", "/api/v1/products/" + product + "/roi-models/" + m.id());
    respond(ctx.status(201), roi.get(Requests.user(ctx), product, m.id()));
  }

  private void get(Context ctx) {
    respond(
        ctx, roi.get(Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "id")));
  }

  private void respond(Context ctx, RoiService.View view) {
    Requests.etag(ctx, view.model().version());
    ctx.json(RoiJson.of(view));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    RoiDraft draft = Requests.body(ctx, json, RoiDraft.class);
    String product = ctx.pathParam("product");
    long id = Requests.idParam(ctx, "id");
    roi.update(Requests.user(ctx), product, id, expected, draft);
    respond(ctx, roi.get(Requests.user(ctx), product, id));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    roi.delete(Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "id"), expected);
    ctx.status(204);
  }

  private void simulate(Context ctx) {
    RoiJson.SimulateInput input =
        ctx.bodyAsBytes().length == 0
            ? new RoiJson.SimulateInput(null, null)
            : Requests.body(ctx, json, RoiJson.SimulateInput.class);
    respond(
        ctx,
        roi.simulate(
            Requests.user(ctx),
            ctx.pathParam("product"),
            Requests.idParam(ctx, "id"),
            input.draws(),
            input.seed()));
  }

  private void useAsValue(Context ctx) {
    RoiService.ValueUse use =
        roi.useAsValue(Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "id"));
    ctx.json(new RoiJson.ValueUseJson(use.itemKey(), use.field(), use.amount(), use.basis()));
  }

  private void compare(Context ctx) {
    ctx.json(
        new RoiJson.CompareJson(
            roi
                .compare(Requests.user(ctx), ctx.pathParam("product"), ids(ctx.queryParam("ids")))
                .models()
                .stream()
                .map(RoiJson::of)
                .toList()));
  }

  /** Model ids from {@code 1,2,3}; anything else is refused naming {@code ids}. */
  static List<Long> ids(String text) {
    List<Long> ids = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return ids;
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw Invalid.field("ids", "must be model ids separated by commas");
      }
    }
    return ids;
  }
}
