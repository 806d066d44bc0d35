package io.hatrack.discovery.feedback.themes;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for the themes of a product's feedback: the themes, which feedback is in which, the PM's
 * tags, and the stored model that assigns new feedback.
 */
public final class ThemeStore {
  private static final int BATCH = 1000;

  /** A text to group: live, untriaged feedback that is no merged duplicate. */
  public record Doc(long id, String text) {}

  /** A theme row with its live members counted, by sentiment too. */
  public record Row(
      long id,
      long productId,
      String label,
      String name,
      String terms,
      String quotes,
      int position,
      boolean kept,
      String centroid,
      Instant createdAt,
      Instant updatedAt,
      long version,
      long members,
      long positive,
      long neutral,
      long negative) {}

  /** The stored model of a product's themes. */
  public record Model(
      long productId,
      String method,
      long documents,
      String idf,
      double minSimilarity,
      Instant runAt,
      Long runBy,
      long version) {}

  /** A representative quote. */
  public record QuoteRow(long id, String key, String text) {}

  private static final String UNTRIAGED =
      " FROM feedback f JOIN entity e ON e.id = f.id WHERE f.product_id = :product"
          + " AND e.deleted_at IS NULL AND f.duplicate_of IS NULL"
          + " AND f.status IN ('new', 'triaged')";

  private static final String THEME_COLUMNS =
      "t.id, t.product_id, t.label, t.name, t.terms, t.quotes, t.position, t.kept, t.centroid,"
          + " t.created_at, t.updated_at, t.version, COALESCE(m.n, 0) AS members,"
          + " COALESCE(m.pos, 0) AS pos, COALESCE(m.neu, 0) AS neu, COALESCE(m.neg, 0) AS neg";

  private static final String MEMBER_COUNTS =
      " LEFT JOIN (SELECT f.theme_id, COUNT(*) AS n,"
          + " SUM(CASE WHEN f.sentiment >= 0.05 THEN 1 ELSE 0 END) AS pos,"
          + " SUM(CASE WHEN f.sentiment > -0.05 AND f.sentiment < 0.05 THEN 1 ELSE 0 END) AS neu,"
          + " SUM(CASE WHEN f.sentiment <= -0.05 THEN 1 ELSE 0 END) AS neg"
          + " FROM feedback f JOIN entity e ON e.id = f.id"
          + " WHERE f.product_id = :product AND f.theme_id IS NOT NULL AND e.deleted_at IS NULL"
          + " AND f.duplicate_of IS NULL GROUP BY f.theme_id) m ON m.theme_id = t.id";

  // ---- The texts --------------------------------------------------------------------------------

  /** The product's feedback to group, by id. */
  public List<Doc> untriaged(Handle h, long productId) {
    return h.createQuery("SELECT f.id, f.text" + UNTRIAGED + " ORDER BY f.id")
        .bind("product", productId)
        .map((rs, ctx) -> new Doc(rs.getLong("id"), rs.getString("text")))
        .list();
  }

  /** How much feedback there is to group. */
  public long untriagedCount(Handle h, long productId) {
    return h.createQuery("SELECT COUNT(*)" + UNTRIAGED)
        .bind("product", productId)
        .mapTo(Long.class)
        .one();
  }

  /** How much of it is in no theme. */
  public long unthemedCount(Handle h, long productId) {
    return h.createQuery("SELECT COUNT(*)" + UNTRIAGED + " AND f.theme_id IS NULL")
        .bind("product", productId)
        .mapTo(Long.class)
        .one();
  }

  /** The live members of a theme (merged duplicates left out), by id. */
  public List<Doc> members(Handle h, long themeId) {
    return h.createQuery(
            "SELECT f.id, f.text FROM feedback f JOIN entity e ON e.id = f.id"
                + " WHERE f.theme_id = :theme AND e.deleted_at IS NULL AND f.duplicate_of IS NULL"
                + " ORDER BY f.id")
        .bind("theme", themeId)
        .map((rs, ctx) -> new Doc(rs.getLong("id"), rs.getString("text")))
        .list();
  }

  /** The feedback with these ids as quotes, in no particular order. */
  public Map<Long, QuoteRow> quotes(Handle h, List<Long> ids) {
    Map<Long, QuoteRow> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT f.id, e.number, p.item_key AS pkey, f.text FROM feedback f"
                + " JOIN entity e ON e.id = f.id JOIN product p ON p.id = f.product_id"
                + " WHERE f.id IN (<ids>) AND e.deleted_at IS NULL")
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                new QuoteRow(
                    rs.getLong("id"),
                    rs.getString("pkey") + "-" + rs.getLong("number"),
                    rs.getString("text")))
        .forEach(q -> out.put(q.id(), q));
    return out;
  }

  /** The theme of each of these feedback ids (null: none). */
  public void setThemes(Handle h, Map<Long, Long> themeOf) {
    PreparedBatch batch = null;
    int n = 0;
    for (Map.Entry<Long, Long> e : themeOf.entrySet()) {
      if (batch == null) {
        batch = h.prepareBatch("UPDATE feedback SET theme_id = :theme WHERE id = :id");
      }
      batch.bind("theme", e.getValue()).bind("id", e.getKey()).add();
      if (++n % BATCH == 0) {
        batch.execute();
        batch = null;
      }
    }
    if (batch != null) {
      batch.execute();
    }
  }

  /** Moves every member of one theme to another. */
  public void moveMembers(Handle h, long from, long to) {
    h.createUpdate("UPDATE feedback SET theme_id = :to WHERE theme_id = :from")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  /** The theme of one piece of feedback, if any. */
  public Optional<Long> themeOf(Handle h, long feedbackId) {
    return h.createQuery("SELECT theme_id FROM feedback WHERE id = :id")
        .bind("id", feedbackId)
        .map((rs, ctx) -> Rows.longOrNull(rs, "theme_id"))
        .findOne()
        .flatMap(Optional::ofNullable);
  }

  // ---- Themes -----------------------------------------------------------------------------------

  /** The themes of a product in their order. */
  public List<Row> themes(Handle h, long productId) {
    return h.createQuery(
            "SELECT "
                + THEME_COLUMNS
                + " FROM feedback_theme t"
                + MEMBER_COUNTS
                + " WHERE t.product_id = :product ORDER BY t.position, t.id")
        .bind("product", productId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  public Optional<Row> theme(Handle h, long id) {
    Optional<Long> product =
        h.createQuery("SELECT product_id FROM feedback_theme WHERE id = :id")
            .bind("id", id)
            .mapTo(Long.class)
            .findOne();
    if (product.isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery(
            "SELECT "
                + THEME_COLUMNS
                + " FROM feedback_theme t"
                + MEMBER_COUNTS
                + " WHERE t.id = :id")
        .bind("product", product.get())
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public long insert(
      Handle h,
      long productId,
      String label,
      String terms,
      String quotes,
      int position,
      boolean kept,
      String centroid,
      Instant now) {
    return h.createQuery(
            "INSERT INTO feedback_theme (product_id, label, terms, quotes, position, kept, centroid,"
                + " created_at, updated_at) VALUES (:product, :label, :terms, :quotes, :position,"
                + " :kept, :centroid, :now, :now) RETURNING id")
        .bind("product", productId)
        .bind("label", label)
        .bind("terms", terms)
        .bind("quotes", quotes)
        .bind("position", position)
        .bind("kept", kept)
        .bind("centroid", centroid)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** Replaces what the grouping says of a theme; bumps its version. */
  public void describe(
      Handle h,
      long id,
      String label,
      String terms,
      String quotes,
      int position,
      String centroid,
      Instant now) {
    h.createUpdate(
            "UPDATE feedback_theme SET label = :label, terms = :terms, quotes = :quotes, position ="
                + " :position, centroid = :centroid, updated_at = :now, version = version + 1"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("label", label)
        .bind("terms", terms)
        .bind("quotes", quotes)
        .bind("position", position)
        .bind("centroid", centroid)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** Sets the PM's name (null: back to the label) and marks the theme kept. */
  public void rename(Handle h, long id, String name, Instant now) {
    h.createUpdate(
            "UPDATE feedback_theme SET name = :name, kept = TRUE, updated_at = :now,"
                + " version = version + 1 WHERE id = :id")
        .bind("id", id)
        .bind("name", name)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** Marks a theme as shaped by the PM, so that runs keep it. */
  public void keep(Handle h, long id) {
    h.createUpdate("UPDATE feedback_theme SET kept = TRUE WHERE id = :id").bind("id", id).execute();
  }

  /** Deletes a theme, its members first put in no theme. */
  public void delete(Handle h, long id) {
    h.createUpdate("UPDATE feedback SET theme_id = NULL WHERE theme_id = :id")
        .bind("id", id)
        .execute();
    h.createUpdate("DELETE FROM feedback_theme WHERE id = :id").bind("id", id).execute();
  }

  /** Makes room after {@code position}: later themes move one down. */
  public void shiftAfter(Handle h, long productId, int position) {
    h.createUpdate(
            "UPDATE feedback_theme SET position = position + 1"
                + " WHERE product_id = :product AND position > :position")
        .bind("product", productId)
        .bind("position", position)
        .execute();
  }

  // ---- The PM's tags ----------------------------------------------------------------------------

  /** The tags of a product's feedback: feedback id to theme id (null: in no theme). */
  public Map<Long, Long> tags(Handle h, long productId) {
    Map<Long, Long> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT feedback_id, theme_id FROM feedback_theme_tag WHERE product_id = :product"
                + " ORDER BY feedback_id")
        .bind("product", productId)
        .map((rs, ctx) -> new Long[] {rs.getLong("feedback_id"), Rows.longOrNull(rs, "theme_id")})
        .forEach(r -> out.put(r[0], r[1]));
    return out;
  }

  /** The feedback tagged into a theme. */
  public List<Long> taggedInto(Handle h, long themeId) {
    return h.createQuery(
            "SELECT feedback_id FROM feedback_theme_tag WHERE theme_id = :theme"
                + " ORDER BY feedback_id")
        .bind("theme", themeId)
        .mapTo(Long.class)
        .list();
  }

  public void tag(
      Handle h, long feedbackId, long productId, Long themeId, long userId, Instant now) {
    h.createUpdate(
            "INSERT INTO feedback_theme_tag (feedback_id, product_id, theme_id, tagged_by,"
                + " tagged_at) VALUES (:feedback, :product, :theme, :user, :now)"
                + " ON CONFLICT (feedback_id) DO UPDATE SET theme_id = excluded.theme_id,"
                + " tagged_by = excluded.tagged_by, tagged_at = excluded.tagged_at")
        .bind("feedback", feedbackId)
        .bind("product", productId)
        .bind("theme", themeId)
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** Moves the tags of one theme to another. */
  public void moveTags(Handle h, long from, long to) {
    h.createUpdate("UPDATE feedback_theme_tag SET theme_id = :to WHERE theme_id = :from")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  // ---- The model --------------------------------------------------------------------------------

  public Optional<Model> model(Handle h, long productId) {
    return h.createQuery(
            "SELECT product_id, method, documents, idf, min_similarity, run_at, run_by, version"
                + " FROM feedback_theme_model WHERE product_id = :product")
        .bind("product", productId)
        .map(
            (rs, ctx) ->
                new Model(
                    rs.getLong("product_id"),
                    rs.getString("method"),
                    rs.getLong("documents"),
                    rs.getString("idf"),
                    rs.getDouble("min_similarity"),
                    Rows.instant(rs, "run_at"),
                    Rows.longOrNull(rs, "run_by"),
                    rs.getLong("version")))
        .findOne();
  }

  /** The version of a product's model, if it has one (cheap: for caches). */
  public Optional<Long> modelVersion(Handle h, long productId) {
    return h.createQuery("SELECT version FROM feedback_theme_model WHERE product_id = :product")
        .bind("product", productId)
        .mapTo(Long.class)
        .findOne();
  }

  /** Stores the model of a run (a new version). */
  public void saveModel(
      Handle h,
      long productId,
      String method,
      long documents,
      String idf,
      double minSimilarity,
      long userId,
      Instant now) {
    h.createUpdate(
            "INSERT INTO feedback_theme_model (product_id, method, documents, idf, min_similarity,"
                + " run_at, run_by) VALUES (:product, :method, :documents, :idf, :min, :now, :user)"
                + " ON CONFLICT (product_id) DO UPDATE SET method = excluded.method, documents ="
                + " excluded.documents, idf = excluded.idf, min_similarity ="
                + " excluded.min_similarity, run_at = excluded.run_at, run_by = excluded.run_by,"
                + " version = feedback_theme_model.version + 1")
        .bind("product", productId)
        .bind("method", method)
        .bind("documents", documents)
        .bind("idf", idf)
        .bind("min", minSimilarity)
        .bind("now", Rows.millis(now))
        .bind("user", userId)
        .execute();
  }

  /** A new version of the model after a change to the themes (caches reload). */
  public void bumpModel(Handle h, long productId) {
    h.createUpdate(
            "UPDATE feedback_theme_model SET version = version + 1 WHERE product_id = :product")
        .bind("product", productId)
        .execute();
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("label"),
        rs.getString("name"),
        rs.getString("terms"),
        rs.getString("quotes"),
        rs.getInt("position"),
        rs.getBoolean("kept"),
        rs.getString("centroid"),
        Rows.instant(rs, "created_at"),
        Rows.instantOrNull(rs, "updated_at"),
        rs.getLong("version"),
        rs.getLong("members"),
        rs.getLong("pos"),
        rs.getLong("neu"),
        rs.getLong("neg"));
  }

  /** Ids in a comma-separated column. */
  static List<Long> ids(String csv) {
    List<Long> out = new ArrayList<>();
    if (csv != null && !csv.isBlank()) {
      Arrays.stream(csv.split(",")).map(String::strip).map(Long::valueOf).forEach(out::add);
    }
    return out;
  }
}
