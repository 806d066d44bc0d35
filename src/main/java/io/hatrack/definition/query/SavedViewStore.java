package io.hatrack.definition.query;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for saved views; columns are stored as a comma-separated list of column ids. */
public final class SavedViewStore {
  private static final String COLUMNS =
      "id, product_id, name, layout, query, group_by, columns, created_by, created_at, updated_at,"
          + " version";

  /** The values of a view that people set. */
  public record Row(
      String name, ViewLayout layout, String query, String groupBy, List<String> columns) {}

  private static SavedView map(ResultSet rs) throws SQLException {
    String columns = rs.getString("columns");
    return new SavedView(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("name"),
        ViewLayout.parse("layout", rs.getString("layout")),
        rs.getString("query"),
        rs.getString("group_by"),
        columns.isEmpty() ? List.of() : Arrays.asList(columns.split(",")),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  public long insert(Handle h, long productId, Row row, long actorId, Instant now) {
    return h.createQuery(
            "INSERT INTO saved_view (product_id, name, layout, query, group_by, columns,"
                + " created_by, created_at, updated_at) VALUES (:product, :name, :layout, :query,"
                + " :group, :columns, :actor, :now, :now) RETURNING id")
        .bind("product", productId)
        .bind("name", row.name())
        .bind("layout", row.layout().id())
        .bind("query", row.query())
        .bind("group", row.groupBy())
        .bind("columns", String.join(",", row.columns()))
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  public Optional<SavedView> byId(Handle h, long productId, long id) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM saved_view WHERE id = :id AND product_id = :product")
        .bind("id", id)
        .bind("product", productId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The view of a product with this name, compared case-blind. */
  public Optional<SavedView> byName(Handle h, long productId, String name) {
    return h
        .createQuery("SELECT " + COLUMNS + " FROM saved_view WHERE product_id = :product")
        .bind("product", productId)
        .map((rs, ctx) -> map(rs))
        .stream()
        .filter(v -> v.name().equalsIgnoreCase(name))
        .findFirst();
  }

  /** A product's views by name. */
  public List<SavedView> list(Handle h, long productId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM saved_view WHERE product_id = :product ORDER BY name, id")
        .bind("product", productId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Writes the view if it is still at {@code expectedVersion}; false when it is not. */
  public boolean update(Handle h, long id, long expectedVersion, Row row, Instant now) {
    return h.createUpdate(
                "UPDATE saved_view SET name = :name, layout = :layout, query = :query,"
                    + " group_by = :group, columns = :columns, updated_at = :now,"
                    + " version = version + 1 WHERE id = :id AND version = :expected")
            .bind("name", row.name())
            .bind("layout", row.layout().id())
            .bind("query", row.query())
            .bind("group", row.groupBy())
            .bind("columns", String.join(",", row.columns()))
            .bind("now", Rows.millis(now))
            .bind("id", id)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }

  /** Deletes the view if it is still at {@code expectedVersion}; false when it is not. */
  public boolean delete(Handle h, long id, long expectedVersion) {
    return h.createUpdate("DELETE FROM saved_view WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }
}
