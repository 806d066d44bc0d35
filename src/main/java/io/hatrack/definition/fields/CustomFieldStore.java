package io.hatrack.definition.fields;

import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for custom field definitions and their values on work items. */
public final class CustomFieldStore {
  /** At most this many ids go into one {@code IN (...)} list. */
  private static final int CHUNK = 500;

  private static final String FIELD_COLUMNS =
      "id, product_id, field_key, name, type, options, formula, item_types, position, version";

  private static CustomField mapField(ResultSet rs) throws SQLException {
    String options = rs.getString("options");
    String types = rs.getString("item_types");
    return new CustomField(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("field_key"),
        rs.getString("name"),
        FieldType.parse("type", rs.getString("type")),
        options.isEmpty() ? List.of() : Arrays.asList(options.split("\n", -1)),
        rs.getString("formula"),
        types.isEmpty()
            ? List.of()
            : Arrays.stream(types.split(",")).map(t -> WorkItemType.parse("type", t)).toList(),
        rs.getInt("position"),
        rs.getLong("version"));
  }

  /** The columns of a definition that a change writes. */
  public record Definition(
      String key,
      String name,
      FieldType type,
      List<String> options,
      String formula,
      List<WorkItemType> itemTypes,
      int position) {}

  private static Map<String, Object> bindings(Definition d) {
    Map<String, Object> m = new HashMap<>();
    m.put("key", d.key());
    m.put("name", d.name());
    m.put("type", d.type().id());
    m.put("options", String.join("\n", d.options()));
    m.put("formula", d.formula());
    m.put(
        "types", String.join(",", d.itemTypes().stream().sorted().map(WorkItemType::id).toList()));
    m.put("position", d.position());
    return m;
  }

  /** A product's fields in their order. */
  public List<CustomField> list(Handle h, long productId) {
    return h.createQuery(
            "SELECT "
                + FIELD_COLUMNS
                + " FROM custom_field WHERE product_id = :product ORDER BY position, id")
        .bind("product", productId)
        .map((rs, ctx) -> mapField(rs))
        .list();
  }

  public Optional<CustomField> byId(Handle h, long productId, long id) {
    return h.createQuery(
            "SELECT "
                + FIELD_COLUMNS
                + " FROM custom_field WHERE product_id = :product AND id = :id")
        .bind("product", productId)
        .bind("id", id)
        .map((rs, ctx) -> mapField(rs))
        .findOne();
  }

  public Optional<CustomField> byKey(Handle h, long productId, String key) {
    return h.createQuery(
            "SELECT "
                + FIELD_COLUMNS
                + " FROM custom_field WHERE product_id = :product AND field_key = :key")
        .bind("product", productId)
        .bind("key", key)
        .map((rs, ctx) -> mapField(rs))
        .findOne();
  }

  /** The position after the product's last field. */
  public int nextPosition(Handle h, long productId) {
    return h.createQuery(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM custom_field WHERE product_id = :product")
        .bind("product", productId)
        .mapTo(Integer.class)
        .one();
  }

  /** Whether another field of the product (not {@code exceptId}) has this name, in any case. */
  public boolean nameTaken(Handle h, long productId, String name, long exceptId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM custom_field WHERE product_id = :product"
                    + " AND LOWER(name) = LOWER(:name) AND id <> :id")
            .bind("product", productId)
            .bind("name", name)
            .bind("id", exceptId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  public long insert(Handle h, long productId, Definition d) {
    return h.createQuery(
            "INSERT INTO custom_field (product_id, field_key, name, type, options, formula,"
                + " item_types, position) VALUES (:product, :key, :name, :type, :options,"
                + " :formula, :types, :position) RETURNING id")
        .bind("product", productId)
        .bindMap(bindings(d))
        .mapTo(Long.class)
        .one();
  }

  /** Writes a definition if it is still at {@code expectedVersion}; false when it was not. */
  public boolean update(Handle h, long id, long expectedVersion, Definition d) {
    return h.createUpdate(
                "UPDATE custom_field SET field_key = :key, name = :name, type = :type,"
                    + " options = :options, formula = :formula, item_types = :types,"
                    + " position = :position, version = version + 1"
                    + " WHERE id = :id AND version = :version")
            .bind("id", id)
            .bind("version", expectedVersion)
            .bindMap(bindings(d))
            .execute()
        == 1;
  }

  /** Deletes a definition (its values go with it) if it is still at {@code expectedVersion}. */
  public boolean delete(Handle h, long id, long expectedVersion) {
    return h.createUpdate("DELETE FROM custom_field WHERE id = :id AND version = :version")
            .bind("id", id)
            .bind("version", expectedVersion)
            .execute()
        == 1;
  }

  /** How many items hold a value of each field of a product, by field id. */
  public Map<Long, Long> valueCounts(Handle h, long productId) {
    Map<Long, Long> counts = new HashMap<>();
    h.createQuery(
            "SELECT v.field_id, COUNT(*) AS n FROM custom_value v"
                + " JOIN custom_field f ON f.id = v.field_id"
                + " WHERE f.product_id = :product GROUP BY v.field_id")
        .bind("product", productId)
        .map((rs, ctx) -> Map.entry(rs.getLong("field_id"), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** How many items hold each distinct text value of a field (select options in use). */
  public Map<String, Long> textUsage(Handle h, long fieldId) {
    Map<String, Long> usage = new HashMap<>();
    h.createQuery(
            "SELECT text_value, COUNT(*) AS n FROM custom_value"
                + " WHERE field_id = :field AND text_value IS NOT NULL GROUP BY text_value")
        .bind("field", fieldId)
        .map((rs, ctx) -> Map.entry(rs.getString("text_value"), rs.getLong("n")))
        .forEach(e -> usage.put(e.getKey(), e.getValue()));
    return usage;
  }

  /** Removes every value of a field (its computed results, when it stops being a formula). */
  public void clearField(Handle h, long fieldId) {
    h.createUpdate("DELETE FROM custom_value WHERE field_id = :field")
        .bind("field", fieldId)
        .execute();
  }

  // ---- Work items -----------------------------------------------------------------------------

  /** A work item as the fields need it: its identity, kind and estimate. */
  public record WorkItemRow(Item item, WorkItemType type, Double estimate) {}

  private static WorkItemRow mapItem(ResultSet rs) throws SQLException {
    double estimate = rs.getDouble("estimate");
    Double est = rs.wasNull() ? null : estimate;
    return new WorkItemRow(
        EntityStore.map(rs), WorkItemType.parse("type", rs.getString("type")), est);
  }

  private static final String ITEM_SELECT =
      "SELECT "
          + EntityStore.ITEM_COLUMNS
          + ", w.type, w.estimate FROM "
          + EntityStore.ITEM_FROM
          + " JOIN work_item w ON w.id = e.id";

  public Optional<WorkItemRow> workItem(Handle h, long id) {
    return h.createQuery(ITEM_SELECT + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> mapItem(rs))
        .findOne();
  }

  /** The live work item of a product with exactly this title (the oldest, if several). */
  public Optional<WorkItemRow> workItemByTitle(Handle h, long productId, String title) {
    return h.createQuery(
            ITEM_SELECT
                + " WHERE w.product_id = :product AND e.title = :title AND e.deleted_at IS NULL"
                + " ORDER BY e.id LIMIT 1")
        .bind("product", productId)
        .bind("title", title)
        .map((rs, ctx) -> mapItem(rs))
        .findOne();
  }

  /** A work item's kind and estimate, for computing its formulas. */
  public record Computable(long id, WorkItemType type, Double estimate) {}

  /** Every work item of a product (deleted ones too, so that a restored item is up to date). */
  public List<Computable> computables(Handle h, long productId) {
    return h.createQuery("SELECT id, type, estimate FROM work_item WHERE product_id = :product")
        .bind("product", productId)
        .map(
            (rs, ctx) -> {
              double estimate = rs.getDouble("estimate");
              Double est = rs.wasNull() ? null : estimate;
              return new Computable(
                  rs.getLong("id"), WorkItemType.parse("type", rs.getString("type")), est);
            })
        .list();
  }

  // ---- Values ---------------------------------------------------------------------------------

  /**
   * A stored value with what reading it needs: the item's kind and product, and for a person the
   * handle and name.
   */
  public record ValueRow(
      long itemId,
      WorkItemType itemType,
      long productId,
      long fieldId,
      String text,
      Double number,
      Long userId,
      String userHandle,
      String userName) {}

  /** The stored values of the given items. */
  public List<ValueRow> values(Handle h, Collection<Long> itemIds) {
    List<Long> ids = List.copyOf(itemIds);
    List<ValueRow> rows = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      rows.addAll(
          h.createQuery(
                  "SELECT v.item_id, w.type AS item_type, f.product_id, v.field_id, v.text_value,"
                      + " v.number_value, v.user_value, u.handle, u.name FROM custom_value v"
                      + " JOIN custom_field f ON f.id = v.field_id"
                      + " JOIN work_item w ON w.id = v.item_id"
                      + " LEFT JOIN app_user u ON u.id = v.user_value"
                      + " WHERE v.item_id IN (<ids>)")
              .bindList("ids", chunk)
              .map(
                  (rs, ctx) -> {
                    double n = rs.getDouble("number_value");
                    Double number = rs.wasNull() ? null : n;
                    long u = rs.getLong("user_value");
                    Long user = rs.wasNull() ? null : u;
                    return new ValueRow(
                        rs.getLong("item_id"),
                        WorkItemType.parse("type", rs.getString("item_type")),
                        rs.getLong("product_id"),
                        rs.getLong("field_id"),
                        rs.getString("text_value"),
                        number,
                        user,
                        rs.getString("handle"),
                        rs.getString("name"));
                  })
              .list());
    }
    return rows;
  }

  /** The number values (numbers, checkboxes) of one item, by field id. */
  public Map<Long, Double> numbers(Handle h, long itemId) {
    Map<Long, Double> numbers = new HashMap<>();
    h.createQuery(
            "SELECT v.field_id, v.number_value FROM custom_value v"
                + " JOIN custom_field f ON f.id = v.field_id"
                + " WHERE v.item_id = :item AND v.number_value IS NOT NULL"
                + " AND f.type IN ('number', 'checkbox')")
        .bind("item", itemId)
        .map((rs, ctx) -> Map.entry(rs.getLong("field_id"), rs.getDouble("number_value")))
        .forEach(e -> numbers.put(e.getKey(), e.getValue()));
    return numbers;
  }

  /** The number values (numbers, checkboxes) of every item of a product: item -> field -> value. */
  public Map<Long, Map<Long, Double>> numbersOfProduct(Handle h, long productId) {
    Map<Long, Map<Long, Double>> numbers = new HashMap<>();
    h.createQuery(
            "SELECT v.item_id, v.field_id, v.number_value FROM custom_value v"
                + " JOIN custom_field f ON f.id = v.field_id"
                + " WHERE f.product_id = :product AND v.number_value IS NOT NULL"
                + " AND f.type IN ('number', 'checkbox')")
        .bind("product", productId)
        .map(
            (rs, ctx) ->
                new Object[] {
                  rs.getLong("item_id"), rs.getLong("field_id"), rs.getDouble("number_value")
                })
        .forEach(
            row ->
                numbers
                    .computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .put((Long) row[1], (Double) row[2]));
    return numbers;
  }

  /** Writes one value, replacing the one there. */
  public void setValue(
      Handle h, long itemId, long fieldId, String text, Double number, Long userId) {
    h.createUpdate(
            "INSERT INTO custom_value (item_id, field_id, text_value, number_value, user_value)"
                + " VALUES (:item, :field, :text, :number, :user)"
                + " ON CONFLICT (item_id, field_id) DO UPDATE SET text_value = excluded.text_value,"
                + " number_value = excluded.number_value, user_value = excluded.user_value")
        .bind("item", itemId)
        .bind("field", fieldId)
        .bind("text", text)
        .bind("number", number)
        .bind("user", userId)
        .execute();
  }

  public void clearValue(Handle h, long itemId, long fieldId) {
    h.createUpdate("DELETE FROM custom_value WHERE item_id = :item AND field_id = :field")
        .bind("item", itemId)
        .bind("field", fieldId)
        .execute();
  }

  /** One computed formula result to write. */
  public record Computed(long itemId, long fieldId, Double number, String reason) {}

  /** Replaces every value of the given (formula) fields with {@code results}. */
  public void replaceComputed(Handle h, Collection<Long> fieldIds, List<Computed> results) {
    if (fieldIds.isEmpty()) {
      return;
    }
    h.createUpdate("DELETE FROM custom_value WHERE field_id IN (<ids>)")
        .bindList("ids", List.copyOf(fieldIds))
        .execute();
    insertComputed(h, results);
  }

  /** Replaces one item's values of the given (formula) fields with {@code results}. */
  public void replaceComputed(
      Handle h, long itemId, Collection<Long> fieldIds, List<Computed> results) {
    if (fieldIds.isEmpty()) {
      return;
    }
    h.createUpdate("DELETE FROM custom_value WHERE item_id = :item AND field_id IN (<ids>)")
        .bind("item", itemId)
        .bindList("ids", List.copyOf(fieldIds))
        .execute();
    insertComputed(h, results);
  }

  private static void insertComputed(Handle h, List<Computed> results) {
    if (results.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO custom_value (item_id, field_id, text_value, number_value)"
                + " VALUES (:item, :field, :text, :number)");
    for (Computed c : results) {
      batch
          .bind("item", c.itemId())
          .bind("field", c.fieldId())
          .bind("text", c.reason())
          .bind("number", c.number())
          .add();
    }
    batch.execute();
  }
}
