package io.hatrack.kernel.work;

import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for comments. */
public final class CommentStore {
  private static final String SELECT =
      "SELECT c.id, c.entity_id, c.author_id, u.name AS author_name, u.handle AS author_handle,"
          + " c.body, c.created_at, c.updated_at, c.version"
          + " FROM comment c JOIN app_user u ON u.id = c.author_id";

  private static Comment map(ResultSet rs) throws SQLException {
    return new Comment(
        rs.getLong("id"),
        rs.getLong("entity_id"),
        rs.getLong("author_id"),
        rs.getString("author_name"),
        rs.getString("author_handle"),
        rs.getString("body"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  public long insert(Handle h, long itemId, long authorId, String body, Instant now) {
    return h.createQuery(
            "INSERT INTO comment (entity_id, author_id, body, created_at, updated_at)"
                + " VALUES (:item, :author, :body, :now, :now) RETURNING id")
        .bind("item", itemId)
        .bind("author", authorId)
        .bind("body", body)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** A comment to insert in a batch: on which item, by whom, when. */
  public record NewComment(long itemId, long authorId, String body, Instant at) {}

  /** Inserts many comments at once (a bulk import), in one batch. */
  public void insertAll(Handle h, java.util.List<NewComment> comments) {
    if (comments.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO comment (entity_id, author_id, body, created_at, updated_at)"
                + " VALUES (:item, :author, :body, :now, :now)");
    for (NewComment c : comments) {
      batch
          .bind("item", c.itemId())
          .bind("author", c.authorId())
          .bind("body", c.body())
          .bind("now", Rows.millis(c.at()))
          .add();
    }
    batch.execute();
  }

  public Optional<Comment> byId(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE c.id = :id AND c.deleted_at IS NULL")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Comments of an item, oldest first, after the comment id {@code after} (0: from the start). */
  public List<Comment> forItem(Handle h, long itemId, long after, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE c.entity_id = :item AND c.deleted_at IS NULL AND c.id > :after"
                + " ORDER BY c.id LIMIT :limit")
        .bind("item", itemId)
        .bind("after", after)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public long countForItem(Handle h, long itemId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM comment WHERE entity_id = :item AND deleted_at IS NULL")
        .bind("item", itemId)
        .mapTo(Long.class)
        .one();
  }

  public Optional<Long> update(Handle h, long id, long expectedVersion, String body, Instant now) {
    return h.createQuery(
            "UPDATE comment SET body = :body, updated_at = :now, version = version + 1"
                + " WHERE id = :id AND version = :expected AND deleted_at IS NULL"
                + " RETURNING version")
        .bind("body", body)
        .bind("now", Rows.millis(now))
        .bind("id", id)
        .bind("expected", expectedVersion)
        .mapTo(Long.class)
        .findOne();
  }

  public boolean markDeleted(Handle h, long id, long expectedVersion, Instant now) {
    return h.createUpdate(
                "UPDATE comment SET deleted_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :expected AND deleted_at IS NULL")
            .bind("now", Rows.millis(now))
            .bind("id", id)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }
}
