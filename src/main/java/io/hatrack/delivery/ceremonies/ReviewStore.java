package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for sprint reviews, their demoed items, stakeholders and the feedback given at them. */
final class ReviewStore {
  private static final String REVIEW =
      "SELECT id, team_id, day, title, sprint, notes, created_by, created_at, updated_at, version"
          + " FROM sprint_review";

  long insert(Handle h, long teamId, LocalDate day, ReviewDraft d, long userId, Instant now) {
    return h.createQuery(
            "INSERT INTO sprint_review (team_id, day, title, sprint, notes, created_by,"
                + " created_at, updated_at) VALUES (:team, :day, :title, :sprint, :notes, :user,"
                + " :now, :now) RETURNING id")
        .bind("team", teamId)
        .bind("day", day.toString())
        .bind("title", d.title())
        .bind("sprint", d.sprint())
        .bind("notes", d.notes())
        .bind("user", userId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  boolean update(Handle h, long id, long expected, LocalDate day, ReviewDraft d, Instant now) {
    return h.createUpdate(
                "UPDATE sprint_review SET day = :day, title = :title, sprint = :sprint,"
                    + " notes = :notes, updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("day", day.toString())
            .bind("title", d.title())
            .bind("sprint", d.sprint())
            .bind("notes", d.notes())
            .bind("now", Rows.millis(now))
            .execute()
        > 0;
  }

  /** Marks the review changed (feedback added) so that a stale copy cannot overwrite it. */
  void bump(Handle h, long id, Instant now) {
    h.createUpdate(
            "UPDATE sprint_review SET updated_at = :now, version = version + 1 WHERE id = :id")
        .bind("id", id)
        .bind("now", Rows.millis(now))
        .execute();
  }

  boolean delete(Handle h, long id, long expected) {
    return h.createUpdate("DELETE FROM sprint_review WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .execute()
        > 0;
  }

  Optional<Review> byId(Handle h, long teamId, long id) {
    return h.createQuery(REVIEW + " WHERE team_id = :team AND id = :id")
        .bind("team", teamId)
        .bind("id", id)
        .map((rs, ctx) -> review(rs))
        .findOne();
  }

  /** A team's reviews, latest first. */
  List<Review> list(Handle h, long teamId) {
    return h.createQuery(REVIEW + " WHERE team_id = :team ORDER BY day DESC, id DESC")
        .bind("team", teamId)
        .map((rs, ctx) -> review(rs))
        .list();
  }

  /** How many items, stakeholders and pieces of feedback each review of a team has. */
  Map<Long, int[]> counts(Handle h, long teamId) {
    Map<Long, int[]> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT r.id,"
                + " (SELECT COUNT(*) FROM sprint_review_item i WHERE i.review_id = r.id) AS items,"
                + " (SELECT COUNT(*) FROM sprint_review_stakeholder s WHERE s.review_id = r.id)"
                + " AS people,"
                + " (SELECT COUNT(*) FROM sprint_review_feedback f WHERE f.review_id = r.id)"
                + " AS feedback FROM sprint_review r WHERE r.team_id = :team")
        .bind("team", teamId)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong("id"),
                    new int[] {rs.getInt("items"), rs.getInt("people"), rs.getInt("feedback")}))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  void replaceItems(Handle h, long reviewId, List<Long> itemIds) {
    h.createUpdate("DELETE FROM sprint_review_item WHERE review_id = :r")
        .bind("r", reviewId)
        .execute();
    for (int i = 0; i < itemIds.size(); i++) {
      h.createUpdate(
              "INSERT INTO sprint_review_item (review_id, item_id, position)"
                  + " VALUES (:r, :item, :pos)")
          .bind("r", reviewId)
          .bind("item", itemIds.get(i))
          .bind("pos", i)
          .execute();
    }
  }

  /** The live items demoed, in order. */
  List<Item> items(Handle h, long reviewId) {
    return h.createQuery(
            "SELECT "
                + EntityStore.ITEM_COLUMNS
                + " FROM "
                + EntityStore.ITEM_FROM
                + " JOIN sprint_review_item ri ON ri.item_id = e.id"
                + " WHERE ri.review_id = :r AND e.deleted_at IS NULL ORDER BY ri.position")
        .bind("r", reviewId)
        .map((rs, ctx) -> EntityStore.map(rs))
        .list();
  }

  List<Stakeholder> stakeholders(Handle h, long reviewId) {
    return h.createQuery(
            "SELECT id, user_id, name FROM sprint_review_stakeholder WHERE review_id = :r"
                + " ORDER BY position, id")
        .bind("r", reviewId)
        .map(
            (rs, ctx) ->
                new Stakeholder(
                    rs.getLong("id"), Rows.longOrNull(rs, "user_id"), rs.getString("name")))
        .list();
  }

  long insertStakeholder(Handle h, long reviewId, Long userId, String name, int position) {
    return h.createQuery(
            "INSERT INTO sprint_review_stakeholder (review_id, user_id, name, position)"
                + " VALUES (:r, :user, :name, :pos) RETURNING id")
        .bind("r", reviewId)
        .bind("user", userId)
        .bind("name", name)
        .bind("pos", position)
        .mapTo(Long.class)
        .one();
  }

  void moveStakeholder(Handle h, long id, int position) {
    h.createUpdate("UPDATE sprint_review_stakeholder SET position = :pos WHERE id = :id")
        .bind("id", id)
        .bind("pos", position)
        .execute();
  }

  void deleteStakeholder(Handle h, long id) {
    h.createUpdate("DELETE FROM sprint_review_stakeholder WHERE id = :id").bind("id", id).execute();
  }

  void insertFeedback(Handle h, long reviewId, long feedbackId, Long stakeholderId) {
    h.createUpdate(
            "INSERT INTO sprint_review_feedback (review_id, feedback_id, stakeholder_id)"
                + " VALUES (:r, :f, :s)")
        .bind("r", reviewId)
        .bind("f", feedbackId)
        .bind("s", stakeholderId)
        .execute();
  }

  /**
   * The live feedback given at a review, oldest first, with who gave it and the keys of the items
   * it supports among those demoed.
   */
  List<ReviewFeedback> feedback(Handle h, long reviewId, String supportsType) {
    List<ReviewFeedback> rows = new ArrayList<>();
    h.createQuery(
            "SELECT "
                + EntityStore.ITEM_COLUMNS
                + ", s.name AS stakeholder FROM "
                + EntityStore.ITEM_FROM
                + " JOIN sprint_review_feedback rf ON rf.feedback_id = e.id"
                + " LEFT JOIN sprint_review_stakeholder s ON s.id = rf.stakeholder_id"
                + " WHERE rf.review_id = :r AND e.deleted_at IS NULL ORDER BY e.id")
        .bind("r", reviewId)
        .map((rs, ctx) -> Map.entry(EntityStore.map(rs), nullToEmpty(rs)))
        .forEach(
            e -> {
              Item f = e.getKey();
              List<String> keys =
                  h.createQuery(
                          "SELECT p.item_key, t.number FROM link l"
                              + " JOIN entity t ON t.id = l.target_id"
                              + " JOIN product p ON p.id = t.product_id"
                              + " JOIN sprint_review_item ri ON ri.item_id = t.id"
                              + " AND ri.review_id = :r"
                              + " WHERE l.source_id = :f AND l.type = :type ORDER BY ri.position")
                      .bind("r", reviewId)
                      .bind("f", f.id())
                      .bind("type", supportsType)
                      .map((rs, ctx) -> rs.getString("item_key") + "-" + rs.getLong("number"))
                      .list();
              rows.add(
                  new ReviewFeedback(
                      f.id(),
                      f.key(),
                      f.title(),
                      e.getValue().isEmpty() ? null : e.getValue(),
                      keys));
            });
    return rows;
  }

  private static String nullToEmpty(ResultSet rs) throws SQLException {
    String s = rs.getString("stakeholder");
    return s == null ? "" : s;
  }

  private static Review review(ResultSet rs) throws SQLException {
    return new Review(
        rs.getLong("id"),
        rs.getLong("team_id"),
        LocalDate.parse(rs.getString("day")),
        rs.getString("title"),
        rs.getString("sprint"),
        rs.getString("notes"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }
}
