package io.hatrack.kernel.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading the portable column types (epoch-millisecond times, nullable numbers) from a row. */
public final class Rows {
  private Rows() {}

  /** A non-null time column. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  /** A nullable time column. */
  public static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  /** A nullable integer column. */
  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** What a time is stored as. */
  public static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  /** What a nullable time is stored as. */
  public static Long millisOrNull(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
