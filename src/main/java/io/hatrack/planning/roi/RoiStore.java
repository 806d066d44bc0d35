package io.hatrack.planning.roi;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL for ROI models, their lines and their last Monte Carlo run. */
public final class RoiStore {
  private static final String COLUMNS =
      "m.id, m.product_id, m.item_id, m.name, m.description, m.periodicity, m.horizon,"
          + " m.discount_rate, m.value_amount, m.value_basis, m.value_set_at, m.created_by,"
          + " m.created_at, m.updated_at, m.version, e.title AS item_title, e.number AS item_number,"
          + " p.item_key AS item_product_key";
  private static final String FROM =
      "roi_model m LEFT JOIN entity e ON e.id = m.item_id AND e.deleted_at IS NULL"
          + " LEFT JOIN product p ON p.id = e.product_id";

  /** The columns of a model row besides its lines. */
  public record Row(String name, String description, Long itemId, RoiInputs inputs) {}

  public long insert(Handle h, long productId, Row row, long actorId, Instant now) {
    long id =
        h.createQuery(
                "INSERT INTO roi_model (product_id, item_id, name, description, periodicity,"
                    + " horizon, discount_rate, created_by, created_at, updated_at) VALUES"
                    + " (:product, :item, :name, :description, :periodicity, :horizon, :rate,"
                    + " :actor, :now, :now) RETURNING id")
            .bind("product", productId)
            .bind("item", row.itemId())
            .bind("name", row.name())
            .bind("description", row.description())
            .bind("periodicity", row.inputs().periodicity().id())
            .bind("horizon", row.inputs().horizon())
            .bind("rate", row.inputs().annualRate())
            .bind("actor", actorId)
            .bind("now", Rows.millis(now))
            .mapTo(Long.class)
            .one();
    insertLines(h, id, row.inputs().lines());
    return id;
  }

  /**
   * Replaces a model's fields and lines if it is still at {@code expectedVersion}, and forgets its
   * simulation (which ran on the old model); false when the version moved on.
   */
  public boolean update(Handle h, long id, long expectedVersion, Row row, Instant now) {
    int changed =
        h.createUpdate(
                "UPDATE roi_model SET item_id = :item, name = :name, description = :description,"
                    + " periodicity = :periodicity, horizon = :horizon, discount_rate = :rate,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expectedVersion)
            .bind("item", row.itemId())
            .bind("name", row.name())
            .bind("description", row.description())
            .bind("periodicity", row.inputs().periodicity().id())
            .bind("horizon", row.inputs().horizon())
            .bind("rate", row.inputs().annualRate())
            .bind("now", Rows.millis(now))
            .execute();
    if (changed == 0) {
      return false;
    }
    h.createUpdate("DELETE FROM roi_line WHERE model_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM roi_simulation WHERE model_id = :id").bind("id", id).execute();
    insertLines(h, id, row.inputs().lines());
    return true;
  }

  private static void insertLines(Handle h, long modelId, List<RoiLine> lines) {
    for (int i = 0; i < lines.size(); i++) {
      RoiLine l = lines.get(i);
      h.createUpdate(
              "INSERT INTO roi_line (model_id, position, kind, label, start_period, end_period,"
                  + " ramp_periods, spread, low, likely, high) VALUES (:model, :position, :kind,"
                  + " :label, :from, :to, :ramp, :spread, :low, :likely, :high)")
          .bind("model", modelId)
          .bind("position", i)
          .bind("kind", l.kind().id())
          .bind("label", l.label())
          .bind("from", l.from())
          .bind("to", l.to())
          .bind("ramp", l.ramp())
          .bind("spread", l.amount().spread().id())
          .bind("low", l.amount().low())
          .bind("likely", l.amount().likely())
          .bind("high", l.amount().high())
          .execute();
    }
  }

  public boolean delete(Handle h, long id, long expectedVersion) {
    return h.createUpdate("DELETE FROM roi_model WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expectedVersion)
            .execute()
        > 0;
  }

  public Optional<RoiModel> byId(Handle h, long productId, long id) {
    List<RoiModel> found =
        models(
            h,
            " WHERE m.id = :id AND m.product_id = :product",
            Map.of("id", id, "product", productId));
    return found.stream().findFirst();
  }

  /** A product's models by name. */
  public List<RoiModel> list(Handle h, long productId) {
    return models(h, " WHERE m.product_id = :product", Map.of("product", productId));
  }

  private List<RoiModel> models(Handle h, String where, Map<String, Object> binds) {
    List<Object[]> rows =
        h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + where + " ORDER BY m.name, m.id")
            .bindMap(binds)
            .map((rs, ctx) -> new Object[] {rs.getLong("id"), header(rs)})
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
    Map<Long, List<RoiLine>> lines = new HashMap<>();
    h.createQuery(
            "SELECT model_id, kind, label, start_period, end_period, ramp_periods, spread, low,"
                + " likely, high FROM roi_line WHERE model_id IN (<ids>) ORDER BY model_id, position")
        .bindList("ids", ids)
        .map(
            (rs, ctx) -> {
              lines.computeIfAbsent(rs.getLong("model_id"), k -> new ArrayList<>()).add(line(rs));
              return 0;
            })
        .list();
    List<RoiModel> models = new ArrayList<>();
    for (Object[] r : rows) {
      Header head = (Header) r[1];
      models.add(head.model(lines.getOrDefault(head.id(), List.of())));
    }
    return models;
  }

  /** A model row before its lines are read. */
  private record Header(
      long id,
      long productId,
      RoiModel.LinkedItem item,
      String name,
      String description,
      Periodicity periodicity,
      int horizon,
      double rate,
      Double valueAmount,
      String valueBasis,
      Instant valueSetAt,
      long createdBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    RoiModel model(List<RoiLine> lines) {
      return new RoiModel(
          id,
          productId,
          item,
          name,
          description,
          new RoiInputs(periodicity, horizon, rate, lines),
          valueAmount,
          valueBasis,
          valueSetAt,
          createdBy,
          createdAt,
          updatedAt,
          version);
    }
  }

  private static Header header(ResultSet rs) throws SQLException {
    Long itemId = Rows.longOrNull(rs, "item_id");
    String title = rs.getString("item_title");
    RoiModel.LinkedItem item = null;
    if (itemId != null && title != null) {
      Long number = Rows.longOrNull(rs, "item_number");
      String productKey = rs.getString("item_product_key");
      item =
          new RoiModel.LinkedItem(
              itemId,
              productKey == null || number == null ? null : productKey + "-" + number,
              title);
    }
    double amount = rs.getDouble("value_amount");
    Double value = rs.wasNull() ? null : amount;
    return new Header(
        rs.getLong("id"),
        rs.getLong("product_id"),
        item,
        rs.getString("name"),
        rs.getString("description"),
        Periodicity.parse(rs.getString("periodicity")),
        rs.getInt("horizon"),
        rs.getDouble("discount_rate"),
        value,
        rs.getString("value_basis"),
        Rows.instantOrNull(rs, "value_set_at"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static RoiLine line(ResultSet rs) throws SQLException {
    return new RoiLine(
        LineKind.parse(rs.getString("kind")),
        rs.getString("label"),
        rs.getInt("start_period"),
        rs.getInt("end_period"),
        rs.getInt("ramp_periods"),
        new Amount(
            rs.getDouble("low"),
            rs.getDouble("likely"),
            rs.getDouble("high"),
            Spread.parse(rs.getString("spread"))));
  }

  /** Keeps a model's Monte Carlo run, replacing the one before. */
  public void saveSimulation(
      Handle h, long modelId, MonteCarlo.Simulation s, long actorId, Instant now) {
    h.createUpdate("DELETE FROM roi_simulation WHERE model_id = :id").bind("id", modelId).execute();
    h.createUpdate(
            "INSERT INTO roi_simulation (model_id, draws, seed, mean, p10, p50, p90, prob_positive,"
                + " npv_min, npv_max, histogram, simulated_by, simulated_at) VALUES (:model,"
                + " :draws, :seed, :mean, :p10, :p50, :p90, :positive, :min, :max, :histogram,"
                + " :actor, :now)")
        .bind("model", modelId)
        .bind("draws", s.draws())
        .bind("seed", s.seed())
        .bind("mean", s.mean())
        .bind("p10", s.p10())
        .bind("p50", s.p50())
        .bind("p90", s.p90())
        .bind("positive", s.probabilityPositive())
        .bind("min", s.min())
        .bind("max", s.max())
        .bind(
            "histogram",
            s.histogram().stream()
                .map(b -> Integer.toString(b.count()))
                .collect(Collectors.joining(",")))
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** A model's stored run with when it was made, if any. */
  public record StoredRun(MonteCarlo.Simulation simulation, Instant at) {}

  public Optional<StoredRun> simulation(Handle h, long modelId) {
    return h.createQuery(
            "SELECT draws, seed, mean, p10, p50, p90, prob_positive, npv_min, npv_max, histogram,"
                + " simulated_at FROM roi_simulation WHERE model_id = :id")
        .bind("id", modelId)
        .map((rs, ctx) -> run(rs))
        .findOne();
  }

  private static StoredRun run(ResultSet rs) throws SQLException {
    double min = rs.getDouble("npv_min");
    double max = rs.getDouble("npv_max");
    int[] counts =
        Arrays.stream(rs.getString("histogram").split(","))
            .filter(s -> !s.isBlank())
            .mapToInt(Integer::parseInt)
            .toArray();
    List<MonteCarlo.Bin> bins = new ArrayList<>();
    double width = counts.length == 0 ? 0 : (max - min) / counts.length;
    for (int b = 0; b < counts.length; b++) {
      bins.add(
          new MonteCarlo.Bin(
              min + b * width, b == counts.length - 1 ? max : min + (b + 1) * width, counts[b]));
    }
    return new StoredRun(
        new MonteCarlo.Simulation(
            rs.getInt("draws"),
            rs.getLong("seed"),
            rs.getDouble("mean"),
            rs.getDouble("p10"),
            rs.getDouble("p50"),
            rs.getDouble("p90"),
            rs.getDouble("prob_positive"),
            min,
            max,
            bins),
        Rows.instant(rs, "simulated_at"));
  }

  /** Notes what "use as the item's value" wrote. */
  public void markValue(Handle h, long id, double amount, String basis, Instant now) {
    h.createUpdate(
            "UPDATE roi_model SET value_amount = :amount, value_basis = :basis, value_set_at = :now"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("amount", amount)
        .bind("basis", basis)
        .bind("now", Rows.millis(now))
        .execute();
  }
}
