package io.hatrack.planning.backlog;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for scoring models, items' scores and their history, and the ranked backlog (which reads the
 * definition hat's work items, states and the kernel's tags, never writing them).
 */
public final class ScoreStore {
  private static final String MODEL_COLUMNS =
      "id, product_id, name, kind, config, position, is_default, version, created_at, updated_at";
  private static final String SCORE_COLUMNS =
      "item_id, model_id, inputs, score, exact, missing, computed_at, computed_by, version";

  // ---- Models ----------------------------------------------------------------------------------

  public long insertModel(
      Handle h,
      long productId,
      String name,
      ModelKind kind,
      String config,
      boolean isDefault,
      Instant now) {
    int position =
        h.createQuery(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM scoring_model WHERE product_id = :p")
            .bind("p", productId)
            .mapTo(Integer.class)
            .one();
    return h.createUpdate(
            "INSERT INTO scoring_model (product_id, name, kind, config, position, is_default,"
                + " created_at, updated_at) VALUES (:product, :name, :kind, :config, :position,"
                + " :isDefault, :now, :now)")
        .bind("product", productId)
        .bind("name", name)
        .bind("kind", kind.id())
        .bind("config", config)
        .bind("position", position)
        .bind("isDefault", isDefault)
        .bind("now", Rows.millis(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** Changes a model if it is still at {@code version}; false when it was not. */
  public boolean updateModel(
      Handle h, long id, long version, String name, String config, boolean isDefault, Instant now) {
    return h.createUpdate(
                "UPDATE scoring_model SET name = :name, config = :config, is_default = :isDefault,"
                    + " updated_at = :now, version = version + 1 WHERE id = :id AND version ="
                    + " :version")
            .bind("id", id)
            .bind("version", version)
            .bind("name", name)
            .bind("config", config)
            .bind("isDefault", isDefault)
            .bind("now", Rows.millis(now))
            .execute()
        == 1;
  }

  /** Takes the default mark off every model of a product but one. */
  public void clearDefault(Handle h, long productId, long keep) {
    h.createUpdate(
            "UPDATE scoring_model SET is_default = FALSE, version = version + 1"
                + " WHERE product_id = :p AND id <> :keep AND is_default = TRUE")
        .bind("p", productId)
        .bind("keep", keep)
        .execute();
  }

  public void deleteModel(Handle h, long id) {
    h.createUpdate("DELETE FROM scoring_model WHERE id = :id").bind("id", id).execute();
  }

  public Optional<Model> model(Handle h, long id) {
    return h.createQuery("SELECT " + MODEL_COLUMNS + " FROM scoring_model WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> model(rs))
        .findOne();
  }

  public Optional<Model> modelByName(Handle h, long productId, String name) {
    return h.createQuery(
            "SELECT " + MODEL_COLUMNS + " FROM scoring_model WHERE product_id = :p AND name = :n")
        .bind("p", productId)
        .bind("n", name)
        .map((rs, ctx) -> model(rs))
        .findOne();
  }

  /** A product's models in their order. */
  public List<Model> models(Handle h, long productId) {
    return h.createQuery(
            "SELECT "
                + MODEL_COLUMNS
                + " FROM scoring_model WHERE product_id = :p ORDER BY position, id")
        .bind("p", productId)
        .map((rs, ctx) -> model(rs))
        .list();
  }

  private static Model model(ResultSet rs) throws SQLException {
    ModelKind kind = ModelKind.parse("kind", rs.getString("kind"));
    return new Model(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("name"),
        kind,
        ScoreJson.config(rs.getString("config")),
        rs.getInt("position"),
        rs.getBoolean("is_default"),
        rs.getLong("version"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }

  // ---- Scores ----------------------------------------------------------------------------------

  public Optional<ItemScore> score(Handle h, long itemId, long modelId) {
    return h.createQuery(
            "SELECT " + SCORE_COLUMNS + " FROM item_score WHERE item_id = :i AND model_id = :m")
        .bind("i", itemId)
        .bind("m", modelId)
        .map((rs, ctx) -> score(rs))
        .findOne();
  }

  /** An item's scores by model id. */
  public Map<Long, ItemScore> scores(Handle h, long itemId) {
    Map<Long, ItemScore> out = new HashMap<>();
    h.createQuery("SELECT " + SCORE_COLUMNS + " FROM item_score WHERE item_id = :i")
        .bind("i", itemId)
        .map((rs, ctx) -> score(rs))
        .forEach(s -> out.put(s.modelId(), s));
    return out;
  }

  /** Every score under a model. */
  public List<ItemScore> scoresOf(Handle h, long modelId) {
    return h.createQuery("SELECT " + SCORE_COLUMNS + " FROM item_score WHERE model_id = :m")
        .bind("m", modelId)
        .map((rs, ctx) -> score(rs))
        .list();
  }

  /** The scores of some items under every model: item id to model id to score. */
  public Map<Long, Map<Long, ItemScore>> scoresFor(Handle h, Collection<Long> itemIds) {
    Map<Long, Map<Long, ItemScore>> out = new HashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    h.createQuery("SELECT " + SCORE_COLUMNS + " FROM item_score WHERE item_id IN (<ids>)")
        .bindList("ids", List.copyOf(itemIds))
        .map((rs, ctx) -> score(rs))
        .forEach(s -> out.computeIfAbsent(s.itemId(), k -> new HashMap<>()).put(s.modelId(), s));
    return out;
  }

  /** The values under a model of a product's live items that have one. */
  public Map<Long, Double> values(Handle h, long modelId) {
    Map<Long, Double> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT s.item_id, s.score FROM item_score s JOIN entity e ON e.id = s.item_id"
                + " WHERE s.model_id = :m AND s.score IS NOT NULL AND e.deleted_at IS NULL"
                + " ORDER BY s.item_id")
        .bind("m", modelId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Writes an item's score (a new row at version 1, or the next version). */
  public void putScore(
      Handle h,
      long itemId,
      long modelId,
      String inputs,
      ModelScorer.Outcome o,
      Long by,
      Instant now) {
    h.createUpdate(
            "INSERT INTO item_score (item_id, model_id, inputs, score, exact, missing,"
                + " computed_at, computed_by) VALUES (:item, :model, :inputs, :score, :exact,"
                + " :missing, :now, :by) ON CONFLICT (item_id, model_id) DO UPDATE SET"
                + " inputs = excluded.inputs, score = excluded.score, exact = excluded.exact,"
                + " missing = excluded.missing, computed_at = excluded.computed_at,"
                + " computed_by = excluded.computed_by, version = item_score.version + 1")
        .bind("item", itemId)
        .bind("model", modelId)
        .bind("inputs", inputs)
        .bind("score", o.score())
        .bind("exact", o.exact())
        .bind("missing", o.missing())
        .bind("now", Rows.millis(now))
        .bind("by", by)
        .execute();
  }

  /** A stored score as written, for a recompute: the inputs stay JSON text. */
  public record RawScore(long itemId, String inputs, String exact, String missing) {}

  /** Every score under a model, inputs unparsed. */
  public List<RawScore> rawScoresOf(Handle h, long modelId) {
    return h.createQuery(
            "SELECT item_id, inputs, exact, missing FROM item_score WHERE model_id = :m")
        .bind("m", modelId)
        .map(
            (rs, ctx) ->
                new RawScore(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** A score recomputed from unchanged inputs. */
  public record Recomputed(long itemId, ModelScorer.Outcome outcome) {}

  private static final int CHUNK = 500;

  /**
   * Writes recomputed scores of one model with their history: per chunk of rows, one multi-row
   * upsert and one INSERT ... SELECT into the history, so 100,000 scores take a few hundred
   * statements rather than 200,000.
   */
  public void recomputed(Handle h, long modelId, List<Recomputed> rows, Long by, Instant now) {
    long at = Rows.millis(now);
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Recomputed> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      // Positional parameters: thousands of named ones would each be looked up by name.
      String values =
          String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)"));
      // Every row exists, so each takes the update path, found by the primary key.
      var update =
          h.createUpdate(
              "INSERT INTO item_score (item_id, model_id, score, exact, missing, computed_at,"
                  + " computed_by) VALUES "
                  + values
                  + " ON CONFLICT (item_id, model_id) DO UPDATE SET score = excluded.score,"
                  + " exact = excluded.exact, missing = excluded.missing,"
                  + " computed_at = excluded.computed_at, computed_by = excluded.computed_by,"
                  + " version = item_score.version + 1");
      List<Long> ids = new ArrayList<>(chunk.size());
      int p = 0;
      for (Recomputed r : chunk) {
        ids.add(r.itemId());
        update
            .bind(p++, r.itemId())
            .bind(p++, modelId)
            .bindByType(p++, r.outcome().score(), Double.class)
            .bindByType(p++, r.outcome().exact(), String.class)
            .bindByType(p++, r.outcome().missing(), String.class)
            .bind(p++, at)
            .bindByType(p++, by, Long.class);
      }
      update.execute();
      h.createUpdate(
              "INSERT INTO item_score_history (item_id, model_id, cause, inputs, score, exact,"
                  + " missing, changed_by, changed_at) SELECT item_id, model_id, 'recompute',"
                  + " inputs, score, exact, missing, computed_by, computed_at FROM item_score"
                  + " WHERE model_id = :model AND item_id IN (<ids>)")
          .bind("model", modelId)
          .bindList("ids", ids)
          .execute();
    }
  }

  private static PreparedBatch historyBatch(Handle h) {
    return h.prepareBatch(
        "INSERT INTO item_score_history (item_id, model_id, cause, inputs, score, exact, missing,"
            + " changed_by, changed_at) VALUES (:item, :model, :cause, :inputs, :score, :exact,"
            + " :missing, :by, :now)");
  }

  private static PreparedBatch bindHistory(
      PreparedBatch b,
      long itemId,
      long modelId,
      String cause,
      String inputs,
      ModelScorer.Outcome o,
      Long by,
      long at) {
    return b.bind("item", itemId)
        .bind("model", modelId)
        .bind("cause", cause)
        .bind("inputs", inputs)
        .bind("score", o.score())
        .bind("exact", o.exact())
        .bind("missing", o.missing())
        .bind("by", by)
        .bind("now", at);
  }

  public void addHistory(
      Handle h,
      long itemId,
      long modelId,
      String cause,
      String inputs,
      ModelScorer.Outcome o,
      Long by,
      Instant now) {
    bindHistory(historyBatch(h), itemId, modelId, cause, inputs, o, by, Rows.millis(now))
        .add()
        .execute();
  }

  /** An item's changes under a model, newest first. */
  public List<ScoreChange> history(Handle h, long itemId, long modelId, int limit) {
    return h.createQuery(
            "SELECT id, item_id, model_id, cause, inputs, score, exact, missing, changed_by,"
                + " changed_at FROM item_score_history WHERE item_id = :i AND model_id = :m"
                + " ORDER BY id DESC LIMIT :limit")
        .bind("i", itemId)
        .bind("m", modelId)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new ScoreChange(
                    rs.getLong("id"),
                    rs.getLong("item_id"),
                    rs.getLong("model_id"),
                    rs.getString("cause"),
                    ScoreJson.inputs(rs.getString("inputs")),
                    doubleOrNull(rs, "score"),
                    rs.getString("exact"),
                    rs.getString("missing"),
                    Rows.longOrNull(rs, "changed_by"),
                    Rows.instant(rs, "changed_at")))
        .list();
  }

  private static ItemScore score(ResultSet rs) throws SQLException {
    return new ItemScore(
        rs.getLong("item_id"),
        rs.getLong("model_id"),
        ScoreJson.inputs(rs.getString("inputs")),
        doubleOrNull(rs, "score"),
        rs.getString("exact"),
        rs.getString("missing"),
        Rows.instant(rs, "computed_at"),
        Rows.longOrNull(rs, "computed_by"),
        rs.getLong("version"));
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double d = rs.getDouble(column);
    return rs.wasNull() ? null : d;
  }

  // ---- Evidence and the backlog ----------------------------------------------------------------

  /** The sum of an item's efforts over the teams, or null when it has none. */
  public Double effortSum(Handle h, long itemId) {
    return h.createQuery("SELECT SUM(effort) FROM item_effort WHERE item_id = :i")
        .bind("i", itemId)
        .map((rs, ctx) -> rs.getObject(1) == null ? null : rs.getDouble(1))
        .findOne()
        .orElse(null);
  }

  /** An item's estimate, or null. */
  public Double estimate(Handle h, long itemId) {
    return estimates(h, List.of(itemId)).get(itemId);
  }

  /** The estimates of some work items that have one. */
  public Map<Long, Double> estimates(Handle h, Collection<Long> itemIds) {
    Map<Long, Double> out = new HashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    h.createQuery("SELECT id, estimate FROM work_item WHERE id IN (<ids>) AND estimate IS NOT NULL")
        .bindList("ids", List.copyOf(itemIds))
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The ids of a product's live work items, oldest first. */
  public List<Long> workItems(Handle h, long productId) {
    return h.createQuery(
            "SELECT w.id FROM work_item w JOIN entity e ON e.id = w.id"
                + " WHERE w.product_id = :p AND e.deleted_at IS NULL ORDER BY w.id")
        .bind("p", productId)
        .mapTo(Long.class)
        .list();
  }

  /** The filters of the backlog; null or blank filters nothing. */
  public record Filter(String type, String state, String tag) {}

  /** A row of the backlog: the item and what the backlog shows of it. */
  public record Row(
      long id,
      String key,
      String title,
      String type,
      String state,
      Double estimate,
      double rank,
      long version) {}

  private static final String BACKLOG_FROM =
      " FROM work_item w JOIN entity e ON e.id = w.id JOIN product p ON p.id = w.product_id"
          + " JOIN workflow_state st ON st.id = w.state_id";

  /**
   * A page of the backlog: by the model's score (highest first, unscored last) or, with no model,
   * by manual rank; ties by rank then id.
   */
  public List<Row> backlog(
      Handle h, long productId, Long modelId, Filter f, long offset, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT e.id, p.item_key, e.number, e.title, w.type, st.name AS state, w.estimate,"
                + " w.position, e.version"
                + BACKLOG_FROM);
    if (modelId != null) {
      sql.append(" LEFT JOIN item_score sc ON sc.item_id = w.id AND sc.model_id = :model");
    }
    sql.append(where(f));
    sql.append(
        modelId != null
            ? " ORDER BY CASE WHEN sc.score IS NULL THEN 1 ELSE 0 END, sc.score DESC,"
                + " w.position, e.id"
            : " ORDER BY w.position, e.id");
    sql.append(" LIMIT :limit OFFSET :offset");
    Query q = h.createQuery(sql.toString());
    if (modelId != null) {
      q.bind("model", modelId);
    }
    bind(q, productId, f);
    return q.bind("limit", limit)
        .bind("offset", offset)
        .map(
            (rs, ctx) ->
                new Row(
                    rs.getLong("id"),
                    rs.getString("item_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    rs.getString("type"),
                    rs.getString("state"),
                    doubleOrNull(rs, "estimate"),
                    rs.getDouble("position"),
                    rs.getLong("version")))
        .list();
  }

  public long backlogCount(Handle h, long productId, Filter f) {
    Query q = h.createQuery("SELECT COUNT(*)" + BACKLOG_FROM + where(f));
    bind(q, productId, f);
    return q.mapTo(Long.class).one();
  }

  /** The states of a product's workflow, in order. */
  public List<String> states(Handle h, long productId) {
    return h.createQuery(
            "SELECT name FROM workflow_state WHERE product_id = :p ORDER BY position, id")
        .bind("p", productId)
        .mapTo(String.class)
        .list();
  }

  private static String where(Filter f) {
    StringBuilder w = new StringBuilder(" WHERE w.product_id = :product AND e.deleted_at IS NULL");
    if (present(f.type())) {
      w.append(" AND w.type = :type");
    }
    if (present(f.state())) {
      w.append(" AND st.name = :state");
    }
    if (present(f.tag())) {
      w.append(
          " AND EXISTS (SELECT 1 FROM entity_tag et JOIN tag t ON t.id = et.tag_id"
              + " WHERE et.entity_id = e.id AND t.name = :tag)");
    }
    return w.toString();
  }

  private static void bind(Query q, long productId, Filter f) {
    q.bind("product", productId);
    if (present(f.type())) {
      q.bind("type", f.type());
    }
    if (present(f.state())) {
      q.bind("state", f.state());
    }
    if (present(f.tag())) {
      q.bind("tag", f.tag());
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** A scored item with its inputs, for the sensitivity view. */
  public record ScoredRow(long id, String key, String title, Map<String, ScoreInput> inputs) {}

  /** The best-scored live items under a model, highest score first. */
  public List<ScoredRow> scored(Handle h, long modelId, int limit) {
    return h.createQuery(
            "SELECT e.id, p.item_key, e.number, e.title, s.inputs FROM item_score s"
                + " JOIN entity e ON e.id = s.item_id JOIN product p ON p.id = e.product_id"
                + " WHERE s.model_id = :m AND s.score IS NOT NULL AND e.deleted_at IS NULL"
                + " ORDER BY s.score DESC, e.id LIMIT :limit")
        .bind("m", modelId)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new ScoredRow(
                    rs.getLong("id"),
                    rs.getString("item_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    ScoreJson.inputs(rs.getString("inputs"))))
        .list();
  }

  static List<Long> ids(List<Row> rows) {
    List<Long> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.id()));
    return ids;
  }
}
