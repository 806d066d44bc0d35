package io.hatrack.definition;

import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** SQL for work items; identity, key, title and version come from the shared entity row. */
public final class WorkItemStore {
  /** The kind of a work item in the entity table. */
  public static final String KIND = "work_item";

  static final String COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", w.type, w.description, w.state_id, s.name AS state_name, s.category AS state_category,"
          + " s.position AS state_position, w.owner_id, o.handle AS owner_handle,"
          + " o.name AS owner_name, w.parent_id, pe.title AS parent_title,"
          + " pe.number AS parent_number, pw.type AS parent_type, w.estimate, w.size, w.position,"
          + " w.story_role, w.story_goal, w.story_benefit, w.acceptance,"
          + " (SELECT COUNT(*) FROM work_item c JOIN entity ce ON ce.id = c.id"
          + "   WHERE c.parent_id = w.id AND ce.deleted_at IS NULL) AS child_count";

  static final String FROM =
      EntityStore.ITEM_FROM
          + " JOIN work_item w ON w.id = e.id"
          + " JOIN workflow_state s ON s.id = w.state_id"
          + " LEFT JOIN app_user o ON o.id = w.owner_id"
          + " LEFT JOIN entity pe ON pe.id = w.parent_id"
          + " LEFT JOIN work_item pw ON pw.id = w.parent_id";

  static WorkItem map(ResultSet rs) throws SQLException {
    var item = EntityStore.map(rs);
    long ownerId = rs.getLong("owner_id");
    Person owner =
        rs.wasNull()
            ? null
            : new Person(ownerId, rs.getString("owner_handle"), rs.getString("owner_name"));
    long parentId = rs.getLong("parent_id");
    WorkItem.ParentRef parent = null;
    if (!rs.wasNull()) {
      long number = rs.getLong("parent_number");
      String type = rs.getString("parent_type");
      parent =
          new WorkItem.ParentRef(
              parentId,
              item.productKey() == null ? null : item.productKey() + "-" + number,
              rs.getString("parent_title"),
              type == null ? null : WorkItemType.parse("type", type));
    }
    double estimate = rs.getDouble("estimate");
    Double est = rs.wasNull() ? null : estimate;
    String size = rs.getString("size");
    return new WorkItem(
        item,
        WorkItemType.parse("type", rs.getString("type")),
        rs.getString("description"),
        new WorkflowState(
            rs.getLong("state_id"),
            item.productId(),
            rs.getString("state_name"),
            StateCategory.parse("category", rs.getString("state_category")),
            rs.getInt("state_position")),
        owner,
        parent,
        est,
        size == null ? null : Size.parse("size", size),
        rs.getDouble("position"),
        rs.getString("story_role"),
        rs.getString("story_goal"),
        rs.getString("story_benefit"),
        rs.getString("acceptance"),
        rs.getInt("child_count"));
  }

  /** The columns a work item's own row holds. */
  public record Row(
      long productId,
      WorkItemType type,
      String description,
      long stateId,
      Long ownerId,
      Long parentId,
      Double estimate,
      Size size,
      double position,
      String storyRole,
      String storyGoal,
      String storyBenefit,
      String acceptance) {}

  public void insert(Handle h, long id, Row r) {
    h.createUpdate(
            "INSERT INTO work_item (id, product_id, type, description, state_id, owner_id,"
                + " parent_id, estimate, size, position, story_role, story_goal, story_benefit,"
                + " acceptance) VALUES (:id, :product, :type, :description, :state, :owner,"
                + " :parent, :estimate, :size, :position, :role, :goal, :benefit, :acceptance)")
        .bind("id", id)
        .bindMap(bindings(r))
        .execute();
  }

  /** Inserts many items' rows at once (a bulk import), in one batch. */
  public void insertAll(Handle h, List<Long> ids, List<Row> rows) {
    if (ids.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO work_item (id, product_id, type, description, state_id, owner_id,"
                + " parent_id, estimate, size, position, story_role, story_goal, story_benefit,"
                + " acceptance) VALUES (:id, :product, :type, :description, :state, :owner,"
                + " :parent, :estimate, :size, :position, :role, :goal, :benefit, :acceptance)");
    for (int i = 0; i < ids.size(); i++) {
      batch.bind("id", ids.get(i)).bindMap(bindings(rows.get(i))).add();
    }
    batch.execute();
  }

  public void update(Handle h, long id, Row r) {
    h.createUpdate(
            "UPDATE work_item SET type = :type, description = :description, state_id = :state,"
                + " owner_id = :owner, parent_id = :parent, estimate = :estimate, size = :size,"
                + " position = :position, story_role = :role, story_goal = :goal,"
                + " story_benefit = :benefit, acceptance = :acceptance WHERE id = :id")
        .bind("id", id)
        .bindMap(bindings(r))
        .execute();
  }

  private static Map<String, Object> bindings(Row r) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("product", r.productId());
    m.put("type", r.type().id());
    m.put("description", r.description());
    m.put("state", r.stateId());
    m.put("owner", r.ownerId());
    m.put("parent", r.parentId());
    m.put("estimate", r.estimate());
    m.put("size", r.size() == null ? null : r.size().id());
    m.put("position", r.position());
    m.put("role", r.storyRole());
    m.put("goal", r.storyGoal());
    m.put("benefit", r.storyBenefit());
    m.put("acceptance", r.acceptance());
    return m;
  }

  public Optional<WorkItem> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Every live item of a product, one at a time (rebuilding the search index). */
  public void forEachLive(
      Handle h, long productId, java.util.function.Consumer<WorkItem> consumer) {
    h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE e.product_id = :product AND e.kind = :kind AND e.deleted_at IS NULL"
                + " ORDER BY e.id")
        .bind("product", productId)
        .bind("kind", KIND)
        .map((rs, ctx) -> map(rs))
        .useStream(items -> items.forEach(consumer));
  }

  /** Live items directly under {@code parentId}, in rank order. */
  public List<WorkItem> children(Handle h, long parentId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE w.parent_id = :parent AND e.deleted_at IS NULL"
                + " ORDER BY w.position, e.number")
        .bind("parent", parentId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Live items of a product with no parent, in rank order. */
  public List<WorkItem> roots(Handle h, long productId, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE w.product_id = :product AND w.parent_id IS NULL AND e.deleted_at IS NULL"
                + " ORDER BY w.position, e.number LIMIT :limit")
        .bind("product", productId)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** The ids above an item, nearest first (at most {@code depth}). */
  public List<Long> ancestors(Handle h, long id, int depth) {
    List<Long> chain = new ArrayList<>();
    Long current = id;
    for (int i = 0; i < depth && current != null; i++) {
      current =
          h.createQuery("SELECT parent_id FROM work_item WHERE id = :id")
              .bind("id", current)
              .mapTo(Long.class)
              .findOne()
              .orElse(null);
      if (current != null) {
        chain.add(current);
      }
    }
    return chain;
  }

  /** Moves every item directly under {@code from} to sit under {@code to} (null: top level). */
  public int reparentChildren(Handle h, long from, Long to) {
    return h.createUpdate("UPDATE work_item SET parent_id = :to WHERE parent_id = :from")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  /** The rank after the last item of a state, for appending. */
  public double nextPosition(Handle h, long productId, long stateId) {
    return h.createQuery(
                "SELECT COALESCE(MAX(position), 0) FROM work_item WHERE product_id = :product"
                    + " AND state_id = :state")
            .bind("product", productId)
            .bind("state", stateId)
            .mapTo(Double.class)
            .one()
        + 1024;
  }

  /**
   * One page of a filtered, sorted listing, of the {@code total} items that match (from {@link
   * #count}). The page's ids are found first over the few joins the filter and order need, and only
   * those rows are then read whole: the child counts and parents are worked out for 50 rows, not
   * for every row the sort has to look at.
   *
   * <p>In the default order (last updated first) there are two ways to find a page, and the count
   * says which is cheaper, so the database is told which to take: when many items match, walk
   * entity's (product, kind, updated_at) index from the newest and stop once the page is full
   * (about {@code (offset + limit) * items / total} rows); when few match, find them all through
   * the filter's own indexes and sort those. Left to itself, the planner cannot know how many rows
   * the walk would need and picks by the indexes alone.
   */
  public List<WorkItem> list(
      Handle h, long productId, SqlFilter filter, long total, int offset, int limit) {
    String join = "entity e JOIN work_item w ON w.id = e.id";
    if (filter.orderBy().equals(SqlFilter.NONE.orderBy())) {
      long wanted = (long) offset + limit;
      boolean walk = total * total > wanted * productSize(h, productId);
      // SQLite keeps the tables of a CROSS JOIN in the order written; PostgreSQL plans it freely.
      join = walk ? "entity e CROSS JOIN work_item w" : "work_item w CROSS JOIN entity e";
    } else if (filter.orderBy().startsWith("w.position")) {
      // In rank order the read walks work_item's (product_id, position) index and stops after the
      // page; with the entity outer, SQLite would sort every item of the product (65 ms instead of
      // 3 ms for the first 2,000 of 100,000).
      join = "work_item w CROSS JOIN entity e";
    }
    Query q =
        h.createQuery(
            "SELECT e.id FROM "
                + join
                + " JOIN workflow_state s ON s.id = w.state_id"
                + " LEFT JOIN app_user o ON o.id = w.owner_id"
                + " WHERE w.id = e.id AND w.product_id = :product AND e.product_id = :product"
                + " AND e.kind = :kind AND e.deleted_at IS NULL"
                + filter.where()
                + " ORDER BY "
                + filter.orderBy()
                + " LIMIT :limit OFFSET :offset");
    q.bind("product", productId).bind("kind", KIND).bind("limit", limit).bind("offset", offset);
    filter.params().forEach(q::bind);
    List<Long> ids = q.mapTo(Long.class).list();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, WorkItem> byId = new java.util.HashMap<>();
    h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> map(rs))
        .forEach(w -> byId.put(w.id(), w));
    List<WorkItem> page = new ArrayList<>(ids.size());
    for (Long id : ids) {
      page.add(byId.get(id));
    }
    return page;
  }

  /**
   * At least as many as the product's work items: its highest item number (numbers are given out
   * one by one to every item of the product), read from the end of an index rather than counted.
   * Overstating the size only makes the walk look dearer than it is.
   */
  private static long productSize(Handle h, long productId) {
    return h.createQuery("SELECT COALESCE(MAX(number), 0) FROM entity WHERE product_id = :product")
        .bind("product", productId)
        .mapTo(Long.class)
        .one();
  }

  /**
   * How many live items match, read from as few rows as the filter allows:
   *
   * <ul>
   *   <li>conditions on the entity alone (title words, keys, dates): the entity's rows of the
   *       product's live work items, without visiting work_item;
   *   <li>no condition on the entity (type, status, estimate, owner, tags, custom fields, or none):
   *       the matching work_item rows, often from an index alone, less the few deleted ones that
   *       match (found through the entity's index of deleted rows);
   *   <li>both: every match joined with its entity row.
   * </ul>
   */
  public long count(Handle h, long productId, SqlFilter filter) {
    String where = filter.where();
    boolean entity = USES_ENTITY.matcher(where).find();
    boolean state = USES_STATE.matcher(where).find();
    boolean owner = USES_OWNER.matcher(where).find();
    boolean item = state || owner || USES_ITEM.matcher(where).find();
    String joins =
        (state ? " JOIN workflow_state s ON s.id = w.state_id" : "")
            + (owner ? " LEFT JOIN app_user o ON o.id = w.owner_id" : "");
    if (entity && !item) {
      return countOf(
          h,
          productId,
          filter,
          "SELECT COUNT(*) FROM entity e WHERE e.product_id = :product AND e.kind = '"
              + KIND
              + "' AND e.deleted_at IS NULL");
    }
    if (entity) {
      return countOf(
          h,
          productId,
          filter,
          "SELECT COUNT(*) FROM entity e JOIN work_item w ON w.id = e.id"
              + joins
              + " WHERE w.product_id = :product AND e.deleted_at IS NULL");
    }
    long matching =
        countOf(
            h,
            productId,
            filter,
            "SELECT COUNT(*) FROM work_item w" + joins + " WHERE w.product_id = :product");
    long deleted =
        countOf(
            h,
            productId,
            filter,
            "SELECT COUNT(*) FROM entity e JOIN work_item w ON w.id = e.id"
                + joins
                + " WHERE e.product_id = :product AND e.kind = '"
                + KIND
                + "' AND e.deleted_at IS NOT NULL");
    return matching - deleted;
  }

  private static long countOf(Handle h, long productId, SqlFilter filter, String sql) {
    Query q = h.createQuery(sql + filter.where());
    q.bind("product", productId);
    filter.params().forEach(q::bind);
    return q.mapTo(Long.class).one();
  }

  private static final java.util.regex.Pattern USES_ENTITY =
      java.util.regex.Pattern.compile("\\be\\.");
  private static final java.util.regex.Pattern USES_STATE =
      java.util.regex.Pattern.compile("\\bs\\.");
  private static final java.util.regex.Pattern USES_OWNER =
      java.util.regex.Pattern.compile("\\bo\\.");
  private static final java.util.regex.Pattern USES_ITEM =
      java.util.regex.Pattern.compile("\\bw\\.");

  /**
   * A WHERE fragment (starting with " AND ", or empty) with its named parameters, and an ORDER BY
   * list, over the aliases e (entity), w (work_item), s (state) and o (owner).
   */
  public record SqlFilter(String where, Map<String, Object> params, String orderBy) {
    public static final SqlFilter NONE =
        new SqlFilter("", Map.of(), "e.updated_at DESC, e.id DESC");
  }
}
