package io.hatrack.definition.decisions;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the decision log. The title, key and version live in the shared entity row; options and
 * deciders are replaced as a whole whenever a decision is saved.
 */
public final class DecisionStore {
  /** The kind of a decision in the entity table. */
  public static final String KIND = "decision";

  /** How the log sorts a decision not decided yet: above every decided one. */
  static final String UNDECIDED = "9999-12-31";

  /** The columns of a decision's own row. */
  public record Row(
      DecisionStatus status,
      String context,
      String outcome,
      String consequences,
      LocalDate decidedOn,
      Long supersededBy) {}

  public void insert(Handle h, long id, long productId, Row row) {
    h.createUpdate(
            "INSERT INTO decision (id, product_id, status, context, outcome, consequences,"
                + " decided_on, superseded_by) VALUES (:id, :product, :status, :context, :outcome,"
                + " :consequences, :decidedOn, :supersededBy)")
        .bind("id", id)
        .bind("product", productId)
        .bind("status", row.status().id())
        .bind("context", row.context())
        .bind("outcome", row.outcome())
        .bind("consequences", row.consequences())
        .bind("decidedOn", row.decidedOn() == null ? null : row.decidedOn().toString())
        .bind("supersededBy", row.supersededBy())
        .execute();
  }

  public void update(Handle h, long id, Row row) {
    h.createUpdate(
            "UPDATE decision SET status = :status, context = :context, outcome = :outcome,"
                + " consequences = :consequences, decided_on = :decidedOn,"
                + " superseded_by = :supersededBy WHERE id = :id")
        .bind("id", id)
        .bind("status", row.status().id())
        .bind("context", row.context())
        .bind("outcome", row.outcome())
        .bind("consequences", row.consequences())
        .bind("decidedOn", row.decidedOn() == null ? null : row.decidedOn().toString())
        .bind("supersededBy", row.supersededBy())
        .execute();
  }

  /** Marks a decision superseded by {@code successorId}, keeping its other fields. */
  public void markSuperseded(Handle h, long id, long successorId) {
    h.createUpdate(
            "UPDATE decision SET status = 'superseded', superseded_by = :successor WHERE id = :id")
        .bind("id", id)
        .bind("successor", successorId)
        .execute();
  }

  /** Replaces the options of a decision with {@code options}, in their order. */
  public void replaceOptions(Handle h, long id, List<DecisionOption> options) {
    h.createUpdate("DELETE FROM decision_option WHERE decision_id = :id").bind("id", id).execute();
    if (options.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO decision_option (decision_id, position, name, description, pros, cons,"
                + " chosen) VALUES (:id, :position, :name, :description, :pros, :cons, :chosen)");
    for (int i = 0; i < options.size(); i++) {
      DecisionOption o = options.get(i);
      batch
          .bind("id", id)
          .bind("position", i)
          .bind("name", o.name())
          .bind("description", o.description())
          .bind("pros", String.join("\n", o.pros()))
          .bind("cons", String.join("\n", o.cons()))
          .bind("chosen", o.chosen())
          .add();
    }
    batch.execute();
  }

  /** Replaces the deciders of a decision. */
  public void replaceDeciders(Handle h, long id, List<Long> userIds) {
    h.createUpdate("DELETE FROM decision_decider WHERE decision_id = :id").bind("id", id).execute();
    if (userIds.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch("INSERT INTO decision_decider (decision_id, user_id) VALUES (:id, :user)");
    for (long userId : userIds) {
      batch.bind("id", id).bind("user", userId).add();
    }
    batch.execute();
  }

  /** The decision with this id (live or deleted), with its options, deciders and successors. */
  public Optional<Decision> byId(Handle h, long id) {
    Optional<Item> item =
        h.createQuery(
                "SELECT "
                    + EntityStore.ITEM_COLUMNS
                    + " FROM "
                    + EntityStore.ITEM_FROM
                    + " JOIN decision d ON d.id = e.id WHERE e.id = :id")
            .bind("id", id)
            .map((rs, ctx) -> EntityStore.map(rs))
            .findOne();
    if (item.isEmpty()) {
      return Optional.empty();
    }
    Row row = row(h, id).orElseThrow();
    List<DecisionOption> options =
        h.createQuery(
                "SELECT name, description, pros, cons, chosen FROM decision_option"
                    + " WHERE decision_id = :id ORDER BY position")
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new DecisionOption(
                        rs.getString("name"),
                        rs.getString("description"),
                        DecisionOption.lines(rs.getString("pros")),
                        DecisionOption.lines(rs.getString("cons")),
                        rs.getBoolean("chosen")))
            .list();
    List<Decider> deciders = deciders(h, List.of(id)).getOrDefault(id, List.of());
    DecisionRef successor =
        row.supersededBy() == null ? null : ref(h, row.supersededBy()).orElse(null);
    List<DecisionRef> predecessors =
        h.createQuery(
                "SELECT "
                    + REF_COLUMNS
                    + " FROM "
                    + REF_FROM
                    + " WHERE d.superseded_by = :id AND e.deleted_at IS NULL ORDER BY e.id")
            .bind("id", id)
            .map((rs, ctx) -> ref(rs))
            .list();
    return Optional.of(
        new Decision(
            item.get(),
            row.status(),
            row.context(),
            row.outcome(),
            row.consequences(),
            row.decidedOn(),
            options,
            deciders,
            successor,
            predecessors));
  }

  /** The decision's own row. */
  public Optional<Row> row(Handle h, long id) {
    return h.createQuery(
            "SELECT status, context, outcome, consequences, decided_on, superseded_by"
                + " FROM decision WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Row(
                    DecisionStatus.parse("status", rs.getString("status")),
                    rs.getString("context"),
                    rs.getString("outcome"),
                    rs.getString("consequences"),
                    date(rs.getString("decided_on")),
                    Rows.longOrNull(rs, "superseded_by")))
        .findOne();
  }

  private static final String REF_COLUMNS =
      "e.id, p.item_key AS product_key, e.number, e.title, d.status, e.deleted_at";
  private static final String REF_FROM =
      "decision d JOIN entity e ON e.id = d.id LEFT JOIN product p ON p.id = e.product_id";

  /** Another decision, as one decision refers to it. */
  public Optional<DecisionRef> ref(Handle h, long id) {
    return h.createQuery("SELECT " + REF_COLUMNS + " FROM " + REF_FROM + " WHERE d.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> ref(rs))
        .findOne();
  }

  private static DecisionRef ref(ResultSet rs) throws SQLException {
    String productKey = rs.getString("product_key");
    Long number = Rows.longOrNull(rs, "number");
    return new DecisionRef(
        rs.getLong("id"),
        productKey == null || number == null ? null : productKey + "-" + number,
        rs.getString("title"),
        DecisionStatus.parse("status", rs.getString("status")),
        rs.getObject("deleted_at") != null);
  }

  /** The deciders of each of the decisions {@code ids}, by name. */
  public Map<Long, List<Decider>> deciders(Handle h, List<Long> ids) {
    Map<Long, List<Decider>> byDecision = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return byDecision;
    }
    h.createQuery(
            "SELECT dd.decision_id, u.id, u.handle, u.name FROM decision_decider dd"
                + " JOIN app_user u ON u.id = dd.user_id WHERE dd.decision_id IN (<ids>)"
                + " ORDER BY dd.decision_id, u.name, u.id")
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong("decision_id"),
                    new Decider(rs.getLong("id"), rs.getString("handle"), rs.getString("name"))))
        .forEach(
            e -> byDecision.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byDecision;
  }

  /**
   * Live decisions of a product, optionally of one status, in the log's order: those not decided
   * yet first, then the most recently decided; strictly after the position ({@code afterDay},
   * {@code afterId}) of the previous page's last row (null: from the top).
   */
  public List<DecisionSummary> list(
      Handle h, long productId, DecisionStatus status, String afterDay, long afterId, int limit) {
    String sortDay = "COALESCE(d.decided_on, '" + UNDECIDED + "')";
    String after = afterDay == null ? "" : " AND (" + sortDay + ", e.id) < (:day, :afterId)";
    String only = status == null ? "" : " AND d.status = :status";
    List<ListRow> rows =
        h.createQuery(
                "SELECT "
                    + EntityStore.ITEM_COLUMNS
                    + ", d.status AS d_status, d.decided_on, d.superseded_by FROM "
                    + EntityStore.ITEM_FROM
                    + " JOIN decision d ON d.id = e.id"
                    + " WHERE d.product_id = :product AND e.deleted_at IS NULL"
                    + only
                    + after
                    + " ORDER BY "
                    + sortDay
                    + " DESC, e.id DESC LIMIT :limit")
            .bind("product", productId)
            .bind("status", status == null ? null : status.id())
            .bind("day", afterDay)
            .bind("afterId", afterId)
            .bind("limit", limit)
            .map(
                (rs, ctx) ->
                    new ListRow(
                        EntityStore.map(rs),
                        DecisionStatus.parse("status", rs.getString("d_status")),
                        date(rs.getString("decided_on")),
                        Rows.longOrNull(rs, "superseded_by")))
            .list();
    Map<Long, List<Decider>> deciders = deciders(h, rows.stream().map(r -> r.item().id()).toList());
    List<DecisionSummary> out = new ArrayList<>();
    for (ListRow r : rows) {
      out.add(
          new DecisionSummary(
              r.item(),
              r.status(),
              r.decidedOn(),
              deciders.getOrDefault(r.item().id(), List.of()),
              r.supersededBy() == null ? null : ref(h, r.supersededBy()).orElse(null)));
    }
    return out;
  }

  private record ListRow(
      Item item, DecisionStatus status, LocalDate decidedOn, Long supersededBy) {}

  /** How many live decisions of one status a product has. */
  public long count(Handle h, long productId, DecisionStatus status) {
    return h.createQuery(
            "SELECT COUNT(*) FROM decision d JOIN entity e ON e.id = d.id"
                + " WHERE d.product_id = :product AND d.status = :status AND e.deleted_at IS NULL")
        .bind("product", productId)
        .bind("status", status.id())
        .mapTo(Long.class)
        .one();
  }

  /** The decision that supersedes {@code id}, if any. */
  public Optional<Long> successor(Handle h, long id) {
    return h.createQuery(
            "SELECT superseded_by FROM decision WHERE id = :id AND superseded_by IS NOT NULL")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne();
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
