package io.hatrack.discovery.portal;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.auth.UserStore;
import io.hatrack.kernel.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** The SQL of the public portal: settings, ideas, votes, comments, verifications, mails, limits. */
public final class PortalStore {
  private static final String IDEA_COLUMNS =
      "i.id, i.product_id, p.item_key || '-' || e.number AS item_key, i.title, i.description,"
          + " i.status, i.visibility, i.votes, i.author_name, i.author_email, i.author_user_id,"
          + " i.merged_into, i.created_at, i.updated_at, i.version,"
          + " (SELECT COUNT(*) FROM portal_comment c WHERE c.idea_id = i.id"
          + " AND c.visibility = 'approved') AS comment_count";
  private static final String IDEA_FROM =
      "portal_idea i JOIN entity e ON e.id = i.id JOIN product p ON p.id = i.product_id";

  // ---- Settings ---------------------------------------------------------------------------------

  public Optional<PortalSettings> settings(Handle h, long productId) {
    return h.createQuery(
            "SELECT product_id, enabled, moderation, intro, version FROM portal_setting"
                + " WHERE product_id = :product")
        .bind("product", productId)
        .map(
            (rs, ctx) ->
                new PortalSettings(
                    rs.getLong("product_id"),
                    rs.getBoolean("enabled"),
                    "approve".equals(rs.getString("moderation")),
                    rs.getString("intro"),
                    rs.getLong("version")))
        .findOne();
  }

  /** Saves a product's first settings: version 2, the defaults having been version 1. */
  public void insertSettings(Handle h, PortalSettings s, long actorId, Instant now) {
    h.createUpdate(
            "INSERT INTO portal_setting (product_id, enabled, moderation, intro, version,"
                + " updated_by, updated_at) VALUES (:product, :enabled, :moderation, :intro, 2,"
                + " :actor, :now)")
        .bind("product", s.productId())
        .bind("enabled", s.enabled())
        .bind("moderation", s.approveFirst() ? "approve" : "open")
        .bind("intro", s.intro())
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .execute();
  }

  /** Changes the settings if they are still at {@code expected}; false when they moved on. */
  public boolean updateSettings(
      Handle h, PortalSettings s, long expected, long actorId, Instant now) {
    return h.createUpdate(
                "UPDATE portal_setting SET enabled = :enabled, moderation = :moderation,"
                    + " intro = :intro, version = version + 1, updated_by = :actor,"
                    + " updated_at = :now WHERE product_id = :product AND version = :expected")
            .bind("product", s.productId())
            .bind("enabled", s.enabled())
            .bind("moderation", s.approveFirst() ? "approve" : "open")
            .bind("intro", s.intro())
            .bind("actor", actorId)
            .bind("now", Rows.millis(now))
            .bind("expected", expected)
            .execute()
        == 1;
  }

  /** The first owner of the product's workspace, whom the portal acts as in the item's history. */
  public Optional<User> firstOwner(Handle h, long productId) {
    return h.createQuery(
            "SELECT u.id, u.email, u.handle, u.name, u.time_zone,"
                + " u.password_hash IS NOT NULL AS has_password, u.created_at"
                + " FROM product p JOIN membership m ON m.workspace_id = p.workspace_id"
                + " JOIN app_user u ON u.id = m.user_id"
                + " WHERE p.id = :product AND m.role = 'owner'"
                + " ORDER BY m.created_at, u.id LIMIT 1")
        .bind("product", productId)
        .map((rs, ctx) -> UserStore.map(rs))
        .findOne();
  }

  // ---- Ideas ------------------------------------------------------------------------------------

  /** A new idea's public face; its id is the id of its item. */
  public record NewIdea(
      long id,
      long productId,
      String title,
      String description,
      Visibility visibility,
      String authorName,
      String authorEmail,
      Long authorUserId,
      Instant at) {}

  public void insertIdea(Handle h, NewIdea i) {
    h.createUpdate(
            "INSERT INTO portal_idea (id, product_id, title, description, status, visibility,"
                + " votes, author_name, author_email, author_user_id, created_at, updated_at)"
                + " VALUES (:id, :product, :title, :description, 'under_review', :visibility, 0,"
                + " :name, :email, :user, :at, :at)")
        .bind("id", i.id())
        .bind("product", i.productId())
        .bind("title", i.title())
        .bind("description", i.description())
        .bind("visibility", i.visibility().id())
        .bind("name", i.authorName())
        .bind("email", i.authorEmail())
        .bind("user", i.authorUserId())
        .bind("at", Rows.millis(i.at()))
        .execute();
  }

  private static Idea mapIdea(ResultSet rs) throws SQLException {
    return new Idea(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("item_key"),
        rs.getString("title"),
        rs.getString("description"),
        IdeaStatus.parse(rs.getString("status")).orElseThrow(),
        Visibility.parse(rs.getString("visibility")).orElseThrow(),
        rs.getInt("votes"),
        rs.getInt("comment_count"),
        rs.getString("author_name"),
        rs.getString("author_email"),
        Rows.longOrNull(rs, "author_user_id"),
        Rows.longOrNull(rs, "merged_into"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  /** A live idea (its item not deleted). */
  public Optional<Idea> idea(Handle h, long id) {
    return h.createQuery(
            "SELECT "
                + IDEA_COLUMNS
                + " FROM "
                + IDEA_FROM
                + " WHERE i.id = :id AND e.deleted_at IS NULL")
        .bind("id", id)
        .map((rs, ctx) -> mapIdea(rs))
        .findOne();
  }

  /** How a list of ideas is ordered. */
  public enum Order {
    TOP,
    NEW
  }

  /**
   * Ideas of a product: for visitors ({@code listedOnly}) the approved ones not merged away, for
   * members every one, optionally of one status and one visibility.
   */
  public record IdeaQuery(
      long productId,
      boolean listedOnly,
      IdeaStatus status,
      Visibility visibility,
      Order order,
      int offset,
      int limit) {}

  public List<Idea> ideas(Handle h, IdeaQuery q) {
    String order =
        q.order() == Order.TOP
            ? " ORDER BY i.votes DESC, i.created_at DESC, i.id DESC"
            : " ORDER BY i.created_at DESC, i.id DESC";
    return h.createQuery(
            "SELECT "
                + IDEA_COLUMNS
                + " FROM "
                + IDEA_FROM
                + where(q)
                + order
                + " LIMIT :limit OFFSET :offset")
        .bindMap(binds(q))
        .bind("limit", q.limit())
        .bind("offset", q.offset())
        .map((rs, ctx) -> mapIdea(rs))
        .list();
  }

  public long countIdeas(Handle h, IdeaQuery q) {
    return h.createQuery("SELECT COUNT(*) FROM " + IDEA_FROM + where(q))
        .bindMap(binds(q))
        .mapTo(Long.class)
        .one();
  }

  private static String where(IdeaQuery q) {
    StringBuilder sql =
        new StringBuilder(" WHERE i.product_id = :product AND e.deleted_at IS NULL");
    if (q.listedOnly()) {
      sql.append(" AND i.visibility = 'approved' AND i.merged_into IS NULL");
    }
    if (q.status() != null) {
      sql.append(" AND i.status = :status");
    }
    if (q.visibility() != null) {
      sql.append(" AND i.visibility = :visibility AND i.merged_into IS NULL");
    }
    return sql.toString();
  }

  private static java.util.Map<String, Object> binds(IdeaQuery q) {
    java.util.Map<String, Object> b = new java.util.HashMap<>();
    b.put("product", q.productId());
    if (q.status() != null) {
      b.put("status", q.status().id());
    }
    if (q.visibility() != null) {
      b.put("visibility", q.visibility().id());
    }
    return b;
  }

  /** Ideas of a product waiting for approval, and comments waiting, for the moderation badge. */
  public long pendingCount(Handle h, long productId) {
    return h.createQuery(
            "SELECT (SELECT COUNT(*) FROM "
                + IDEA_FROM
                + " WHERE i.product_id = :product AND e.deleted_at IS NULL"
                + " AND i.visibility = 'pending' AND i.merged_into IS NULL)"
                + " + (SELECT COUNT(*) FROM portal_comment c JOIN portal_idea ci ON ci.id = c.idea_id"
                + " WHERE ci.product_id = :product AND c.visibility = 'pending')")
        .bind("product", productId)
        .mapTo(Long.class)
        .one();
  }

  /** Changes an idea's public face if it is still at {@code expected}; false otherwise. */
  public boolean updateIdea(
      Handle h,
      long id,
      long expected,
      String title,
      String description,
      IdeaStatus status,
      Visibility visibility,
      Instant now) {
    return h.createUpdate(
                "UPDATE portal_idea SET title = :title, description = :description,"
                    + " status = :status, visibility = :visibility, version = version + 1,"
                    + " updated_at = :now WHERE id = :id AND version = :expected")
            .bind("id", id)
            .bind("expected", expected)
            .bind("title", title)
            .bind("description", description)
            .bind("status", status.id())
            .bind("visibility", visibility.id())
            .bind("now", Rows.millis(now))
            .execute()
        == 1;
  }

  public void markMerged(Handle h, long id, long target, Instant now) {
    h.createUpdate(
            "UPDATE portal_idea SET merged_into = :target, votes = 0, version = version + 1,"
                + " updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("target", target)
        .bind("now", Rows.millis(now))
        .execute();
    // Ideas merged into this one earlier now lead to the new target directly.
    h.createUpdate("UPDATE portal_idea SET merged_into = :target WHERE merged_into = :id")
        .bind("id", id)
        .bind("target", target)
        .execute();
  }

  // ---- Votes ------------------------------------------------------------------------------------

  /** Adds a vote; false when this voter had already voted for the idea. */
  public boolean insertVote(
      Handle h, long ideaId, String voter, String email, Long userId, Instant at) {
    return h.createUpdate(
                "INSERT INTO portal_vote (idea_id, voter, email, user_id, created_at)"
                    + " VALUES (:idea, :voter, :email, :user, :at)"
                    + " ON CONFLICT (idea_id, voter) DO NOTHING")
            .bind("idea", ideaId)
            .bind("voter", voter)
            .bind("email", email)
            .bind("user", userId)
            .bind("at", Rows.millis(at))
            .execute()
        == 1;
  }

  public boolean deleteVote(Handle h, long ideaId, String voter) {
    return h.createUpdate("DELETE FROM portal_vote WHERE idea_id = :idea AND voter = :voter")
            .bind("idea", ideaId)
            .bind("voter", voter)
            .execute()
        == 1;
  }

  /** Sets the idea's vote count to its number of votes. */
  public int recount(Handle h, long ideaId) {
    h.createUpdate(
            "UPDATE portal_idea SET votes = (SELECT COUNT(*) FROM portal_vote v"
                + " WHERE v.idea_id = portal_idea.id) WHERE id = :idea")
        .bind("idea", ideaId)
        .execute();
    return h.createQuery("SELECT votes FROM portal_idea WHERE id = :idea")
        .bind("idea", ideaId)
        .mapTo(Integer.class)
        .one();
  }

  /** Moves every vote of {@code from} to {@code to}; a voter of both keeps one vote. */
  public void moveVotes(Handle h, long from, long to) {
    h.createUpdate(
            "INSERT INTO portal_vote (idea_id, voter, email, user_id, created_at)"
                + " SELECT :to, voter, email, user_id, created_at FROM portal_vote"
                + " WHERE idea_id = :from ON CONFLICT (idea_id, voter) DO NOTHING")
        .bind("from", from)
        .bind("to", to)
        .execute();
    h.createUpdate("DELETE FROM portal_vote WHERE idea_id = :from").bind("from", from).execute();
  }

  public void moveComments(Handle h, long from, long to) {
    h.createUpdate("UPDATE portal_comment SET idea_id = :to WHERE idea_id = :from")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  /** The ideas of a product this voter has voted for. */
  public Set<Long> votedIdeas(Handle h, long productId, String voter) {
    return new HashSet<>(
        h.createQuery(
                "SELECT v.idea_id FROM portal_vote v JOIN portal_idea i ON i.id = v.idea_id"
                    + " WHERE i.product_id = :product AND v.voter = :voter")
            .bind("product", productId)
            .bind("voter", voter)
            .mapTo(Long.class)
            .list());
  }

  /** The verified addresses that voted for an idea, first voters first (for members). */
  public List<String> voterEmails(Handle h, long ideaId, int limit) {
    return h.createQuery(
            "SELECT COALESCE(v.email, u.email) FROM portal_vote v"
                + " LEFT JOIN app_user u ON u.id = v.user_id WHERE v.idea_id = :idea"
                + " ORDER BY v.created_at, v.id LIMIT :limit")
        .bind("idea", ideaId)
        .bind("limit", limit)
        .mapTo(String.class)
        .list();
  }

  // ---- Comments ---------------------------------------------------------------------------------

  public record NewComment(
      long ideaId,
      String authorName,
      String email,
      Long userId,
      boolean fromTeam,
      String body,
      Visibility visibility,
      Instant at) {}

  public long insertComment(Handle h, NewComment c) {
    return h.createQuery(
            "INSERT INTO portal_comment (idea_id, author_name, email, user_id, from_team, body,"
                + " visibility, created_at) VALUES (:idea, :name, :email, :user, :team, :body,"
                + " :visibility, :at) RETURNING id")
        .bind("idea", c.ideaId())
        .bind("name", c.authorName())
        .bind("email", c.email())
        .bind("user", c.userId())
        .bind("team", c.fromTeam())
        .bind("body", c.body())
        .bind("visibility", c.visibility().id())
        .bind("at", Rows.millis(c.at()))
        .mapTo(Long.class)
        .one();
  }

  private static IdeaComment mapComment(ResultSet rs) throws SQLException {
    return new IdeaComment(
        rs.getLong("id"),
        rs.getLong("idea_id"),
        rs.getString("author_name"),
        rs.getString("email"),
        Rows.longOrNull(rs, "user_id"),
        rs.getBoolean("from_team"),
        rs.getString("body"),
        Visibility.parse(rs.getString("visibility")).orElseThrow(),
        Rows.instant(rs, "created_at"));
  }

  /** An idea's comments, oldest first; for visitors the approved ones only. */
  public List<IdeaComment> comments(Handle h, long ideaId, boolean approvedOnly) {
    return h.createQuery(
            "SELECT * FROM portal_comment WHERE idea_id = :idea"
                + (approvedOnly ? " AND visibility = 'approved'" : "")
                + " ORDER BY created_at, id")
        .bind("idea", ideaId)
        .map((rs, ctx) -> mapComment(rs))
        .list();
  }

  public Optional<IdeaComment> comment(Handle h, long id) {
    return h.createQuery("SELECT * FROM portal_comment WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> mapComment(rs))
        .findOne();
  }

  public void setCommentVisibility(Handle h, long id, Visibility visibility) {
    h.createUpdate("UPDATE portal_comment SET visibility = :visibility WHERE id = :id")
        .bind("id", id)
        .bind("visibility", visibility.id())
        .execute();
  }

  /** Comments of a product's ideas waiting for approval, oldest first. */
  public List<IdeaComment> pendingComments(Handle h, long productId, int limit) {
    return h.createQuery(
            "SELECT c.* FROM portal_comment c JOIN portal_idea i ON i.id = c.idea_id"
                + " WHERE i.product_id = :product AND c.visibility = 'pending'"
                + " ORDER BY c.created_at, c.id LIMIT :limit")
        .bind("product", productId)
        .bind("limit", limit)
        .map((rs, ctx) -> mapComment(rs))
        .list();
  }

  // ---- Verifications ----------------------------------------------------------------------------

  /** A verification waiting for its link to be followed. */
  public record Verification(
      long id,
      long productId,
      String email,
      String action,
      String payload,
      Instant expiresAt,
      Instant usedAt) {}

  public void insertVerification(
      Handle h,
      long productId,
      String email,
      String tokenHash,
      String action,
      String payload,
      Instant now,
      Instant expires) {
    h.createUpdate(
            "INSERT INTO portal_verification (product_id, email, token_hash, action, payload,"
                + " created_at, expires_at) VALUES (:product, :email, :hash, :action, :payload,"
                + " :now, :expires)")
        .bind("product", productId)
        .bind("email", email)
        .bind("hash", tokenHash)
        .bind("action", action)
        .bind("payload", payload)
        .bind("now", Rows.millis(now))
        .bind("expires", Rows.millis(expires))
        .execute();
  }

  public Optional<Verification> verification(Handle h, String tokenHash) {
    return h.createQuery(
            "SELECT id, product_id, email, action, payload, expires_at, used_at"
                + " FROM portal_verification WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map(
            (rs, ctx) ->
                new Verification(
                    rs.getLong("id"),
                    rs.getLong("product_id"),
                    rs.getString("email"),
                    rs.getString("action"),
                    rs.getString("payload"),
                    Rows.instant(rs, "expires_at"),
                    Rows.instantOrNull(rs, "used_at")))
        .findOne();
  }

  /** Marks a verification used; false when it already was (the link is followed once). */
  public boolean useVerification(Handle h, long id, Instant now) {
    return h.createUpdate(
                "UPDATE portal_verification SET used_at = :now WHERE id = :id AND used_at IS NULL")
            .bind("id", id)
            .bind("now", Rows.millis(now))
            .execute()
        == 1;
  }

  // ---- Mails ------------------------------------------------------------------------------------

  public long insertMail(
      Handle h,
      Long productId,
      String recipient,
      String subject,
      String body,
      String link,
      Instant at) {
    return h.createQuery(
            "INSERT INTO portal_mail (product_id, recipient, subject, body, link, created_at)"
                + " VALUES (:product, :to, :subject, :body, :link, :at) RETURNING id")
        .bind("product", productId)
        .bind("to", recipient)
        .bind("subject", subject)
        .bind("body", body)
        .bind("link", link)
        .bind("at", Rows.millis(at))
        .mapTo(Long.class)
        .one();
  }

  /**
   * The newest mails, to {@code recipient} when given; of the products in {@code products} when
   * that is not null (an administrator sees their workspaces' mails only).
   */
  public List<Mail> mails(Handle h, String recipient, List<Long> products, int limit) {
    if (products != null && products.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM portal_mail WHERE 1 = 1");
    if (recipient != null) {
      sql.append(" AND recipient = :to");
    }
    if (products != null) {
      sql.append(" AND product_id IN (<products>)");
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    var q = h.createQuery(sql.toString()).bind("limit", limit);
    if (recipient != null) {
      q.bind("to", recipient);
    }
    if (products != null) {
      q.bindList("products", products);
    }
    return q.map(
            (rs, ctx) ->
                new Mail(
                    rs.getLong("id"),
                    Rows.longOrNull(rs, "product_id"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getString("link"),
                    Rows.instant(rs, "created_at")))
        .list();
  }

  public void deleteMailsBefore(Handle h, Instant before) {
    h.createUpdate("DELETE FROM portal_mail WHERE created_at < :before")
        .bind("before", Rows.millis(before))
        .execute();
  }

  // ---- Installation settings --------------------------------------------------------------------

  public Optional<String> setting(Handle h, String name) {
    return h.createQuery("SELECT value FROM app_setting WHERE name = :name")
        .bind("name", name)
        .mapTo(String.class)
        .findOne();
  }

  public void putSetting(Handle h, String name, String value) {
    h.createUpdate(
            "INSERT INTO app_setting (name, value) VALUES (:name, :value)"
                + " ON CONFLICT (name) DO UPDATE SET value = :value")
        .bind("name", name)
        .bind("value", value)
        .execute();
  }
}
