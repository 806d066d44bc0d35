package io.hatrack.testing;

import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.db.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every Hatrack table of a database, in a form that compares equal across SQLite and
 * PostgreSQL: integers as {@code Long}, booleans as {@code Boolean}, binary data as Base64, text as
 * {@code String}; rows sorted. Written independently of {@code Backups}, so that tests of backups
 * do not check the code with itself.
 */
public final class TableDump {
  private TableDump() {}

  /** Table name to its sorted rows, for every table except Flyway's history. */
  public static Map<String, List<List<Object>>> of(Database db) {
    return db.read(
        h -> {
          try {
            return dump(h.getConnection(), db.dialect());
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Like {@link #of(Database)}, opening the database without migrating it. */
  public static Map<String, List<List<Object>>> of(TestDatabase database) {
    try (Database db = database.openWithoutMigrating()) {
      return of(db);
    }
  }

  /** Table name to its number of rows. */
  public static Map<String, Long> counts(Map<String, List<List<Object>>> dump) {
    Map<String, Long> counts = new TreeMap<>();
    dump.forEach((table, rows) -> counts.put(table, (long) rows.size()));
    return counts;
  }

  private static Map<String, List<List<Object>>> dump(Connection c, Dialect dialect)
      throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = dialect == Dialect.POSTGRESQL ? c.getSchema() : null;
    List<String> tables = new ArrayList<>();
    List<String> fullText = new ArrayList<>();
    if (dialect == Dialect.SQLITE) {
      // The FTS5 index and its shadow tables are derived from search_doc, not data of their own.
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA table_list")) {
        while (rs.next()) {
          if (List.of("virtual", "shadow").contains(rs.getString("type"))) {
            fullText.add(rs.getString("name").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")
            && !name.equals("flyway_schema_history")
            && !fullText.contains(name)) {
          tables.add(name);
        }
      }
    }
    Map<String, List<List<Object>>> dump = new TreeMap<>();
    for (String table : tables) {
      List<String> columns = new ArrayList<>();
      List<String> types = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
        while (rs.next()) {
          if ("YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
            continue; // PostgreSQL's search vector, computed from the other columns
          }
          columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          types.add(rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT));
        }
      }
      List<List<Object>> rows = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            row.add(value(rs, i + 1, types.get(i)));
          }
          rows.add(row);
        }
      }
      rows.sort(Comparator.comparing(Object::toString));
      dump.put(table, rows);
    }
    return dump;
  }

  private static Object value(ResultSet rs, int i, String type) throws SQLException {
    Object value;
    if (type.startsWith("BOOL")) {
      value = rs.getBoolean(i);
    } else if (type.contains("INT")) {
      value = rs.getLong(i);
    } else if (type.startsWith("DOUBLE")
        || type.startsWith("FLOAT")
        || type.equals("REAL")
        || type.equals("FLOAT8")) {
      value = rs.getDouble(i);
    } else if (type.equals("BLOB") || type.equals("BYTEA")) {
      byte[] bytes = rs.getBytes(i);
      value = bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    } else {
      value = rs.getString(i);
    }
    return rs.wasNull() ? null : value;
  }
}
