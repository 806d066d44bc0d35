package io.hatrack.discovery.feedback.duplicates;

import io.hatrack.discovery.text.MinHash;
import io.hatrack.kernel.db.Rows;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The SQL of the duplicate check (V19): each live piece of feedback's MinHash signature and LSH
 * band keys, and the suggested or dismissed pairs.
 */
public final class DuplicateStore {

  /** A piece of feedback's signature (64 minima; empty when its text has no terms). */
  public record Signature(long id, int[] minima) {}

  /** A pair found by a check, before it is saved: the lower id first. */
  public record Found(long lowId, long highId, double similarity) {}

  private static final String SIDE_COLUMNS =
      "%1$s.id AS %1$s_id, p.item_key AS %1$s_pkey, %1$s.number AS %1$s_number,"
          + " %1$s.title AS %1$s_title, f%1$s.text AS %1$s_text, f%1$s.source AS %1$s_source,"
          + " c%1$s.title AS %1$s_customer, i%1$s.votes AS %1$s_votes,"
          + " f%1$s.happened_at AS %1$s_happened";

  private static final String SIDE_JOINS =
      " JOIN entity %1$s ON %1$s.id = d.%1$s_id AND %1$s.deleted_at IS NULL"
          + " JOIN feedback f%1$s ON f%1$s.id = %1$s.id AND f%1$s.duplicate_of IS NULL"
          + " LEFT JOIN entity c%1$s ON c%1$s.id = f%1$s.customer_id"
          + " LEFT JOIN portal_idea i%1$s ON i%1$s.id = %1$s.id";

  /** Joins that keep suggested pairs of live feedback (neither deleted nor merged) only. */
  private static final String LIVE =
      " JOIN entity el ON el.id = d.low_id AND el.deleted_at IS NULL"
          + " JOIN feedback fl ON fl.id = d.low_id AND fl.duplicate_of IS NULL"
          + " JOIN entity eh ON eh.id = d.high_id AND eh.deleted_at IS NULL"
          + " JOIN feedback fh ON fh.id = d.high_id AND fh.duplicate_of IS NULL"
          + " AND d.state = 'suggested'";

  private static final String PAIRS =
      "SELECT d.similarity, d.state, d.found_at, "
          + String.format(SIDE_COLUMNS, "low")
          + ", "
          + String.format(SIDE_COLUMNS, "high")
          + " FROM feedback_duplicate_pair d JOIN product p ON p.id = d.product_id"
          + String.format(SIDE_JOINS, "low")
          + String.format(SIDE_JOINS, "high");

  /** Rows per JDBC batch. */
  private static final int BATCH = 1_000;

  // ---- Signatures and bands ---------------------------------------------------------------------

  /**
   * Saves signatures of feedback of one product with their band keys (none for an empty one). Plain
   * JDBC batches: an import saves a signature and 16 band rows for each of up to 100,000 pieces.
   */
  public void index(Handle h, long productId, List<Signature> signatures) {
    if (signatures.isEmpty()) {
      return;
    }
    Connection c = h.getConnection();
    try (PreparedStatement sig =
            c.prepareStatement(
                "INSERT INTO feedback_minhash (feedback_id, product_id, signature) VALUES (?, ?, ?)");
        PreparedStatement bands =
            c.prepareStatement(
                "INSERT INTO feedback_band (product_id, band_key, feedback_id) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
      long[] keys = new long[MinHash.BANDS];
      int pending = 0;
      for (Signature s : signatures) {
        sig.setLong(1, s.id());
        sig.setLong(2, productId);
        sig.setBytes(3, bytes(s.minima()));
        sig.addBatch();
        if (bandKeys(s.minima(), keys)) {
          for (long key : keys) {
            bands.setLong(1, productId);
            bands.setLong(2, key);
            bands.setLong(3, s.id());
            bands.addBatch();
          }
        }
        if (++pending == BATCH) {
          sig.executeBatch();
          bands.executeBatch();
          pending = 0;
        }
      }
      sig.executeBatch();
      bands.executeBatch();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /** Forgets a piece of feedback's signature and bands (deleted, merged, or its text changed). */
  public void unindex(Handle h, long id) {
    Optional<Signature> old =
        h.createQuery("SELECT product_id, signature FROM feedback_minhash WHERE feedback_id = :id")
            .bind("id", id)
            .map((rs, ctx) -> new Signature(rs.getLong(1), minima(rs.getBytes(2))))
            .findOne();
    if (old.isEmpty()) {
      return;
    }
    long[] keys = new long[MinHash.BANDS];
    if (bandKeys(old.get().minima(), keys)) {
      PreparedBatch batch =
          h.prepareBatch(
              "DELETE FROM feedback_band WHERE product_id = :product AND band_key = :key"
                  + " AND feedback_id = :id");
      for (long key : keys) {
        batch.bind("product", old.get().id()).bind("key", key).bind("id", id).add();
      }
      batch.execute();
    }
    h.createUpdate("DELETE FROM feedback_minhash WHERE feedback_id = :id").bind("id", id).execute();
  }

  /**
   * The signatures of the live feedback of the product that shares a band with {@code minima}: per
   * band the {@code perBand} newest below {@code below}, never {@code self}.
   */
  public List<Signature> candidates(
      Handle h, long productId, int[] minima, long self, long below, int perBand) {
    long[] keys = new long[MinHash.BANDS];
    if (!bandKeys(minima, keys)) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT m.feedback_id, m.signature FROM feedback_minhash m WHERE m.feedback_id IN (");
    for (int b = 0; b < MinHash.BANDS; b++) {
      if (b > 0) {
        sql.append(" UNION ");
      }
      sql.append("SELECT feedback_id FROM (SELECT feedback_id FROM feedback_band")
          .append(" WHERE product_id = :product AND band_key = :k")
          .append(b)
          .append(" AND feedback_id < :below AND feedback_id <> :self")
          .append(" ORDER BY feedback_id DESC LIMIT :per) b")
          .append(b);
    }
    sql.append(")");
    Query q =
        h.createQuery(sql.toString())
            .bind("product", productId)
            .bind("below", below)
            .bind("self", self)
            .bind("per", perBand);
    for (int b = 0; b < MinHash.BANDS; b++) {
      q.bind("k" + b, keys[b]);
    }
    return q.map((rs, ctx) -> new Signature(rs.getLong(1), minima(rs.getBytes(2)))).list();
  }

  /** The live feedback of a product without a signature, by id ascending, after {@code after}. */
  public List<Long> unindexed(Handle h, long productId, long after, int limit) {
    return h.createQuery(
            "SELECT f.id FROM feedback f JOIN entity e ON e.id = f.id"
                + " LEFT JOIN feedback_minhash m ON m.feedback_id = f.id"
                + " WHERE f.product_id = :product AND f.id > :after AND e.deleted_at IS NULL"
                + " AND f.duplicate_of IS NULL AND m.feedback_id IS NULL ORDER BY f.id LIMIT :limit")
        .bind("product", productId)
        .bind("after", after)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /** The texts of feedback by id. */
  public Map<Long, String> texts(Handle h, Collection<Long> ids) {
    Map<Long, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery("SELECT id, text FROM feedback WHERE id IN (<ids>) ORDER BY id")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> out.put(rs.getLong(1), rs.getString(2)))
        .list();
    return out;
  }

  /** The signatures of a product's indexed feedback, by id ascending, after {@code after}. */
  public List<Signature> signatures(Handle h, long productId, long after, int limit) {
    return h.createQuery(
            "SELECT feedback_id, signature FROM feedback_minhash WHERE product_id = :product"
                + " AND feedback_id > :after ORDER BY feedback_id LIMIT :limit")
        .bind("product", productId)
        .bind("after", after)
        .bind("limit", limit)
        .map((rs, ctx) -> new Signature(rs.getLong(1), minima(rs.getBytes(2))))
        .list();
  }

  /** How many pieces of a product's feedback are indexed, counting up to {@code cap}. */
  public long indexedCount(Handle h, long productId, long cap) {
    return h.createQuery(
            "SELECT COUNT(*) FROM (SELECT 1 FROM feedback_minhash WHERE product_id = :product"
                + " LIMIT :cap) c")
        .bind("product", productId)
        .bind("cap", cap)
        .mapTo(Long.class)
        .one();
  }

  // ---- Pairs ------------------------------------------------------------------------------------

  /** Saves pairs as suggested; a pair known already keeps its state (a dismissal stays). */
  public void suggest(Handle h, long productId, List<Found> pairs, Instant now) {
    if (pairs.isEmpty()) {
      return;
    }
    try (PreparedStatement batch =
        h.getConnection()
            .prepareStatement(
                "INSERT INTO feedback_duplicate_pair (low_id, high_id, product_id, similarity,"
                    + " state, found_at) VALUES (?, ?, ?, ?, 'suggested', ?)"
                    + " ON CONFLICT (low_id, high_id) DO UPDATE SET similarity ="
                    + " excluded.similarity WHERE feedback_duplicate_pair.state = 'suggested'")) {
      int pending = 0;
      for (Found f : pairs) {
        batch.setLong(1, f.lowId());
        batch.setLong(2, f.highId());
        batch.setLong(3, productId);
        batch.setDouble(4, f.similarity());
        batch.setLong(5, Rows.millis(now));
        batch.addBatch();
        if (++pending == BATCH) {
          batch.executeBatch();
          pending = 0;
        }
      }
      batch.executeBatch();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /** Removes the suggestions (not the dismissals) of a piece of feedback. */
  public void forgetSuggestions(Handle h, long id) {
    h.createUpdate(
            "DELETE FROM feedback_duplicate_pair WHERE (low_id = :id OR high_id = :id)"
                + " AND state = 'suggested'")
        .bind("id", id)
        .execute();
  }

  /** Removes every pair of a piece of feedback (it was merged into another). */
  public void forgetPairs(Handle h, long id) {
    h.createUpdate("DELETE FROM feedback_duplicate_pair WHERE low_id = :id OR high_id = :id")
        .bind("id", id)
        .execute();
  }

  /** Marks a pair dismissed (inserting it when it was never suggested); false if unchanged. */
  public boolean dismiss(Handle h, long productId, long low, long high, long userId, Instant now) {
    return h.createUpdate(
                "INSERT INTO feedback_duplicate_pair (low_id, high_id, product_id, similarity, state,"
                    + " found_at, decided_by, decided_at) VALUES (:low, :high, :product, 0,"
                    + " 'dismissed', :now, :user, :now) ON CONFLICT (low_id, high_id) DO UPDATE"
                    + " SET state = 'dismissed', decided_by = :user, decided_at = :now"
                    + " WHERE feedback_duplicate_pair.state = 'suggested'")
            .bind("low", low)
            .bind("high", high)
            .bind("product", productId)
            .bind("user", userId)
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  /**
   * A page of a product's suggested pairs of live feedback, most similar first (the newest pair
   * first among equals), after the pair {@code after} (similarity bits, low id, high id) when
   * given.
   */
  public List<PossibleDuplicate> suggested(Handle h, long productId, long[] after, int limit) {
    String seek =
        after == null
            ? ""
            : " AND (d.similarity < :s OR (d.similarity = :s AND (d.low_id < :l"
                + " OR (d.low_id = :l AND d.high_id < :hi))))";
    Query q =
        h.createQuery(
                PAIRS
                    + " WHERE d.product_id = :product AND d.state = 'suggested'"
                    + seek
                    + " ORDER BY d.similarity DESC, d.low_id DESC, d.high_id DESC LIMIT :limit")
            .bind("product", productId)
            .bind("limit", limit);
    if (after != null) {
      q.bind("s", Double.longBitsToDouble(after[0])).bind("l", after[1]).bind("hi", after[2]);
    }
    return q.map((rs, ctx) -> pair(rs)).list();
  }

  /**
   * How many suggested pairs a product has, counting up to {@code cap}. The pairs of feedback that
   * is deleted or merged are removed in the same transaction, so the count needs no join.
   */
  public long suggestedCount(Handle h, long productId, long cap) {
    return h.createQuery(
            "SELECT COUNT(*) FROM (SELECT 1 FROM feedback_duplicate_pair WHERE product_id ="
                + " :product AND state = 'suggested' LIMIT :cap) c")
        .bind("product", productId)
        .bind("cap", cap)
        .mapTo(Long.class)
        .one();
  }

  /** The ids (lower first) of every suggested pair of live feedback of a product. */
  public List<long[]> suggestedPairs(Handle h, long productId) {
    return h.createQuery(
            "SELECT d.low_id, d.high_id FROM feedback_duplicate_pair d"
                + LIVE
                + " WHERE d.product_id = :product")
        .bind("product", productId)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .list();
  }

  /** The suggested pairs of one piece of live feedback, most similar first. */
  public List<PossibleDuplicate> of(Handle h, long id, int limit) {
    return h.createQuery(
            PAIRS
                + " WHERE (d.low_id = :id OR d.high_id = :id) AND d.state = 'suggested'"
                + " ORDER BY d.similarity DESC, d.low_id, d.high_id LIMIT :limit")
        .bind("id", id)
        .bind("limit", limit)
        .map((rs, ctx) -> pair(rs))
        .list();
  }

  private static PossibleDuplicate pair(ResultSet rs) throws SQLException {
    return new PossibleDuplicate(
        side(rs, "low"),
        side(rs, "high"),
        rs.getDouble("similarity"),
        rs.getString("state"),
        Rows.instant(rs, "found_at"));
  }

  private static DuplicateSide side(ResultSet rs, String p) throws SQLException {
    int votes = rs.getInt(p + "_votes");
    boolean idea = !rs.wasNull();
    return new DuplicateSide(
        rs.getLong(p + "_id"),
        rs.getString(p + "_pkey") + "-" + rs.getLong(p + "_number"),
        rs.getString(p + "_title"),
        rs.getString(p + "_text"),
        rs.getString(p + "_source"),
        rs.getString(p + "_customer"),
        idea ? votes : null,
        Rows.instant(rs, p + "_happened"));
  }

  // ---- Encoding ---------------------------------------------------------------------------------

  /** The band keys of a signature (band number in the high 32 bits); false when it is empty. */
  static boolean bandKeys(int[] minima, long[] out) {
    if (minima.length == 0) {
      return false;
    }
    int[] keys = new int[MinHash.BANDS];
    MinHash.bandKeys(minima, keys, 0);
    for (int b = 0; b < MinHash.BANDS; b++) {
      out[b] = ((long) b << 32) | (keys[b] & 0xFFFFFFFFL);
    }
    return true;
  }

  static byte[] bytes(int[] minima) {
    ByteBuffer buffer = ByteBuffer.allocate(minima.length * 4);
    buffer.asIntBuffer().put(minima);
    return buffer.array();
  }

  static int[] minima(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(out);
    return out;
  }
}
