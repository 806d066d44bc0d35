package io.hatrack.discovery.customers;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for customers, their contacts, the workspace's discovery settings and staged CSV imports. A
 * customer's name and version live in its entity row, which belongs to the workspace and no
 * product.
 */
public final class CustomerStore {
  /** The kind of a customer in the entity table. */
  public static final String KIND = "customer";

  /** The columns of a customer's own row. */
  public record Row(
      String externalId,
      String segment,
      String plan,
      String tier,
      String domain,
      String notes,
      Revenue revenue) {}

  private static final String COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", c.external_id, c.segment, c.plan, c.tier, c.domain, c.notes, c.revenue_minor,"
          + " c.revenue_period";
  private static final String FROM = EntityStore.ITEM_FROM + " JOIN customer c ON c.id = e.id";

  public void insert(Handle h, long id, long workspaceId, Row row) {
    h.createUpdate(
            "INSERT INTO customer (id, workspace_id, external_id, segment, plan, tier, domain,"
                + " notes, revenue_minor, revenue_period, arr_minor) VALUES (:id, :ws, :external,"
                + " :segment, :plan, :tier, :domain, :notes, :minor, :period, :arr)")
        .bind("id", id)
        .bind("ws", workspaceId)
        .bindMap(params(row))
        .execute();
  }

  public void update(Handle h, long id, Row row) {
    h.createUpdate(
            "UPDATE customer SET external_id = :external, segment = :segment, plan = :plan,"
                + " tier = :tier, domain = :domain, notes = :notes, revenue_minor = :minor,"
                + " revenue_period = :period, arr_minor = :arr WHERE id = :id")
        .bind("id", id)
        .bindMap(params(row))
        .execute();
  }

  private static Map<String, Object> params(Row row) {
    Revenue r = row.revenue();
    java.util.HashMap<String, Object> m = new java.util.HashMap<>();
    m.put("external", row.externalId());
    m.put("segment", row.segment());
    m.put("plan", row.plan());
    m.put("tier", row.tier());
    m.put("domain", row.domain());
    m.put("notes", row.notes());
    m.put("minor", r == null ? null : r.minor());
    m.put("period", r == null ? null : r.period().id());
    m.put("arr", r == null ? null : r.arrMinor());
    return m;
  }

  /** The customer with this id, live or deleted. */
  public Optional<Customer> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The customer of a workspace with this external id, live or deleted. */
  public Optional<Customer> byExternalId(Handle h, long workspaceId, String externalId) {
    return h
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE c.workspace_id = :ws AND c.external_id = :external")
        .bind("ws", workspaceId)
        .bind("external", externalId)
        .map((rs, ctx) -> map(rs))
        .list()
        .stream()
        .findFirst();
  }

  /** The live customers of a workspace with this name, compared without case. */
  public List<Customer> liveByName(Handle h, long workspaceId, String name) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE c.workspace_id = :ws AND e.search_title = :name AND e.deleted_at IS NULL"
                + " ORDER BY e.id")
        .bind("ws", workspaceId)
        .bind("name", EntityStore.searchable(name))
        .map((rs, ctx) -> map(rs))
        .list();
  }

  private static Customer map(ResultSet rs) throws SQLException {
    Long minor = Rows.longOrNull(rs, "revenue_minor");
    String period = rs.getString("revenue_period");
    return new Customer(
        EntityStore.map(rs),
        rs.getString("external_id"),
        rs.getString("segment"),
        rs.getString("plan"),
        rs.getString("tier"),
        rs.getString("domain"),
        rs.getString("notes"),
        minor == null ? null : new Revenue(minor, RevenuePeriod.parse("revenue_period", period)));
  }

  // ---- Listing --------------------------------------------------------------------------------

  private static final String LIVE = " WHERE c.workspace_id = :ws AND e.deleted_at IS NULL";

  private static String where(CustomerFilter f) {
    StringBuilder w = new StringBuilder(LIVE);
    if (!f.q().isEmpty()) {
      w.append(
          " AND (e.search_title LIKE :pattern ESCAPE '!' OR LOWER(c.domain) LIKE :pattern"
              + " ESCAPE '!' OR LOWER(COALESCE(c.external_id, '')) LIKE :pattern ESCAPE '!')");
    }
    if (!f.segment().isEmpty()) {
      w.append(" AND c.segment = :segment");
    }
    if (!f.plan().isEmpty()) {
      w.append(" AND c.plan = :plan");
    }
    if (!f.tier().isEmpty()) {
      w.append(" AND c.tier = :tier");
    }
    return w.toString();
  }

  private static Query bind(Query q, long workspaceId, CustomerFilter f) {
    return q.bind("ws", workspaceId)
        .bind("pattern", "%" + likeEscape(EntityStore.searchable(f.q())) + "%")
        .bind("segment", f.segment())
        .bind("plan", f.plan())
        .bind("tier", f.tier());
  }

  /** Escapes LIKE's wildcards with {@code !} (the escape character the queries declare). */
  static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String orderBy(CustomerFilter f) {
    String dir = f.descending() ? " DESC" : " ASC";
    return switch (f.sortColumn()) {
      // Customers without revenue come last whichever way revenue is sorted.
      case "revenue" -> "(c.arr_minor IS NULL), c.arr_minor" + dir + ", e.search_title, e.id";
      case "segment" -> "c.segment" + dir + ", e.search_title, e.id";
      case "plan" -> "c.plan" + dir + ", e.search_title, e.id";
      case "tier" -> "c.tier" + dir + ", e.search_title, e.id";
      case "updated" -> "e.updated_at" + dir + ", e.id" + dir;
      default -> "e.search_title" + dir + ", e.id" + dir;
    };
  }

  /** One page of a workspace's live customers that match. */
  public List<Customer> list(
      Handle h, long workspaceId, CustomerFilter filter, long offset, int limit) {
    Query q =
        h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + where(filter)
                + " ORDER BY "
                + orderBy(filter)
                + " LIMIT :limit OFFSET :offset");
    return bind(q, workspaceId, filter)
        .bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** How many live customers match. */
  public long count(Handle h, long workspaceId, CustomerFilter filter) {
    Query q = h.createQuery("SELECT COUNT(*) FROM " + FROM + where(filter));
    return bind(q, workspaceId, filter).mapTo(Long.class).one();
  }

  /** The sum of the live matching customers' revenue per year, in minor units. */
  public long totalArr(Handle h, long workspaceId, CustomerFilter filter) {
    Query q = h.createQuery("SELECT COALESCE(SUM(c.arr_minor), 0) FROM " + FROM + where(filter));
    return bind(q, workspaceId, filter).mapTo(Long.class).one();
  }

  /** The different values of {@code column} (segment, plan or tier) the live customers use. */
  public List<String> values(Handle h, long workspaceId, String column) {
    if (!List.of("segment", "plan", "tier").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    return h.createQuery(
            "SELECT DISTINCT c."
                + column
                + " FROM "
                + FROM
                + LIVE
                + " AND c."
                + column
                + " <> '' ORDER BY c."
                + column)
        .bind("ws", workspaceId)
        .mapTo(String.class)
        .list();
  }

  // ---- Contacts ---------------------------------------------------------------------------------

  private static final String CONTACT_COLUMNS =
      "id, customer_id, name, email, role, phone, version";

  public List<Contact> contacts(Handle h, long customerId) {
    return h.createQuery(
            "SELECT "
                + CONTACT_COLUMNS
                + " FROM customer_contact WHERE customer_id = :customer ORDER BY id")
        .bind("customer", customerId)
        .map((rs, ctx) -> contact(rs))
        .list();
  }

  /** The contacts of these customers of a workspace, by customer, in one query. */
  public Map<Long, List<Contact>> contactsOf(
      Handle h, long workspaceId, java.util.Collection<Long> customerIds) {
    Map<Long, List<Contact>> out = new java.util.LinkedHashMap<>();
    if (customerIds.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT cc."
                + CONTACT_COLUMNS.replace(", ", ", cc.")
                + " FROM customer_contact cc JOIN customer c ON c.id = cc.customer_id"
                + " WHERE c.workspace_id = :ws AND cc.customer_id IN (<ids>)"
                + " ORDER BY cc.customer_id, cc.id")
        .bind("ws", workspaceId)
        .bindList("ids", List.copyOf(customerIds))
        .map((rs, ctx) -> contact(rs))
        .forEach(c -> out.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c));
    return out;
  }

  public Optional<Contact> contact(Handle h, long id) {
    return h.createQuery("SELECT " + CONTACT_COLUMNS + " FROM customer_contact WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> contact(rs))
        .findOne();
  }

  /**
   * The contacts with this e-mail address (without case) at the live customers of a workspace, with
   * their customer's name.
   */
  public List<Map.Entry<Contact, String>> contactsByEmail(
      Handle h, long workspaceId, String email) {
    return h.createQuery(
            "SELECT c.id, c.customer_id, c.name, c.email, c.role, c.phone, c.version,"
                + " e.title AS customer_name FROM customer_contact c"
                + " JOIN customer k ON k.id = c.customer_id"
                + " JOIN entity e ON e.id = k.id"
                + " WHERE k.workspace_id = :ws AND e.deleted_at IS NULL"
                + " AND LOWER(c.email) = LOWER(:email) ORDER BY c.id")
        .bind("ws", workspaceId)
        .bind("email", email.strip())
        .map((rs, ctx) -> Map.entry(contact(rs), rs.getString("customer_name")))
        .list();
  }

  private static Contact contact(ResultSet rs) throws SQLException {
    return new Contact(
        rs.getLong("id"),
        rs.getLong("customer_id"),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("role"),
        rs.getString("phone"),
        rs.getLong("version"));
  }

  public long insertContact(Handle h, long customerId, ContactDraft c, Instant now) {
    return h.createQuery(
            "INSERT INTO customer_contact (customer_id, name, email, role, phone, created_at)"
                + " VALUES (:customer, :name, :email, :role, :phone, :now) RETURNING id")
        .bind("customer", customerId)
        .bind("name", c.name())
        .bind("email", c.email())
        .bind("role", c.role())
        .bind("phone", c.phone())
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** Changes a contact if it is still at {@code expectedVersion}; false when it is not. */
  public boolean updateContact(Handle h, long id, long expectedVersion, ContactDraft c) {
    return h.createUpdate(
                "UPDATE customer_contact SET name = :name, email = :email, role = :role,"
                    + " phone = :phone, version = version + 1 WHERE id = :id"
                    + " AND version = :expected")
            .bind("id", id)
            .bind("expected", expectedVersion)
            .bind("name", c.name())
            .bind("email", c.email())
            .bind("role", c.role())
            .bind("phone", c.phone())
            .execute()
        == 1;
  }

  /** Removes a contact if it is still at {@code expectedVersion}; false when it is not. */
  public boolean deleteContact(Handle h, long id, long expectedVersion) {
    return h.createUpdate("DELETE FROM customer_contact WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }

  // ---- Settings ---------------------------------------------------------------------------------

  /** The workspace's discovery settings; the defaults (USD, version 1) when none were saved. */
  public CustomerSettings settings(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT currency, version FROM discovery_settings WHERE workspace_id = :ws")
        .bind("ws", workspaceId)
        .map(
            (rs, ctx) ->
                new CustomerSettings(
                    workspaceId,
                    Currency.getInstance(rs.getString("currency")),
                    rs.getLong("version")))
        .findOne()
        .orElse(new CustomerSettings(workspaceId, Currency.getInstance(Money.DEFAULT_CURRENCY), 1));
  }

  /**
   * Saves the currency if the settings are still at {@code expectedVersion} (the defaults, never
   * saved, are version 1); false if not.
   */
  public boolean saveCurrency(Handle h, long workspaceId, long expectedVersion, String currency) {
    int updated =
        h.createUpdate(
                "UPDATE discovery_settings SET currency = :currency, version = version + 1"
                    + " WHERE workspace_id = :ws AND version = :expected")
            .bind("ws", workspaceId)
            .bind("currency", currency)
            .bind("expected", expectedVersion)
            .execute();
    if (updated == 1 || expectedVersion != 1) {
      return updated == 1;
    }
    return h.createUpdate(
                "INSERT INTO discovery_settings (workspace_id, currency, version)"
                    + " VALUES (:ws, :currency, 2) ON CONFLICT (workspace_id) DO NOTHING")
            .bind("ws", workspaceId)
            .bind("currency", currency)
            .execute()
        == 1;
  }

  /**
   * The names of the workspace's customers (deleted ones too) whose revenue cannot be written
   * exactly with {@code factor} times fewer minor units, at most {@code limit}.
   */
  public List<String> inexactWhenDivided(Handle h, long workspaceId, long factor, int limit) {
    return h.createQuery(
            "SELECT e.title FROM "
                + FROM
                + " WHERE c.workspace_id = :ws AND c.revenue_minor IS NOT NULL"
                + " AND c.revenue_minor % :factor <> 0 ORDER BY e.search_title LIMIT :limit")
        .bind("ws", workspaceId)
        .bind("factor", factor)
        .bind("limit", limit)
        .mapTo(String.class)
        .list();
  }

  /** Multiplies (or, with {@code divide}, divides) every revenue of a workspace by a factor. */
  public void rescale(Handle h, long workspaceId, long factor, boolean divide) {
    String op = divide ? "/" : "*";
    h.createUpdate(
            "UPDATE customer SET revenue_minor = revenue_minor "
                + op
                + " :factor, arr_minor = arr_minor "
                + op
                + " :factor WHERE workspace_id = :ws AND revenue_minor IS NOT NULL")
        .bind("ws", workspaceId)
        .bind("factor", factor)
        .execute();
  }

  /** The largest revenue per year of the workspace's customers, in minor units (0 if none). */
  public long largestArr(Handle h, long workspaceId) {
    return h.createQuery(
            "SELECT COALESCE(MAX(arr_minor), 0) FROM customer WHERE workspace_id = :ws")
        .bind("ws", workspaceId)
        .mapTo(Long.class)
        .one();
  }

  // ---- Staged imports ---------------------------------------------------------------------------

  /** A CSV file waiting for confirmation. */
  public record Staged(
      long id, long workspaceId, long createdBy, String fileName, String content) {}

  public long stage(
      Handle h, long workspaceId, long userId, String fileName, String content, Instant now) {
    return h.createQuery(
            "INSERT INTO customer_import (workspace_id, created_by, created_at, file_name, content)"
                + " VALUES (:ws, :user, :now, :name, :content) RETURNING id")
        .bind("ws", workspaceId)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .bind("name", fileName)
        .bind("content", content)
        .mapTo(Long.class)
        .one();
  }

  public Optional<Staged> staged(Handle h, long id) {
    return h.createQuery(
            "SELECT id, workspace_id, created_by, file_name, content FROM customer_import"
                + " WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Staged(
                    rs.getLong("id"),
                    rs.getLong("workspace_id"),
                    rs.getLong("created_by"),
                    rs.getString("file_name"),
                    rs.getString("content")))
        .findOne();
  }

  public void unstage(Handle h, long id) {
    h.createUpdate("DELETE FROM customer_import WHERE id = :id").bind("id", id).execute();
  }

  /** Forgets staged imports of a workspace older than {@code before}. */
  public int forgetStaged(Handle h, long workspaceId, Instant before) {
    return h.createUpdate(
            "DELETE FROM customer_import WHERE workspace_id = :ws AND created_at < :before")
        .bind("ws", workspaceId)
        .bind("before", Rows.millis(before))
        .execute();
  }

  // ---- For the command line ---------------------------------------------------------------------

  /** The slugs of every workspace, oldest first. */
  public List<String> workspaceSlugs(Handle h) {
    return h.createQuery("SELECT slug FROM workspace ORDER BY id").mapTo(String.class).list();
  }

  /** The first owner of a workspace (by when they joined). */
  public Optional<Long> firstOwner(Handle h, long workspaceId) {
    List<Long> owners = new ArrayList<>();
    h.createQuery(
            "SELECT user_id FROM membership WHERE workspace_id = :ws AND role = 'owner'"
                + " ORDER BY created_at, user_id")
        .bind("ws", workspaceId)
        .mapTo(Long.class)
        .forEach(owners::add);
    return owners.stream().findFirst();
  }
}
