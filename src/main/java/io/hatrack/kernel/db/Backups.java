package io.hatrack.kernel.db;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;

/**
 * Backups in a portable format: a ZIP with a manifest and one JSON-lines file per table, read in
 * one transaction so that the snapshot is consistent while the server keeps running. Because the
 * format names columns rather than copying database files, a backup of SQLite restores into
 * PostgreSQL and back.
 */
public final class Backups {
  /** Identifies the file format in the manifest. */
  public static final String FORMAT = "hatrack-backup";

  private static final int FORMAT_VERSION = 1;
  private static final int BATCH = 500;

  private final ObjectMapper json = new ObjectMapper();

  /** What a backup holds, per table: the row count. */
  public record Summary(String schemaVersion, Map<String, Long> rows) {
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Writes a consistent snapshot of {@code db} to {@code file} (replaced atomically). */
  public Summary backup(Database db, Path file, String hatrackVersion) {
    Path tmp = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Summary summary;
      try (OutputStream out = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
        summary = db.snapshot(h -> write(h, db, zip, hatrackVersion));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup " + file + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // The partial file is only litter.
      }
    }
  }

  private Summary write(Handle h, Database db, ZipOutputStream zip, String hatrackVersion) {
    try {
      Connection c = h.getConnection();
      String schemaVersion = db.schemaVersion(h);
      Map<String, Long> counts = new LinkedHashMap<>();
      ArrayNode tableList = json.createArrayNode();
      for (String table : Tables.inDependencyOrder(c, db.dialect())) {
        List<Tables.Column> columns = Tables.columns(c, db.dialect(), table);
        zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
        long rows = writeRows(c, table, columns, zip);
        zip.closeEntry();
        counts.put(table, rows);
        ObjectNode t = tableList.addObject();
        t.put("name", table);
        t.put("rows", rows);
        ArrayNode cols = t.putArray("columns");
        columns.forEach(col -> cols.add(col.name()));
      }
      ObjectNode manifest = json.createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("format_version", FORMAT_VERSION);
      manifest.put("hatrack_version", hatrackVersion);
      manifest.put("schema_version", schemaVersion);
      manifest.put("source", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
      manifest.put("created_at", Instant.now().toString());
      manifest.set("tables", tableList);
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      zip.closeEntry();
      return new Summary(schemaVersion, counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
    }
  }

  private long writeRows(Connection c, String table, List<Tables.Column> columns, OutputStream zip)
      throws SQLException, IOException {
    String select =
        "SELECT "
            + String.join(", ", columns.stream().map(Tables.Column::name).toList())
            + " FROM "
            + table
            + (columns.stream().anyMatch(col -> col.name().equals("id")) ? " ORDER BY id" : "");
    long rows = 0;
    try (Statement st = c.createStatement()) {
      st.setFetchSize(1000);
      try (ResultSet rs = st.executeQuery(select)) {
        JsonGenerator out = json.getFactory().createGenerator(new NonClosing(zip));
        while (rs.next()) {
          out.writeStartArray();
          for (int i = 0; i < columns.size(); i++) {
            writeValue(out, rs, i + 1, columns.get(i).type());
          }
          out.writeEndArray();
          out.writeRaw('\n');
          rows++;
        }
        out.flush();
      }
    }
    return rows;
  }

  private static void writeValue(JsonGenerator out, ResultSet rs, int i, int type)
      throws SQLException, IOException {
    switch (type) {
      case Types.BIGINT -> {
        long v = rs.getLong(i);
        if (rs.wasNull()) {
          out.writeNull();
        } else {
          out.writeNumber(v);
        }
      }
      case Types.BOOLEAN -> {
        boolean v = rs.getBoolean(i);
        if (rs.wasNull()) {
          out.writeNull();
        } else {
          out.writeBoolean(v);
        }
      }
      case Types.DOUBLE -> {
        double v = rs.getDouble(i);
        if (rs.wasNull()) {
          out.writeNull();
        } else {
          out.writeNumber(v);
        }
      }
      case Types.NUMERIC -> {
        BigDecimal v = rs.getBigDecimal(i);
        if (v == null) {
          out.writeNull();
        } else {
          out.writeString(v.toPlainString());
        }
      }
      case Types.BLOB -> {
        byte[] v = rs.getBytes(i);
        if (v == null) {
          out.writeNull();
        } else {
          out.writeString(Base64.getEncoder().encodeToString(v));
        }
      }
      default -> {
        String v = rs.getString(i);
        if (v == null) {
          out.writeNull();
        } else {
          out.writeString(v);
        }
      }
    }
  }

  /** Reads the manifest of a backup file, checking that it is one. */
  public JsonNode manifest(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      return manifest(zip);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not a Hatrack backup: " + e.getMessage(), e);
    }
  }

  private JsonNode manifest(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry("manifest.json");
    if (entry == null) {
      throw new IllegalArgumentException("not a Hatrack backup: it has no manifest.json");
    }
    JsonNode manifest = json.readTree(zip.getInputStream(entry));
    if (!FORMAT.equals(manifest.path("format").asText())) {
      throw new IllegalArgumentException("not a Hatrack backup: unknown format");
    }
    if (manifest.path("format_version").asInt() > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "this backup was made by a newer Hatrack (format "
              + manifest.path("format_version").asInt()
              + "); upgrade Hatrack to restore it");
    }
    return manifest;
  }

  /**
   * Restores {@code file} into the database at {@code jdbcUrl}, which must hold no Hatrack data:
   * its schema is brought to the backup's version, every row is inserted in one transaction, and
   * then the schema is migrated to the newest version. Nothing is written if anything fails.
   */
  public Summary restore(Path file, String jdbcUrl) {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      JsonNode manifest = manifest(zip);
      String schemaVersion = manifest.path("schema_version").asText();
      Map<String, Long> counts = new LinkedHashMap<>();
      try (Database db = Database.openWithoutMigrating(jdbcUrl, 2)) {
        db.migrateTo(schemaVersion);
        db.txVoid(
            h -> {
              try {
                Connection c = h.getConnection();
                List<String> order = Tables.inDependencyOrder(c, db.dialect());
                requireEmpty(c, order);
                for (JsonNode t : manifest.path("tables")) {
                  if (!order.contains(t.path("name").asText())) {
                    throw new IllegalArgumentException(
                        "the backup has a table this Hatrack does not know: "
                            + t.path("name").asText());
                  }
                }
                for (String table : order) {
                  ZipEntry entry = zip.getEntry("tables/" + table + ".jsonl");
                  JsonNode meta = tableMeta(manifest, table);
                  if (entry == null || meta == null) {
                    counts.put(table, 0L);
                    continue;
                  }
                  List<String> names = new ArrayList<>();
                  meta.path("columns").forEach(n -> names.add(n.asText()));
                  counts.put(table, insertRows(c, db.dialect(), table, names, zip, entry));
                }
                if (db.dialect() == Dialect.POSTGRESQL) {
                  resetSequences(c, order);
                }
              } catch (SQLException e) {
                throw new IllegalStateException("cannot restore: " + e.getMessage(), e);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
        db.migrate();
      }
      return new Summary(schemaVersion, counts);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not a readable backup: " + e.getMessage(), e);
    }
  }

  private static JsonNode tableMeta(JsonNode manifest, String table) {
    for (JsonNode t : manifest.path("tables")) {
      if (t.path("name").asText().equals(table)) {
        return t;
      }
    }
    return null;
  }

  private static void requireEmpty(Connection c, List<String> tables) throws SQLException {
    for (String table : tables) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException(
              "the target database already holds data (table "
                  + table
                  + "); restore needs an empty data directory or database");
        }
      }
    }
  }

  private long insertRows(
      Connection c, Dialect dialect, String table, List<String> names, ZipFile zip, ZipEntry entry)
      throws SQLException, IOException {
    Map<String, Integer> types = new LinkedHashMap<>();
    for (Tables.Column col : Tables.columns(c, dialect, table)) {
      types.put(col.name(), col.type());
    }
    for (String name : names) {
      if (!types.containsKey(name)) {
        throw new IllegalArgumentException(
            "the backup's table " + table + " has an unknown column " + name);
      }
    }
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", names.stream().map(n -> "?").toList())
            + ")";
    long rows = 0;
    try (PreparedStatement ps = c.prepareStatement(sql);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
      String line;
      int pending = 0;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        if (!row.isArray() || row.size() != names.size()) {
          throw new IllegalArgumentException(
              "the backup's table " + table + " has a malformed row " + (rows + 1));
        }
        for (int i = 0; i < names.size(); i++) {
          bind(ps, i + 1, row.get(i), types.get(names.get(i)));
        }
        ps.addBatch();
        rows++;
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return rows;
  }

  private static void bind(PreparedStatement ps, int i, JsonNode value, int type)
      throws SQLException {
    if (value == null || value.isNull()) {
      ps.setNull(i, type == Types.BLOB ? Types.BINARY : type);
      return;
    }
    switch (type) {
      case Types.BIGINT -> ps.setLong(i, value.asLong());
      case Types.BOOLEAN ->
          ps.setBoolean(i, value.isBoolean() ? value.booleanValue() : value.asLong() != 0);
      case Types.DOUBLE -> ps.setDouble(i, value.asDouble());
      case Types.NUMERIC -> ps.setBigDecimal(i, new BigDecimal(value.asText()));
      case Types.BLOB -> ps.setBytes(i, Base64.getDecoder().decode(value.asText()));
      default -> ps.setString(i, value.asText());
    }
  }

  private static void resetSequences(Connection c, List<String> tables) throws SQLException {
    for (String table : tables) {
      boolean hasId =
          Tables.columns(c, Dialect.POSTGRESQL, table).stream()
              .anyMatch(col -> col.name().equals("id"));
      if (!hasId) {
        continue;
      }
      String sequence;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_get_serial_sequence('" + table + "', 'id')")) {
        sequence = rs.next() ? rs.getString(1) : null;
      }
      if (sequence != null) {
        try (Statement set = c.createStatement()) {
          set.execute(
              "SELECT setval('"
                  + sequence
                  + "', COALESCE((SELECT MAX(id) FROM "
                  + table
                  + "), 0) + 1, false)");
        }
      }
    }
  }

  /** Keeps the JSON generator from closing the ZIP stream under it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
