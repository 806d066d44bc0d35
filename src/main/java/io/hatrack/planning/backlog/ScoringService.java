package io.hatrack.planning.backlog;

import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldType;
import io.hatrack.definition.fields.FieldValue;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.surveys.Kano;
import io.hatrack.discovery.surveys.SurveyResponseService;
import io.hatrack.discovery.surveys.SurveyResults;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Scoring models of a product and the scores of its work items: models created, changed (every
 * score under a changed model is recomputed in the same transaction) and deleted; an item's inputs
 * set by hand (optimistic locking on the score's version) or filled from evidence; every change
 * kept in the score's history.
 */
public final class ScoringService {
  public static final int MAX_NAME = 60;
  public static final int MAX_MODELS = 30;
  private static final String WORK_ITEM = "work_item";

  /** What the service reads from the other hats. */
  public record Sources(
      FeedbackService feedback, CustomFieldService fields, SurveyResponseService surveys) {}

  private final Database db;
  private final ScoreStore store;
  private final ProductService products;
  private final ItemService items;
  private final AuditLog audit;
  private final Sources sources;
  private final Clock clock;

  public ScoringService(
      Database db,
      ScoreStore store,
      ProductService products,
      ItemService items,
      AuditLog audit,
      Sources sources,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.items = items;
    this.audit = audit;
    this.sources = sources;
    this.clock = clock;
  }

  // ---- Models ----------------------------------------------------------------------------------

  /** A product's models in their order. */
  public List<Model> models(User actor, String productRef) {
    return db.read(h -> store.models(h, products.access(h, actor, productRef).id()));
  }

  /** A product's models inside the caller's transaction. */
  public List<Model> models(Handle h, long productId) {
    return store.models(h, productId);
  }

  /** A model of a product by id or by name. */
  public Model model(User actor, String productRef, String modelRef) {
    return db.read(h -> model(h, products.access(h, actor, productRef).id(), modelRef));
  }

  Model model(Handle h, long productId, String ref) {
    String r = ref == null ? "" : ref.trim();
    Optional<Model> found = Optional.empty();
    if (r.matches("\\d{1,18}")) {
      found = store.model(h, Long.parseLong(r)).filter(m -> m.productId() == productId);
    }
    if (found.isEmpty()) {
      found = store.modelByName(h, productId, r);
    }
    return found.orElseThrow(() -> new NotFound("scoring model"));
  }

  /** The product's default model, if it marked one. */
  public Optional<Model> defaultModel(User actor, String productRef) {
    return db.read(h -> defaultModel(h, products.access(h, actor, productRef).id()));
  }

  /** The product's default model inside the caller's transaction. */
  public Optional<Model> defaultModel(Handle h, long productId) {
    return store.models(h, productId).stream().filter(Model::isDefault).findFirst();
  }

  public Model create(User actor, String productRef, ModelDraft draft) {
    return db.tx(h -> create(h, actor, products.access(h, actor, productRef), draft));
  }

  /** Creates a model inside the caller's transaction (the demo uses this). */
  public Model create(Handle h, User actor, ProductAccess product, ModelDraft draft) {
    product.require(Role.EDITOR, "create scoring models");
    ModelKind kind = ModelKind.parse("kind", draft.kind());
    String name = checkName(h, product.id(), draft.name(), null);
    ModelConfig config =
        (draft.config() == null ? ModelConfig.empty() : draft.config()).normalised(kind);
    checkFormulaReferences(h, product.id(), kind, config);
    List<Model> existing = store.models(h, product.id());
    if (existing.size() >= MAX_MODELS) {
      throw Invalid.field("name", "a product has at most " + MAX_MODELS + " scoring models");
    }
    boolean isDefault = Boolean.TRUE.equals(draft.isDefault()) || existing.isEmpty();
    Instant now = clock.instant();
    long id =
        store.insertModel(h, product.id(), name, kind, ScoreJson.write(config), isDefault, now);
    if (isDefault) {
      store.clearDefault(h, product.id(), id);
    }
    audit.record(
        h,
        productChange(
            product,
            actor,
            "scoring_model.created",
            "created the scoring model " + name,
            null,
            Map.of("name", name, "kind", kind.id(), "config", ScoreJson.write(config))));
    return store.model(h, id).orElseThrow();
  }

  /**
   * Changes a model if it is still at {@code expectedVersion}; when its settings change, every
   * score under it is recomputed in the same transaction.
   */
  public Model update(
      User actor, String productRef, String modelRef, long expectedVersion, ModelDraft draft) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "change scoring models");
          Model before = model(h, product.id(), modelRef);
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This scoring model", expectedVersion, before.version());
          }
          if (draft.kind() != null && !draft.kind().isBlank()) {
            ModelKind kind = ModelKind.parse("kind", draft.kind());
            new Validation()
                .check("kind", kind == before.kind(), "cannot change; create another model")
                .orThrow();
          }
          String name =
              draft.name() == null
                  ? before.name()
                  : checkName(h, product.id(), draft.name(), before.id());
          ModelConfig config =
              draft.config() == null ? before.config() : draft.config().normalised(before.kind());
          checkFormulaReferences(h, product.id(), before.kind(), config);
          boolean isDefault = draft.isDefault() == null ? before.isDefault() : draft.isDefault();
          Instant now = clock.instant();
          store.updateModel(
              h, before.id(), expectedVersion, name, ScoreJson.write(config), isDefault, now);
          if (isDefault) {
            store.clearDefault(h, product.id(), before.id());
          }
          Model after = store.model(h, before.id()).orElseThrow();
          if (!after.config().equals(before.config())) {
            recompute(h, actor, after);
          }
          audit.record(
              h,
              productChange(
                  product,
                  actor,
                  "scoring_model.updated",
                  "changed the scoring model " + name,
                  Map.of("name", before.name(), "config", ScoreJson.write(before.config())),
                  Map.of("name", name, "config", ScoreJson.write(config))));
          return after;
        });
  }

  /** Deletes a model and its scores; another model becomes the default if it was. */
  public void delete(User actor, String productRef, String modelRef, long expectedVersion) {
    db.txVoid(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "delete scoring models");
          Model m = model(h, product.id(), modelRef);
          if (m.version() != expectedVersion) {
            throw Conflict.staleVersion("This scoring model", expectedVersion, m.version());
          }
          store.deleteModel(h, m.id());
          if (m.isDefault()) {
            store.models(h, product.id()).stream()
                .findFirst()
                .ifPresent(
                    next ->
                        store.updateModel(
                            h,
                            next.id(),
                            next.version(),
                            next.name(),
                            ScoreJson.write(next.config()),
                            true,
                            clock.instant()));
          }
          audit.record(
              h,
              productChange(
                  product,
                  actor,
                  "scoring_model.deleted",
                  "deleted the scoring model " + m.name(),
                  Map.of("name", m.name(), "kind", m.kind().id()),
                  null));
        });
  }

  /**
   * Recomputes every score under a model from its stored inputs, inside the caller's transaction;
   * answers how many scores were written.
   */
  public int recompute(Handle h, User actor, Model model) {
    List<ScoreStore.RawScore> scores = store.rawScoresOf(h, model.id());
    boolean formula = model.kind() == ModelKind.FORMULA;
    Map<Long, ModelScorer.Facts> facts =
        formula ? facts(h, scores.stream().map(ScoreStore.RawScore::itemId).toList()) : Map.of();
    // A score depends only on the model, the inputs and (for formulas) the item's own facts, so
    // items with the same inputs share one evaluation; discrete scales make that the common case.
    Map<String, ModelScorer.Outcome> seen = new HashMap<>();
    List<ScoreStore.Recomputed> rows = new ArrayList<>(scores.size());
    for (ScoreStore.RawScore s : scores) {
      ModelScorer.Outcome o =
          formula
              ? ModelScorer.score(
                  model,
                  ScoreJson.inputs(s.inputs()),
                  facts.getOrDefault(s.itemId(), ModelScorer.Facts.NONE))
              : seen.computeIfAbsent(
                  s.inputs(),
                  text -> ModelScorer.score(model, ScoreJson.inputs(text), ModelScorer.Facts.NONE));
      if (!Objects.equals(o.exact(), s.exact()) || !Objects.equals(o.missing(), s.missing())) {
        rows.add(new ScoreStore.Recomputed(s.itemId(), o));
      }
    }
    store.recomputed(h, model.id(), rows, actor == null ? null : actor.id(), clock.instant());
    return rows.size();
  }

  private String checkName(Handle h, long productId, String raw, Long self) {
    String name = raw == null ? null : raw.strip();
    new Validation().text("name", name, MAX_NAME).orThrow();
    store
        .modelByName(h, productId, name)
        .filter(m -> self == null || m.id() != self)
        .ifPresent(
            m -> {
              throw Conflict.taken("name", name);
            });
    return name;
  }

  /** A formula may read its named inputs, {@code estimate} and the product's number fields. */
  private void checkFormulaReferences(Handle h, long productId, ModelKind kind, ModelConfig c) {
    if (kind != ModelKind.FORMULA) {
      return;
    }
    List<String> numbers = new ArrayList<>();
    sources.fields().fields(h, productId).stream()
        .filter(f -> f.type() == FieldType.NUMBER || f.type() == FieldType.FORMULA)
        .forEach(f -> numbers.add(f.key()));
    for (String ref : io.hatrack.definition.fields.Formula.parse(c.formula()).references()) {
      if (!c.inputs().contains(ref)
          && !ref.equals(io.hatrack.definition.fields.Formula.ESTIMATE)
          && !numbers.contains(ref)) {
        throw Invalid.field(
            "config.formula",
            "reads "
                + ref
                + ", which is neither an input of the model, estimate, nor a number field of the"
                + " product");
      }
    }
  }

  private static Change productChange(
      ProductAccess product,
      User actor,
      String action,
      String summary,
      Object before,
      Object after) {
    return new Change(
        product.workspace().workspace().id(),
        product.id(),
        null,
        actor.id(),
        action,
        summary,
        before,
        after,
        false);
  }

  // ---- Scores ----------------------------------------------------------------------------------

  /** An item's score under one model as shown: the stored row (if any) and its evaluation. */
  public record Scored(Model model, Optional<ItemScore> stored, ModelScorer.Outcome outcome) {}

  /** An item's scores under every model of its product. */
  public record ItemScores(ItemAccess access, List<Scored> scores) {}

  public ItemScores scores(User actor, String itemRef) {
    return db.read(
        h -> {
          ItemAccess access = workItem(h, actor, itemRef);
          long productId = access.item().productId();
          Map<Long, ItemScore> stored = store.scores(h, access.id());
          ModelScorer.Facts facts = facts(h, List.of(access.id())).get(access.id());
          List<Scored> out = new ArrayList<>();
          for (Model m : store.models(h, productId)) {
            ItemScore s = stored.get(m.id());
            ModelScorer.Outcome o = ModelScorer.score(m, s == null ? Map.of() : s.inputs(), facts);
            out.add(new Scored(m, Optional.ofNullable(s), o));
          }
          return new ItemScores(access, out);
        });
  }

  /**
   * Sets an item's inputs under a model (all of them, replacing what was there) if its score is
   * still at {@code expectedVersion} (null: the item has no score under it yet, or the caller does
   * not check).
   */
  public ItemScore put(
      User actor,
      String itemRef,
      String modelRef,
      Long expectedVersion,
      Map<String, ScoreInput> inputs) {
    return db.tx(
        h -> {
          ItemAccess access = workItem(h, actor, itemRef).require(Role.EDITOR, "score work items");
          Model m = model(h, access.item().productId(), modelRef);
          Optional<ItemScore> before = store.score(h, access.id(), m.id());
          if (expectedVersion != null) {
            long current = before.map(ItemScore::version).orElse(0L);
            if (current != expectedVersion) {
              throw Conflict.staleVersion("This score", expectedVersion, current);
            }
          }
          Map<String, ScoreInput> clean = new LinkedHashMap<>(inputs);
          ModelScorer.check(m, clean);
          write(h, actor, access, m, clean, "manual");
          return store.score(h, access.id(), m.id()).orElseThrow();
        });
  }

  private ModelScorer.Outcome write(
      Handle h,
      User actor,
      ItemAccess access,
      Model m,
      Map<String, ScoreInput> inputs,
      String cause) {
    ModelScorer.Facts facts = facts(h, List.of(access.id())).get(access.id());
    ModelScorer.Outcome o = ModelScorer.score(m, inputs, facts);
    Instant now = clock.instant();
    String json = ScoreJson.write(inputs);
    Long by = actor == null ? null : actor.id();
    store.putScore(h, access.id(), m.id(), json, o, by, now);
    store.addHistory(h, access.id(), m.id(), cause, json, o, by, now);
    audit.record(
        h,
        access
            .item()
            .change(
                actor.id(),
                "item_score.updated",
                "scored " + access.item().label() + " under " + m.name(),
                null,
                Map.of("model", m.name(), "score", o.scored() ? o.shown() : "", "cause", cause)));
    return o;
  }

  /** An item's score changes under a model, newest first. */
  public List<ScoreChange> history(User actor, String itemRef, String modelRef, int limit) {
    return db.read(
        h -> {
          ItemAccess access = workItem(h, actor, itemRef);
          Model m = model(h, access.item().productId(), modelRef);
          return store.history(h, access.id(), m.id(), Math.max(1, Math.min(limit, 500)));
        });
  }

  /**
   * The values under a model of a product's live items that have one (items without a value are
   * left out). For the release planner and other parts of the planning hat; no access check.
   */
  public Map<Long, BigDecimal> scores(long productId, long modelId) {
    return db.read(h -> scores(h, productId, modelId));
  }

  /** As {@link #scores(long, long)} inside the caller's transaction. */
  public Map<Long, BigDecimal> scores(Handle h, long productId, long modelId) {
    Model m = store.model(h, modelId).orElseThrow(() -> new NotFound("scoring model"));
    if (m.productId() != productId) {
      throw new NotFound("scoring model");
    }
    Map<Long, BigDecimal> out = new LinkedHashMap<>();
    store.values(h, modelId).forEach((item, v) -> out.put(item, BigDecimal.valueOf(v)));
    return out;
  }

  // ---- Evidence --------------------------------------------------------------------------------

  /** What filling from evidence did: how many items it looked at and scores it wrote. */
  public record Filled(int items, int scores) {}

  /**
   * Fills each model's inputs of one item from its evidence; an input typed in by hand is never
   * overwritten, an earlier evidence or estimate input is refreshed.
   */
  public Filled fill(User actor, String itemRef) {
    Map<Long, Map<String, Map<Kano.Category, Long>>> kano = kanoResults(actor, itemRef, true);
    return db.tx(
        h -> {
          ItemAccess access = workItem(h, actor, itemRef).require(Role.EDITOR, "score work items");
          int n = fill(h, actor, access, store.models(h, access.item().productId()), kano);
          return new Filled(1, n);
        });
  }

  /** Fills every live work item of a product from evidence, in one transaction. */
  public Filled fillAll(User actor, String productRef) {
    Map<Long, Map<String, Map<Kano.Category, Long>>> kano = kanoResults(actor, productRef, false);
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "score work items");
          List<Model> models = store.models(h, product.id());
          int n = 0;
          List<Long> ids = store.workItems(h, product.id());
          for (long id : ids) {
            n += fill(h, actor, items.access(h, actor, id), models, kano);
          }
          return new Filled(ids.size(), n);
        });
  }

  private int fill(
      Handle h,
      User actor,
      ItemAccess access,
      List<Model> models,
      Map<Long, Map<String, Map<Kano.Category, Long>>> kano) {
    Item item = access.item();
    EvidenceInputs.Evidence evidence = null;
    int written = 0;
    for (Model m : models) {
      if (evidence == null) {
        evidence =
            new EvidenceInputs.Evidence(
                sources.feedback().demand(h, item),
                store.estimate(h, item.id()),
                store.effortSum(h, item.id()),
                Optional.empty());
      }
      Optional<EvidenceInputs.KanoFound> k = Optional.empty();
      Map<String, Map<Kano.Category, Long>> byFeature = kano.get(m.id());
      if (byFeature != null && byFeature.containsKey(key(item.title()))) {
        k =
            Optional.of(
                new EvidenceInputs.KanoFound(
                    m.config().survey(), byFeature.get(key(item.title()))));
      }
      Map<String, ScoreInput> found =
          EvidenceInputs.of(
              m,
              new EvidenceInputs.Evidence(
                  evidence.demand(), evidence.estimate(), evidence.effortSum(), k));
      Map<String, ScoreInput> current =
          store.score(h, item.id(), m.id()).map(ItemScore::inputs).orElse(Map.of());
      Map<String, ScoreInput> merged = new LinkedHashMap<>(current);
      found.forEach(
          (name, in) -> {
            ScoreInput was = current.get(name);
            if (was == null || !"manual".equals(was.source())) {
              merged.put(name, in);
            }
          });
      if (!merged.equals(current)) {
        write(h, actor, access, m, merged, "evidence");
        written++;
      }
    }
    return written;
  }

  /** Kano counts per Kano model and feature title, read before the filling transaction. */
  private Map<Long, Map<String, Map<Kano.Category, Long>>> kanoResults(
      User actor, String ref, boolean isItem) {
    List<Model> models =
        db.read(
            h -> {
              long productId =
                  isItem
                      ? workItem(h, actor, ref).item().productId()
                      : products.access(h, actor, ref).id();
              return store.models(h, productId);
            });
    Map<Long, Map<String, Map<Kano.Category, Long>>> out = new HashMap<>();
    for (Model m : models) {
      if (m.kind() != ModelKind.KANO || m.config().survey() == null) {
        continue;
      }
      Map<String, Map<Kano.Category, Long>> byFeature = new HashMap<>();
      try {
        SurveyResults results = sources.surveys().results(actor, m.config().survey());
        for (SurveyResults.QuestionResult q : results.kanoFeatures()) {
          if (q.kano() != null) {
            byFeature.put(key(q.question().feature()), q.kano().counts());
          }
        }
      } catch (HatrackException e) {
        // The survey is gone or not readable by this person: the model fills nothing.
        continue;
      }
      out.put(m.id(), byFeature);
    }
    return out;
  }

  private static String key(String title) {
    return title == null ? "" : title.strip().toLowerCase(java.util.Locale.ROOT);
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private ItemAccess workItem(Handle h, User actor, String ref) {
    ItemAccess access = items.access(h, actor, ref == null ? "" : ref.trim());
    if (!access.item().kind().equals(WORK_ITEM) || access.item().productId() == null) {
      throw new NotFound("work item");
    }
    return access;
  }

  /** Each item's estimate and number fields, for formulas. */
  private Map<Long, ModelScorer.Facts> facts(Handle h, List<Long> ids) {
    Map<Long, ModelScorer.Facts> out = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      Map<Long, Double> estimates = store.estimates(h, chunk);
      Map<Long, Map<String, FieldValue>> values = sources.fields().values(h, chunk);
      for (long id : chunk) {
        Map<String, Double> numbers = new HashMap<>();
        values
            .getOrDefault(id, Map.of())
            .forEach(
                (k, v) -> {
                  if (v.number() != null) {
                    numbers.put(k, v.number());
                  }
                });
        out.put(id, new ModelScorer.Facts(estimates.get(id), numbers));
      }
    }
    return out;
  }
}
