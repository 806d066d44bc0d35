package io.hatrack.planning.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for release plans and their items and capacities, the scores plans read (V22's scoring_model
 * and item_score), and the roadmap places an accepted plan writes (item_schedule).
 */
public final class PlanStore {
  private static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private static final String COLUMNS =
      "r.id, r.product_id, r.parent_id, r.name, r.request, r.model_id, m.name AS model_name,"
          + " r.status, r.objective, r.bound, r.gap, r.greedy_value, r.solve_ms, r.accepted_at,"
          + " r.created_at, r.created_by, r.version";
  private static final String FROM =
      "release_plan r LEFT JOIN scoring_model m ON m.id = r.model_id";

  /** A scoring model as plans see it. */
  public record Model(long id, String name, String kind) {}

  /** What a stored plan holds, to insert in one go. */
  public record NewPlan(
      long productId,
      Long parentId,
      String name,
      StoredRequest request,
      long modelId,
      String status,
      long objective,
      long bound,
      double gap,
      long greedyValue,
      long solveMs,
      Instant createdAt,
      long createdBy) {}

  public long insert(Handle h, NewPlan p) {
    return h.createQuery(
            "INSERT INTO release_plan (product_id, parent_id, name, request, model_id, status,"
                + " objective, bound, gap, greedy_value, solve_ms, created_at, created_by)"
                + " VALUES (:product, :parent, :name, :request, :model, :status, :objective,"
                + " :bound, :gap, :greedy, :ms, :now, :by) RETURNING id")
        .bind("product", p.productId())
        .bind("parent", p.parentId())
        .bind("name", p.name())
        .bind("request", write(p.request()))
        .bind("model", p.modelId())
        .bind("status", p.status())
        .bind("objective", p.objective())
        .bind("bound", p.bound())
        .bind("gap", p.gap())
        .bind("greedy", p.greedyValue())
        .bind("ms", p.solveMs())
        .bind("now", Rows.millis(p.createdAt()))
        .bind("by", p.createdBy())
        .mapTo(Long.class)
        .one();
  }

  public void insertItem(Handle h, long planId, PlanItemRow row) {
    h.createUpdate(
            "INSERT INTO release_plan_item (plan_id, item_id, period, greedy_period, value,"
                + " effort, reason) VALUES (:plan, :item, :period, :greedy, :value, :effort,"
                + " :reason)")
        .bind("plan", planId)
        .bind("item", row.itemId())
        .bind("period", row.period())
        .bind("greedy", row.greedyPeriod())
        .bind("value", row.value())
        .bind("effort", write(row.effort()))
        .bind("reason", row.reason())
        .execute();
  }

  public void insertCapacity(Handle h, long planId, String period, long teamId, double capacity) {
    h.createUpdate(
            "INSERT INTO release_plan_capacity (plan_id, period, team_id, capacity)"
                + " VALUES (:plan, :period, :team, :capacity)")
        .bind("plan", planId)
        .bind("period", period)
        .bind("team", teamId)
        .bind("capacity", capacity)
        .execute();
  }

  public Optional<Plan> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE r.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** A product's plans (scenarios too), newest first. */
  public List<Plan> list(Handle h, long productId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE r.product_id = :product ORDER BY r.created_at DESC, r.id DESC")
        .bind("product", productId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public List<Plan> scenarios(Handle h, long planId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM " + FROM + " WHERE r.parent_id = :plan ORDER BY r.id")
        .bind("plan", planId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public List<PlanItemRow> items(Handle h, long planId) {
    return h.createQuery(
            "SELECT i.item_id, p.item_key, e.number, e.title, i.period, i.greedy_period, i.value,"
                + " i.effort, i.reason FROM release_plan_item i JOIN entity e ON e.id = i.item_id"
                + " LEFT JOIN product p ON p.id = e.product_id WHERE i.plan_id = :plan"
                + " ORDER BY i.value DESC, e.number")
        .bind("plan", planId)
        .map(
            (rs, ctx) ->
                new PlanItemRow(
                    rs.getLong("item_id"),
                    rs.getString("item_key") + "-" + rs.getLong("number"),
                    rs.getString("title"),
                    rs.getString("period"),
                    rs.getString("greedy_period"),
                    rs.getLong("value"),
                    efforts(rs.getString("effort")),
                    rs.getString("reason")))
        .list();
  }

  /** Capacity by period, then team id. */
  public Map<String, Map<Long, Double>> capacities(Handle h, long planId) {
    Map<String, Map<Long, Double>> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT period, team_id, capacity FROM release_plan_capacity WHERE plan_id = :plan")
        .bind("plan", planId)
        .map(
            (rs, ctx) -> {
              out.computeIfAbsent(rs.getString("period"), k -> new LinkedHashMap<>())
                  .put(rs.getLong("team_id"), rs.getDouble("capacity"));
              return 0;
            })
        .list();
    return out;
  }

  /** Marks one plan of a product accepted, and no other. */
  public void accept(Handle h, long productId, long planId, long userId, Instant now) {
    h.createUpdate(
            "UPDATE release_plan SET accepted_at = NULL, accepted_by = NULL"
                + " WHERE product_id = :product AND accepted_at IS NOT NULL")
        .bind("product", productId)
        .execute();
    h.createUpdate(
            "UPDATE release_plan SET accepted_at = :now, accepted_by = :user,"
                + " version = version + 1 WHERE id = :plan")
        .bind("plan", planId)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  // Scores (V22's scoring tables, written by the scoring part).

  public List<Model> models(Handle h, long productId) {
    return h.createQuery(
            "SELECT id, name, kind FROM scoring_model WHERE product_id = :product"
                + " ORDER BY is_default DESC, position, id")
        .bind("product", productId)
        .map((rs, ctx) -> new Model(rs.getLong("id"), rs.getString("name"), rs.getString("kind")))
        .list();
  }

  /** Each item's score under a model; items without a score are missing from the map. */
  public Map<Long, Double> scores(Handle h, long modelId, Collection<Long> itemIds) {
    Map<Long, Double> out = new LinkedHashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    List<Long> ids = List.copyOf(itemIds);
    for (int from = 0; from < ids.size(); from += 500) {
      h.createQuery(
              "SELECT item_id, score FROM item_score WHERE model_id = :model"
                  + " AND score IS NOT NULL AND item_id IN (<ids>)")
          .bind("model", modelId)
          .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .map(
              (rs, ctx) -> {
                out.put(rs.getLong("item_id"), rs.getDouble("score"));
                return 0;
              })
          .list();
    }
    return out;
  }

  /**
   * Each item's MoSCoW category (must, should, could, wont) from the inputs of a MoSCoW model:
   * {@code {"category": {"value": "must", ...}}}.
   */
  public Map<Long, String> moscow(Handle h, long modelId) {
    Map<Long, String> out = new LinkedHashMap<>();
    h.createQuery("SELECT item_id, inputs FROM item_score WHERE model_id = :model")
        .bind("model", modelId)
        .map(
            (rs, ctx) -> {
              try {
                JsonNode value =
                    JSON.readTree(rs.getString("inputs")).path("category").path("value");
                if (value.isTextual()) {
                  out.put(rs.getLong("item_id"), value.asText().toLowerCase(Locale.ROOT));
                }
              } catch (JsonProcessingException e) {
                // An unreadable input counts as no category: the item is then a Should-have.
              }
              return 0;
            })
        .list();
    return out;
  }

  // Roadmap places (V22's item_schedule).

  /** Puts an item on the roadmap where an accepted plan places it; keeps its public flag. */
  public void schedule(
      Handle h,
      long itemId,
      long productId,
      String horizon,
      String start,
      String end,
      String release,
      Long teamId,
      long planId,
      Instant now) {
    h.createUpdate(
            "INSERT INTO item_schedule (item_id, product_id, horizon, start_date, end_date,"
                + " release_name, team_id, plan_id, updated_at) VALUES (:item, :product, :horizon,"
                + " :start, :end, :release, :team, :plan, :now) ON CONFLICT (item_id) DO UPDATE SET"
                + " product_id = :product, horizon = :horizon, start_date = :start, end_date = :end,"
                + " release_name = :release, team_id = :team, plan_id = :plan, updated_at = :now,"
                + " version = item_schedule.version + 1")
        .bind("item", itemId)
        .bind("product", productId)
        .bind("horizon", horizon)
        .bind("start", start)
        .bind("end", end)
        .bind("release", release)
        .bind("team", teamId)
        .bind("plan", planId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** Takes items off the roadmap that an earlier accepted plan put there. */
  public int unschedule(Handle h, Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return 0;
    }
    return h.createUpdate(
            "DELETE FROM item_schedule WHERE plan_id IS NOT NULL AND item_id IN (<ids>)")
        .bindList("ids", List.copyOf(itemIds))
        .execute();
  }

  /** The roadmap places of a product's items that a plan wrote: item id → release name. */
  public Map<Long, String> scheduled(Handle h, long productId) {
    Map<Long, String> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT item_id, release_name FROM item_schedule WHERE product_id = :product"
                + " AND plan_id IS NOT NULL")
        .bind("product", productId)
        .map(
            (rs, ctx) -> {
              out.put(rs.getLong("item_id"), rs.getString("release_name"));
              return 0;
            })
        .list();
    return out;
  }

  private static Plan map(ResultSet rs) throws SQLException {
    return new Plan(
        rs.getLong("id"),
        rs.getLong("product_id"),
        Rows.longOrNull(rs, "parent_id"),
        rs.getString("name"),
        read(rs.getString("request")),
        Rows.longOrNull(rs, "model_id"),
        rs.getString("model_name"),
        rs.getString("status"),
        rs.getLong("objective"),
        rs.getLong("bound"),
        rs.getDouble("gap"),
        rs.getLong("greedy_value"),
        rs.getLong("solve_ms"),
        Rows.instantOrNull(rs, "accepted_at"),
        Rows.instant(rs, "created_at"),
        rs.getLong("created_by"),
        rs.getLong("version"));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value, e);
    }
  }

  private static StoredRequest read(String text) {
    try {
      return JSON.readValue(text, StoredRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable plan request " + text, e);
    }
  }

  private static Map<Long, Double> efforts(String text) {
    try {
      Map<Long, Double> m = JSON.readValue(text, new TypeReference<Map<Long, Double>>() {});
      return m == null ? Map.of() : m;
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
