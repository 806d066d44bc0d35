package io.hatrack.planning.backlog;

import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.planning.scoring.Moscow;
import io.hatrack.planning.scoring.Sensitivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranked backlog of a product: its live work items sorted by a scoring model (highest first,
 * unscored last) or by their manual rank, every model's score side by side, filtered by type, state
 * and tag, a page at a time; moving an item in the manual rank; and the sensitivity of a ranking to
 * one input moved a step up or down.
 */
public final class BacklogService {
  /** The sort by manual rank rather than by a model. */
  public static final String RANK = "rank";

  /** How many of the best-scored items the sensitivity view looks at. */
  public static final int SENSITIVITY_ITEMS = 1000;

  private final Database db;
  private final ScoreStore store;
  private final ProductService products;
  private final ScoringService scoring;
  private final WorkItemService workItems;
  private final Collaboration collaboration;

  public BacklogService(
      Database db,
      ScoreStore store,
      ProductService products,
      ScoringService scoring,
      WorkItemService workItems,
      Collaboration collaboration) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.scoring = scoring;
    this.workItems = workItems;
    this.collaboration = collaboration;
  }

  /** A row of the backlog with its scores by model id, its tags and its place (1 is first). */
  public record Line(
      ScoreStore.Row row, Map<Long, ItemScore> scores, List<String> tags, long place) {}

  /**
   * A page of the backlog.
   *
   * @param sortedBy the model it is sorted by, or empty for the manual rank
   */
  public record Backlog(
      ProductAccess product,
      List<Model> models,
      Optional<Model> sortedBy,
      ScoreStore.Filter filter,
      List<String> states,
      Slice<Line> slice,
      long offset,
      Optional<String> moscowWarning) {}

  /**
   * A page of the backlog sorted by {@code modelRef} (id or name; {@code rank} for the manual rank;
   * blank for the product's default model, or the rank without one).
   */
  public Backlog backlog(
      User actor,
      String productRef,
      String modelRef,
      ScoreStore.Filter filter,
      String cursor,
      int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long offset = cursor == null || cursor.isBlank() ? 0 : Cursor.decode(cursor.trim(), 1)[0];
    if (offset < 0) {
      throw Invalid.field("cursor", "is not a cursor that this listing gave out");
    }
    ScoreStore.Filter f = filter == null ? new ScoreStore.Filter(null, null, null) : filter;
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<Model> models = store.models(h, product.id());
          Optional<Model> by;
          if (modelRef == null || modelRef.isBlank()) {
            by = models.stream().filter(Model::isDefault).findFirst();
          } else if (modelRef.trim().equals(RANK)) {
            by = Optional.empty();
          } else {
            try {
              by = Optional.of(scoring.model(h, product.id(), modelRef));
            } catch (NotFound e) {
              throw Invalid.field("model", "is not a scoring model of this product, nor rank");
            }
          }
          long total = store.backlogCount(h, product.id(), f);
          List<ScoreStore.Row> rows =
              store.backlog(h, product.id(), by.map(Model::id).orElse(null), f, offset, limit + 1);
          boolean more = rows.size() > limit;
          if (more) {
            rows = rows.subList(0, limit);
          }
          List<Long> ids = ScoreStore.ids(rows);
          Map<Long, Map<Long, ItemScore>> scores = store.scoresFor(h, ids);
          Map<Long, List<String>> tags = collaboration.tags().forItems(h, ids);
          List<Line> lines = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            ScoreStore.Row r = rows.get(i);
            lines.add(
                new Line(
                    r,
                    scores.getOrDefault(r.id(), Map.of()),
                    tags.getOrDefault(r.id(), List.of()),
                    offset + i + 1));
          }
          return new Backlog(
              product,
              models,
              by,
              f,
              store.states(h, product.id()),
              new Slice<>(lines, total, more ? Cursor.encode(offset + limit) : null),
              offset,
              by.filter(m -> m.kind() == ModelKind.MOSCOW).flatMap(m -> moscowCheck(h, m)));
        });
  }

  /**
   * DSDM's rule for a MoSCoW model: the Must-haves' share of the planned effort (the estimates of
   * Must, Should and Could items; items without an estimate count 0) above 60 % warns.
   */
  private Optional<String> moscowCheck(org.jdbi.v3.core.Handle h, Model m) {
    List<ScoreStore.RawScore> raw = store.rawScoresOf(h, m.id());
    Map<Long, Double> estimates =
        store.estimates(h, raw.stream().map(ScoreStore.RawScore::itemId).toList());
    List<Moscow.Planned> planned = new ArrayList<>();
    for (ScoreStore.RawScore r : raw) {
      ScoreInput c = ScoreJson.inputs(r.inputs()).get("category");
      if (c == null || c.value() == null || r.exact() == null) {
        continue;
      }
      Moscow.Category category =
          switch (c.value().toLowerCase(java.util.Locale.ROOT).replace("'", "")) {
            case "must" -> Moscow.Category.MUST;
            case "should" -> Moscow.Category.SHOULD;
            case "could" -> Moscow.Category.COULD;
            default -> Moscow.Category.WONT;
          };
      planned.add(
          new Moscow.Planned(
              category, java.math.BigDecimal.valueOf(estimates.getOrDefault(r.itemId(), 0.0))));
    }
    return Moscow.check(planned).warning();
  }

  /**
   * Moves an item in the manual rank between two neighbours (either may be null at the ends),
   * through the definition hat's rank, if the item is still at {@code expectedVersion}.
   */
  public WorkItem move(
      User actor,
      String productRef,
      String itemRef,
      long expectedVersion,
      String beforeRef,
      String afterRef) {
    long productId = db.read(h -> products.access(h, actor, productRef).id());
    WorkItem item = inProduct(actor, itemRef, productId, "item");
    Double before =
        beforeRef == null ? null : inProduct(actor, beforeRef, productId, "before").position();
    Double after =
        afterRef == null ? null : inProduct(actor, afterRef, productId, "after").position();
    double rank = WorkItemService.between(before, after);
    return workItems.update(
        actor,
        Long.toString(item.id()),
        expectedVersion,
        WorkItemChanges.none().withPosition(rank));
  }

  private WorkItem inProduct(User actor, String ref, long productId, String field) {
    WorkItem w = workItems.get(actor, ref).item();
    if (w.item().productId() == null || w.item().productId() != productId) {
      throw Invalid.field(field, "is not an item of this product");
    }
    return w;
  }

  /** One item whose rank changes when the input moves one step. */
  public record Shift(
      long itemId,
      String key,
      String title,
      String from,
      String to,
      String scoreBefore,
      String scoreAfter,
      int rankBefore,
      int rankAfter) {}

  /**
   * The sensitivity of a model's ranking to one input.
   *
   * @param stepped whether the input moves in steps under the model at all
   * @param items how many scored items were looked at (the best {@link #SENSITIVITY_ITEMS})
   * @param moves how many one-step moves were tried
   * @param changes the moves that change the item's rank, largest change first
   */
  public record SensitivityView(
      ProductAccess product,
      Model model,
      String input,
      boolean stepped,
      int items,
      int moves,
      List<Shift> changes) {}

  public SensitivityView sensitivity(User actor, String productRef, String modelRef, String input) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          Model m =
              modelRef == null || modelRef.isBlank()
                  ? scoring
                      .defaultModel(h, product.id())
                      .orElseThrow(() -> Invalid.field("model", "is required (no default model)"))
                  : scoring.model(h, product.id(), modelRef);
          String in = input == null ? "" : input.trim();
          if (!m.inputNames().contains(in)) {
            throw Invalid.field(
                "input",
                "must be one of " + String.join(", ", m.inputNames()) + " for " + m.name());
          }
          InputSteps steps = new InputSteps(m, in);
          List<ScoreStore.ScoredRow> rows = store.scored(h, m.id(), SENSITIVITY_ITEMS);
          if (!steps.stepped()) {
            return new SensitivityView(product, m, in, false, rows.size(), 0, List.of());
          }
          Map<Long, Map<String, ScoreInput>> backlog = new LinkedHashMap<>();
          Map<Long, ScoreStore.ScoredRow> byId = new LinkedHashMap<>();
          for (ScoreStore.ScoredRow r : rows) {
            if (ModelScorer.score(m, r.inputs(), ModelScorer.Facts.NONE).scored()) {
              backlog.put(r.id(), r.inputs());
              byId.put(r.id(), r);
            }
          }
          List<Sensitivity.RankShift<Long>> all = Sensitivity.ranks(steps, backlog);
          List<Shift> changes = new ArrayList<>();
          for (Sensitivity.RankShift<Long> s : Sensitivity.changing(all)) {
            ScoreStore.ScoredRow r = byId.get(s.item());
            changes.add(
                new Shift(
                    r.id(),
                    r.key(),
                    r.title(),
                    shown(m, s.shift().from()),
                    shown(m, s.shift().to()),
                    ModelScorer.plain(s.shift().before().shown()),
                    ModelScorer.plain(s.shift().after().shown()),
                    s.rankBefore(),
                    s.rankAfter()));
          }
          return new SensitivityView(product, m, in, true, backlog.size(), all.size(), changes);
        });
  }

  private static String shown(Model m, java.math.BigDecimal v) {
    if (m.kind() == ModelKind.MOSCOW) {
      return List.of("wont", "could", "should", "must").get(v.intValue() - 1);
    }
    return ModelScorer.plain(v);
  }
}
