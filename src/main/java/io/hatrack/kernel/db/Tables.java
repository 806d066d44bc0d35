package io.hatrack.kernel.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The application tables of a database, read from its metadata, in an order where every table comes
 * after the tables it references: the order to restore them in.
 */
final class Tables {
  private Tables() {}

  /** A column and its JDBC type. */
  record Column(String name, int type) {}

  static List<String> inDependencyOrder(Connection c, Dialect dialect) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = dialect == Dialect.POSTGRESQL ? c.getSchema() : null;
    Set<String> derived = derived(c, dialect);
    Set<String> tables = new LinkedHashSet<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")
            && !name.equals("flyway_schema_history")
            && !derived.contains(name)) {
          tables.add(name);
        }
      }
    }
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    for (String table : tables) {
      Set<String> parents = new LinkedHashSet<>();
      try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(table) && tables.contains(parent)) {
            parents.add(parent);
          }
        }
      }
      dependsOn.put(table, parents);
    }
    List<String> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (String table : tables) {
      visit(table, dependsOn, done, new ArrayDeque<>(), ordered);
    }
    return ordered;
  }

  /**
   * SQLite's virtual tables (the full-text index) and the shadow tables that store them: derived
   * from ordinary tables, which rebuild them when restored, and so not part of a backup.
   */
  private static Set<String> derived(Connection c, Dialect dialect) throws SQLException {
    Set<String> derived = new LinkedHashSet<>();
    if (dialect != Dialect.SQLITE) {
      return derived;
    }
    try (java.sql.Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA table_list")) {
      while (rs.next()) {
        String type = rs.getString("type");
        if ("virtual".equals(type) || "shadow".equals(type)) {
          derived.add(rs.getString("name").toLowerCase(Locale.ROOT));
        }
      }
    }
    return derived;
  }

  private static void visit(
      String table,
      Map<String, Set<String>> dependsOn,
      Set<String> done,
      Deque<String> path,
      List<String> ordered) {
    if (done.contains(table)) {
      return;
    }
    if (path.contains(table)) {
      throw new IllegalStateException("circular foreign keys through " + table);
    }
    path.push(table);
    for (String parent : dependsOn.getOrDefault(table, Set.of())) {
      visit(parent, dependsOn, done, path, ordered);
    }
    path.pop();
    done.add(table);
    ordered.add(table);
  }

  static List<Column> columns(Connection c, Dialect dialect, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    String schema = dialect == Dialect.POSTGRESQL ? c.getSchema() : null;
    try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        // A generated column (PostgreSQL's search vector) is computed from the others.
        if ("YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
          continue;
        }
        columns.add(
            new Column(
                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                normalize(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))));
      }
    }
    return columns;
  }

  /** Folds the many JDBC types into the few the backup format distinguishes. */
  private static int normalize(int type, String typeName) {
    String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    if (type == java.sql.Types.BOOLEAN
        || type == java.sql.Types.BIT
        || name.equals("BOOLEAN")
        || name.equals("BOOL")) {
      return java.sql.Types.BOOLEAN;
    }
    if (name.contains("INT")
        || type == java.sql.Types.BIGINT
        || type == java.sql.Types.INTEGER
        || type == java.sql.Types.SMALLINT) {
      return java.sql.Types.BIGINT;
    }
    if (name.equals("BLOB")
        || name.equals("BYTEA")
        || type == java.sql.Types.BLOB
        || type == java.sql.Types.BINARY
        || type == java.sql.Types.VARBINARY
        || type == java.sql.Types.LONGVARBINARY) {
      return java.sql.Types.BLOB;
    }
    if (type == java.sql.Types.DOUBLE
        || type == java.sql.Types.FLOAT
        || type == java.sql.Types.REAL
        || name.equals("REAL")
        || name.startsWith("DOUBLE")
        || name.startsWith("FLOAT")) {
      return java.sql.Types.DOUBLE;
    }
    if (type == java.sql.Types.NUMERIC
        || type == java.sql.Types.DECIMAL
        || name.startsWith("NUMERIC")
        || name.startsWith("DECIMAL")) {
      return java.sql.Types.NUMERIC;
    }
    return java.sql.Types.VARCHAR;
  }
}
