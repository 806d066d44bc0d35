package io.hatrack.escalations;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.search.SearchDoc;
import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** SQL for escalations and their timelines; the title, key and version live in the entity row. */
public final class EscalationStore {
  /** The kind of an escalation in the entity table. */
  public static final String KIND = "escalation";

  private static final String COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", x.customer_id, ce.title AS customer_name, cu.segment AS customer_segment,"
          + " x.severity, x.status, x.owner_id, u.name AS owner_name, x.description, x.policy_id,"
          + " x.opened_at, x.first_response_at, x.resolved_at, x.closed_at,"
          + " x.product_id AS escalation_product";
  private static final String FROM =
      EntityStore.ITEM_FROM
          + " JOIN escalation x ON x.id = e.id JOIN entity ce ON ce.id = x.customer_id"
          + " LEFT JOIN customer cu ON cu.id = x.customer_id"
          + " LEFT JOIN app_user u ON u.id = x.owner_id";
  private static final int CHUNK = 500;

  /** The columns of a new escalation. */
  public record Row(
      long customerId,
      Severity severity,
      EscalationStatus status,
      Long ownerId,
      String description,
      Long policyId,
      Instant openedAt) {}

  public void insert(Handle h, long id, long productId, Row r) {
    h.createUpdate(
            "INSERT INTO escalation (id, product_id, customer_id, severity, status, owner_id,"
                + " description, policy_id, opened_at) VALUES (:id, :product, :customer,"
                + " :severity, :status, :owner, :description, :policy, :opened)")
        .bind("id", id)
        .bind("product", productId)
        .bind("customer", r.customerId())
        .bind("severity", r.severity().id())
        .bind("status", r.status().id())
        .bind("owner", r.ownerId())
        .bind("description", r.description())
        .bind("policy", r.policyId())
        .bind("opened", Rows.millis(r.openedAt()))
        .execute();
  }

  /** Changes the fields people edit (the title is the entity's). */
  public void update(
      Handle h, long id, long customerId, Severity severity, Long ownerId, String description) {
    h.createUpdate(
            "UPDATE escalation SET customer_id = :customer, severity = :severity,"
                + " owner_id = :owner, description = :description WHERE id = :id")
        .bind("id", id)
        .bind("customer", customerId)
        .bind("severity", severity.id())
        .bind("owner", ownerId)
        .bind("description", description)
        .execute();
  }

  /** Sets the status with the resolved and closed instants that go with it. */
  public void setStatus(
      Handle h, long id, EscalationStatus status, Instant resolvedAt, Instant closedAt) {
    h.createUpdate(
            "UPDATE escalation SET status = :status, resolved_at = :resolved, closed_at = :closed"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("status", status.id())
        .bind("resolved", Rows.millisOrNull(resolvedAt))
        .bind("closed", Rows.millisOrNull(closedAt))
        .execute();
  }

  /** Records the first response, unless there is one. */
  public void firstResponse(Handle h, long id, Instant at) {
    h.createUpdate(
            "UPDATE escalation SET first_response_at = :at WHERE id = :id"
                + " AND first_response_at IS NULL")
        .bind("id", id)
        .bind("at", Rows.millis(at))
        .execute();
  }

  /** Points the escalations of a deleted policy at another (the workspace's default). */
  public void movePolicy(Handle h, long fromPolicy, long toPolicy) {
    h.createUpdate("UPDATE escalation SET policy_id = :to WHERE policy_id = :from")
        .bind("from", fromPolicy)
        .bind("to", toPolicy)
        .execute();
  }

  public Optional<Escalation> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** A product's live escalations that match {@code f}, newest first, up to {@code limit}. */
  public List<Escalation> list(Handle h, long productId, EscalationFilter f, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE x.product_id = :product"
                + " AND e.deleted_at IS NULL");
    if ("open".equals(f.status())) {
      sql.append(" AND x.status NOT IN ('resolved', 'closed')");
    } else if ("done".equals(f.status())) {
      sql.append(" AND x.status IN ('resolved', 'closed')");
    } else if (f.status() != null) {
      sql.append(" AND x.status = :status");
    }
    if (f.severity() != null) {
      sql.append(" AND x.severity = :severity");
    }
    if (f.customerId() != null) {
      sql.append(" AND x.customer_id = :customer");
    }
    if (f.ownerId() != null) {
      sql.append(" AND x.owner_id = :owner");
    }
    sql.append(" ORDER BY x.opened_at DESC, e.id DESC LIMIT :limit");
    Query q = h.createQuery(sql.toString()).bind("product", productId).bind("limit", limit);
    if (f.status() != null && !"open".equals(f.status()) && !"done".equals(f.status())) {
      q.bind("status", f.status());
    }
    if (f.severity() != null) {
      q.bind("severity", f.severity().id());
    }
    if (f.customerId() != null) {
      q.bind("customer", f.customerId());
    }
    if (f.ownerId() != null) {
      q.bind("owner", f.ownerId());
    }
    return q.map((rs, ctx) -> map(rs)).list();
  }

  /**
   * The live escalations of the workspace's products (or of one product) opened from {@code from}
   * (inclusive) to {@code to} (exclusive), oldest first.
   */
  public List<Escalation> openedBetween(
      Handle h, long workspaceId, Long productId, Instant from, Instant to) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM "
            + FROM
            + " WHERE e.workspace_id = :ws AND e.deleted_at IS NULL"
            + (productId == null ? "" : " AND x.product_id = :product")
            + " AND x.opened_at >= :from AND x.opened_at < :to ORDER BY x.opened_at, e.id";
    Query q =
        h.createQuery(sql)
            .bind("ws", workspaceId)
            .bind("from", Rows.millis(from))
            .bind("to", Rows.millis(to));
    if (productId != null) {
      q.bind("product", productId);
    }
    return q.map((rs, ctx) -> map(rs)).list();
  }

  // Timeline.

  public long insertEvent(
      Handle h,
      long escalationId,
      TimelineEntry.Kind kind,
      String body,
      String from,
      String to,
      Long actorId,
      Instant at) {
    return h.createQuery(
            "INSERT INTO escalation_event (escalation_id, kind, body, from_value, to_value,"
                + " actor_id, happened_at) VALUES (:escalation, :kind, :body, :from, :to, :actor,"
                + " :at) RETURNING id")
        .bind("escalation", escalationId)
        .bind("kind", kind.id())
        .bind("body", body == null ? "" : body)
        .bind("from", from)
        .bind("to", to)
        .bind("actor", actorId)
        .bind("at", Rows.millis(at))
        .mapTo(Long.class)
        .one();
  }

  /** An escalation's timeline, oldest first. */
  public List<TimelineEntry> timeline(Handle h, long escalationId) {
    return timelines(h, List.of(escalationId)).getOrDefault(escalationId, List.of());
  }

  /** The timelines of many escalations, by escalation id, each oldest first. */
  public Map<Long, List<TimelineEntry>> timelines(Handle h, Collection<Long> ids) {
    Map<Long, List<TimelineEntry>> out = new LinkedHashMap<>();
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      h.createQuery(
              "SELECT v.id, v.escalation_id, v.kind, v.body, v.from_value, v.to_value,"
                  + " v.actor_id, u.name AS actor_name, v.happened_at FROM escalation_event v"
                  + " LEFT JOIN app_user u ON u.id = v.actor_id WHERE v.escalation_id IN (<ids>)"
                  + " ORDER BY v.happened_at, v.id")
          .bindList("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
          .map(
              (rs, ctx) ->
                  new TimelineEntry(
                      rs.getLong("id"),
                      rs.getLong("escalation_id"),
                      TimelineEntry.Kind.of(rs.getString("kind")),
                      rs.getString("body"),
                      rs.getString("from_value"),
                      rs.getString("to_value"),
                      Rows.longOrNull(rs, "actor_id"),
                      rs.getString("actor_name"),
                      Rows.instant(rs, "happened_at")))
          .forEach(e -> out.computeIfAbsent(e.escalationId(), k -> new ArrayList<>()).add(e));
    }
    return out;
  }

  // Search.

  /** The search document of a live escalation: title, description and the written updates. */
  public Optional<SearchDoc> doc(Handle h, long id) {
    return byId(h, id).filter(x -> !x.item().deleted()).map(x -> doc(x, timeline(h, id)));
  }

  /** Search documents of a product's live escalations with ids above {@code after}. */
  public List<SearchDoc> docs(Handle h, long productId, long after, int limit) {
    List<Escalation> rows =
        h.createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM "
                    + FROM
                    + " WHERE x.product_id = :product AND e.deleted_at IS NULL AND e.id > :after"
                    + " ORDER BY e.id LIMIT :limit")
            .bind("product", productId)
            .bind("after", after)
            .bind("limit", limit)
            .map((rs, ctx) -> map(rs))
            .list();
    Map<Long, List<TimelineEntry>> timelines =
        timelines(h, rows.stream().map(Escalation::id).toList());
    return rows.stream().map(x -> doc(x, timelines.getOrDefault(x.id(), List.of()))).toList();
  }

  private static SearchDoc doc(Escalation x, List<TimelineEntry> timeline) {
    StringBuilder body = new StringBuilder(x.description());
    for (TimelineEntry e : timeline) {
      if (e.written()) {
        body.append("\n\n").append(e.body());
      }
    }
    return new SearchDoc(
        x.id(),
        x.productId(),
        KIND,
        x.title(),
        body.toString(),
        null,
        x.customerId(),
        x.status().id(),
        null,
        x.openedAt());
  }

  private static Escalation map(ResultSet rs) throws SQLException {
    return new Escalation(
        EntityStore.map(rs),
        rs.getLong("escalation_product"),
        rs.getLong("customer_id"),
        rs.getString("customer_name"),
        rs.getString("customer_segment"),
        Severity.parse("severity", rs.getString("severity")),
        EscalationStatus.parse("status", rs.getString("status")),
        Rows.longOrNull(rs, "owner_id"),
        rs.getString("owner_name"),
        rs.getString("description"),
        Rows.longOrNull(rs, "policy_id"),
        Rows.instant(rs, "opened_at"),
        Rows.instantOrNull(rs, "first_response_at"),
        Rows.instantOrNull(rs, "resolved_at"),
        Rows.instantOrNull(rs, "closed_at"));
  }
}
