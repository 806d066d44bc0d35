package io.hatrack.escalations;

import io.hatrack.kernel.db.Rows;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL for SLA policies, their targets and holidays, and the policy each product picked. */
public final class SlaPolicyStore {
  private static final String COLUMNS =
      "id, workspace_id, name, is_default, time_zone, work_days, day_start, day_end, created_at,"
          + " updated_at, version";

  /** A policy's own row, before its targets and holidays are read. */
  private record Head(
      long id,
      long workspaceId,
      String name,
      boolean isDefault,
      String zone,
      String workDays,
      String start,
      String end,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  public long insert(Handle h, long workspaceId, SlaPolicy p, Instant now) {
    long id =
        h.createQuery(
                "INSERT INTO sla_policy (workspace_id, name, is_default, time_zone, work_days,"
                    + " day_start, day_end, created_at, updated_at) VALUES (:ws, :name, :default,"
                    + " :zone, :days, :start, :end, :now, :now) RETURNING id")
            .bind("ws", workspaceId)
            .bind("name", p.name())
            .bind("default", p.isDefault())
            .bind("zone", p.hours() == null ? null : p.hours().zone().getId())
            .bind("days", days(p))
            .bind("start", time(p, true))
            .bind("end", time(p, false))
            .bind("now", Rows.millis(now))
            .mapTo(Long.class)
            .one();
    writeParts(h, id, p);
    return id;
  }

  /** Changes a policy if it is still at {@code expected}; false when it moved on. */
  public boolean update(Handle h, long id, long expected, SlaPolicy p, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE sla_policy SET name = :name, is_default = :default, time_zone = :zone,"
                    + " work_days = :days, day_start = :start, day_end = :end,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("name", p.name())
            .bind("default", p.isDefault())
            .bind("zone", p.hours() == null ? null : p.hours().zone().getId())
            .bind("days", days(p))
            .bind("start", time(p, true))
            .bind("end", time(p, false))
            .bind("now", Rows.millis(now))
            .execute();
    if (n == 0) {
      return false;
    }
    h.createUpdate("DELETE FROM sla_target WHERE policy_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM sla_holiday WHERE policy_id = :id").bind("id", id).execute();
    writeParts(h, id, p);
    return true;
  }

  private static void writeParts(Handle h, long id, SlaPolicy p) {
    var targets =
        h.prepareBatch(
            "INSERT INTO sla_target (policy_id, severity, first_response_min, resolution_min)"
                + " VALUES (:id, :severity, :first, :resolution)");
    for (Severity s : Severity.values()) {
      SlaTargets t = p.targets(s);
      targets
          .bind("id", id)
          .bind("severity", s.id())
          .bind("first", t.firstResponse().toMinutes())
          .bind("resolution", t.resolution().toMinutes())
          .add();
    }
    targets.execute();
    if (p.hours() != null && !p.hours().holidays().isEmpty()) {
      var holidays =
          h.prepareBatch("INSERT INTO sla_holiday (policy_id, on_day) VALUES (:id, :day)");
      for (LocalDate d : p.hours().holidays()) {
        holidays.bind("id", id).bind("day", d.toString()).add();
      }
      holidays.execute();
    }
  }

  /** Makes every other policy of the workspace not the default. */
  public void clearDefault(Handle h, long workspaceId, long exceptId) {
    h.createUpdate(
            "UPDATE sla_policy SET is_default = FALSE, version = version + 1"
                + " WHERE workspace_id = :ws AND id <> :except AND is_default = TRUE")
        .bind("ws", workspaceId)
        .bind("except", exceptId)
        .execute();
  }

  public boolean delete(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM sla_policy WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        > 0;
  }

  public boolean nameTaken(Handle h, long workspaceId, String name, long exceptId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM sla_policy WHERE workspace_id = :ws AND id <> :except"
                    + " AND LOWER(name) = LOWER(:name)")
            .bind("ws", workspaceId)
            .bind("name", name)
            .bind("except", exceptId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  public Optional<SlaPolicy> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM sla_policy WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> head(rs))
        .findOne()
        .map(head -> policy(h, head));
  }

  /** A workspace's policies, the default first, then by name. */
  public List<SlaPolicy> list(Handle h, long workspaceId) {
    return h
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM sla_policy WHERE workspace_id = :ws ORDER BY is_default DESC, name, id")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> head(rs))
        .list()
        .stream()
        .map(head -> policy(h, head))
        .toList();
  }

  // Products' choices.

  public void pick(Handle h, long productId, Long policyId) {
    h.createUpdate("DELETE FROM product_sla_policy WHERE product_id = :product")
        .bind("product", productId)
        .execute();
    if (policyId != null) {
      h.createUpdate(
              "INSERT INTO product_sla_policy (product_id, policy_id) VALUES (:product, :policy)")
          .bind("product", productId)
          .bind("policy", policyId)
          .execute();
    }
  }

  /** The policy a product picked, if it picked one. */
  public Optional<Long> picked(Handle h, long productId) {
    return h.createQuery("SELECT policy_id FROM product_sla_policy WHERE product_id = :product")
        .bind("product", productId)
        .mapTo(Long.class)
        .findOne();
  }

  /** Every product of the workspace that picked a policy: product id → policy id. */
  public Map<Long, Long> picks(Handle h, long workspaceId) {
    Map<Long, Long> out = new java.util.LinkedHashMap<>();
    h.createQuery(
            "SELECT ps.product_id, ps.policy_id FROM product_sla_policy ps"
                + " JOIN product p ON p.id = ps.product_id WHERE p.workspace_id = :ws")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> Map.entry(rs.getLong("product_id"), rs.getLong("policy_id")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Head(
        rs.getLong("id"),
        rs.getLong("workspace_id"),
        rs.getString("name"),
        rs.getBoolean("is_default"),
        rs.getString("time_zone"),
        rs.getString("work_days"),
        rs.getString("day_start"),
        rs.getString("day_end"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static SlaPolicy policy(Handle h, Head head) {
    Map<Severity, SlaTargets> targets = new EnumMap<>(Severity.class);
    h.createQuery(
            "SELECT severity, first_response_min, resolution_min FROM sla_target"
                + " WHERE policy_id = :id")
        .bind("id", head.id())
        .map(
            (rs, ctx) ->
                Map.entry(
                    Severity.parse("severity", rs.getString("severity")),
                    SlaTargets.ofMinutes(
                        rs.getLong("first_response_min"), rs.getLong("resolution_min"))))
        .forEach(e -> targets.put(e.getKey(), e.getValue()));
    BusinessHours hours = null;
    if (head.zone() != null) {
      Set<LocalDate> holidays =
          h
              .createQuery("SELECT on_day FROM sla_holiday WHERE policy_id = :id ORDER BY on_day")
              .bind("id", head.id())
              .mapTo(String.class)
              .stream()
              .map(LocalDate::parse)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String d : head.workDays().split(",")) {
        if (!d.isBlank()) {
          days.add(DayOfWeek.of(Integer.parseInt(d.strip())));
        }
      }
      hours =
          new BusinessHours(
              ZoneId.of(head.zone()),
              days,
              LocalTime.parse(head.start()),
              LocalTime.parse(head.end()),
              holidays);
    }
    return new SlaPolicy(
        head.id(),
        head.workspaceId(),
        head.name(),
        head.isDefault(),
        hours,
        targets,
        head.createdAt(),
        head.updatedAt(),
        head.version());
  }

  private static String days(SlaPolicy p) {
    BusinessHours hours = p.hours() == null ? SlaPolicy.officeHours() : p.hours();
    return hours.days().stream()
        .sorted()
        .map(d -> Integer.toString(d.getValue()))
        .collect(Collectors.joining(","));
  }

  private static String time(SlaPolicy p, boolean start) {
    BusinessHours hours = p.hours() == null ? SlaPolicy.officeHours() : p.hours();
    return (start ? hours.start() : hours.end()).toString();
  }
}
