package io.hatrack.definition.query;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The custom fields of a product, read from the {@code custom_field} table (options one per line).
 * Until that table exists in a database (its migration comes with the custom fields), every product
 * has no custom fields; the check looks at the schema, not at an error, so that it never spoils the
 * caller's transaction.
 */
public final class FieldCatalogStore implements FieldCatalog {
  private volatile boolean tableSeen;

  @Override
  public List<CustomField> fields(Handle h, long productId) {
    if (!tableExists(h)) {
      return List.of();
    }
    return h.createQuery(
            "SELECT id, field_key, name, type, options FROM custom_field"
                + " WHERE product_id = :product ORDER BY id")
        .bind("product", productId)
        .map(
            (rs, ctx) ->
                new CustomField(
                    rs.getLong("id"),
                    rs.getString("field_key"),
                    rs.getString("name"),
                    Type.parse(rs.getString("type")),
                    options(rs.getString("options"))))
        .list();
  }

  private static List<String> options(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private boolean tableExists(Handle h) {
    if (tableSeen) {
      return true;
    }
    try {
      Connection c = h.getConnection();
      DatabaseMetaData meta = c.getMetaData();
      String schema =
          meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
              ? c.getSchema()
              : null;
      try (ResultSet rs = meta.getTables(null, schema, "custom_field", new String[] {"TABLE"})) {
        tableSeen = rs.next();
      }
      return tableSeen;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database schema", e);
    }
  }
}
