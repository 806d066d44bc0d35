package io.hatrack.planning.backlog;

import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The ranked backlog of a product and the sensitivity of a ranking, over the API. */
public final class BacklogApi implements Routes {
  private static final String TAG = "Backlog";

  private final BacklogService backlog;

  public BacklogApi(BacklogService backlog) {
    this.backlog = backlog;
  }

  /** An item's score under one model, in a backlog row. */
  public record CellJson(
      long modelId, String model, Double value, String exact, String shown, String missing) {}

  /** A row of the backlog: its place, the item, and its score under every model. */
  public record RowJson(
      long place,
      long id,
      String key,
      String title,
      String type,
      String state,
      Double estimate,
      double rank,
      List<String> tags,
      List<CellJson> scores) {}

  /** A page of the backlog, sorted by {@code sorted_by} (a model's name, or rank). */
  public record BacklogJson(
      String sortedBy,
      Long modelId,
      List<RowJson> items,
      long total,
      String nextCursor,
      String moscowWarning) {}

  /** One item whose rank changes when the input moves one step. */
  public record ShiftJson(
      long itemId,
      String key,
      String title,
      String from,
      String to,
      String scoreBefore,
      String scoreAfter,
      int rankBefore,
      int rankAfter) {}

  /** The sensitivity of a model's ranking to one input. */
  public record SensitivityJson(
      long modelId,
      String model,
      String input,
      boolean stepped,
      int items,
      int moves,
      List<ShiftJson> changes) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/backlog", this::list)
        .summary("A product's ranked backlog: work items by a model's score or by manual rank")
        .description(
            "model: a model's id or name, or rank; without it the default model (else rank)."
                + " Unscored items come last. Filters: type, state, tag.")
        .tag(TAG)
        .paged()
        .query("model", "a scoring model's id or name, or rank")
        .query("type", "only items of this type (feature, story, ...)")
        .query("state", "only items in this workflow state")
        .query("tag", "only items with this tag")
        .returns(200, BacklogJson.class);
    r.get("/api/v1/products/{product}/backlog/sensitivity", this::sensitivity)
        .summary("Which items' ranks change when an input moves one step up or down")
        .tag(TAG)
        .query("model", "a scoring model's id or name (default: the product's default)")
        .query("input", "the input to move, e.g. confidence")
        .returns(200, SensitivityJson.class);
  }

  private void list(Context ctx) {
    BacklogService.Backlog b =
        backlog.backlog(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("model"),
            new ScoreStore.Filter(
                ctx.queryParam("type"), ctx.queryParam("state"), ctx.queryParam("tag")),
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    List<RowJson> rows = new ArrayList<>();
    for (BacklogService.Line l : b.slice().items()) {
      List<CellJson> cells = new ArrayList<>();
      for (Model m : b.models()) {
        ItemScore s = l.scores().get(m.id());
        cells.add(cell(m, s));
      }
      ScoreStore.Row r = l.row();
      rows.add(
          new RowJson(
              l.place(),
              r.id(),
              r.key(),
              r.title(),
              r.type(),
              r.state(),
              r.estimate(),
              r.rank(),
              l.tags(),
              cells));
    }
    ctx.json(
        new BacklogJson(
            b.sortedBy().map(Model::name).orElse(BacklogService.RANK),
            b.sortedBy().map(Model::id).orElse(null),
            rows,
            b.slice().total(),
            b.slice().nextCursor(),
            b.moscowWarning().orElse(null)));
  }

  static CellJson cell(Model m, ItemScore s) {
    if (s == null) {
      return new CellJson(m.id(), m.name(), null, null, "", "no inputs yet");
    }
    String shown = Shown.exact(s.exact());
    return new CellJson(m.id(), m.name(), s.score(), s.exact(), shown, s.missing());
  }

  private void sensitivity(Context ctx) {
    BacklogService.SensitivityView v =
        backlog.sensitivity(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("model"),
            ctx.queryParam("input"));
    ctx.json(
        new SensitivityJson(
            v.model().id(),
            v.model().name(),
            v.input(),
            v.stepped(),
            v.items(),
            v.moves(),
            v.changes().stream()
                .map(
                    s ->
                        new ShiftJson(
                            s.itemId(),
                            s.key(),
                            s.title(),
                            s.from(),
                            s.to(),
                            s.scoreBefore(),
                            s.scoreAfter(),
                            s.rankBefore(),
                            s.rankAfter()))
                .toList()));
  }
}
