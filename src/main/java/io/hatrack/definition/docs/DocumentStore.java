package io.hatrack.definition.docs;

import io.hatrack.definition.Person;
import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for documents, their saved versions and their approvers. The title, key and version (ETag)
 * live in the shared entity row.
 */
public final class DocumentStore {
  private static final String COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", d.template_key, d.template_name, d.body, d.status, d.latest_version,"
          + " d.review_requested_by, d.review_requested_at, rq.handle AS rq_handle,"
          + " rq.name AS rq_name";

  private static final String FROM =
      EntityStore.ITEM_FROM
          + " JOIN document d ON d.id = e.id"
          + " LEFT JOIN app_user rq ON rq.id = d.review_requested_by";

  /** A document's own row; its approvals are read separately. */
  private static Document map(ResultSet rs, List<Approval> approvals) throws SQLException {
    Item item = EntityStore.map(rs);
    long requester = rs.getLong("review_requested_by");
    Person requestedBy =
        rs.wasNull()
            ? null
            : new Person(requester, rs.getString("rq_handle"), rs.getString("rq_name"));
    return new Document(
        item,
        rs.getString("body"),
        DocumentStatus.parse("status", rs.getString("status")),
        rs.getInt("latest_version"),
        rs.getString("template_key"),
        rs.getString("template_name"),
        requestedBy,
        Rows.instantOrNull(rs, "review_requested_at"),
        approvals);
  }

  /** What a new document's own row holds. */
  public record NewRow(long productId, String templateKey, String templateName, String body) {}

  public void insert(Handle h, long id, NewRow row) {
    h.createUpdate(
            "INSERT INTO document (id, product_id, template_key, template_name, body, status,"
                + " latest_version) VALUES (:id, :product, :key, :name, :body, 'draft', 1)")
        .bind("id", id)
        .bind("product", row.productId())
        .bind("key", row.templateKey())
        .bind("name", row.templateName())
        .bind("body", row.body())
        .execute();
  }

  /** A document (deleted or not) with its approvals. */
  public Optional<Document> byId(Handle h, long id) {
    List<Approval> approvals = approvals(h, id);
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs, approvals))
        .findOne();
  }

  /**
   * Takes the write lock on a document's row for the rest of the transaction, so that approvals and
   * edits of one document happen one after the other.
   */
  public void lock(Handle h, long id) {
    h.createUpdate("UPDATE document SET status = status WHERE id = :id").bind("id", id).execute();
  }

  /** Stores a new body as the latest version, with the status it leaves the document in. */
  public void saveBody(Handle h, long id, String body, int latestVersion, DocumentStatus status) {
    h.createUpdate(
            "UPDATE document SET body = :body, latest_version = :latest, status = :status,"
                + " approved_at = CASE WHEN :status = 'approved' THEN approved_at ELSE NULL END"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("body", body)
        .bind("latest", latestVersion)
        .bind("status", status.id())
        .execute();
  }

  public void setStatus(Handle h, long id, DocumentStatus status, Instant at) {
    h.createUpdate("UPDATE document SET status = :status, approved_at = :approved WHERE id = :id")
        .bind("id", id)
        .bind("status", status.id())
        .bind("approved", status == DocumentStatus.APPROVED ? Rows.millis(at) : null)
        .execute();
  }

  public void reviewRequested(Handle h, long id, long userId, Instant at) {
    h.createUpdate(
            "UPDATE document SET review_requested_by = :user, review_requested_at = :at"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("user", userId)
        .bind("at", Rows.millis(at))
        .execute();
  }

  // Versions.

  public void insertVersion(
      Handle h, long documentId, int number, String title, String body, long authorId, Instant at) {
    h.createUpdate(
            "INSERT INTO document_version (document_id, number, title, body, author_id, saved_at)"
                + " VALUES (:doc, :number, :title, :body, :author, :at)")
        .bind("doc", documentId)
        .bind("number", number)
        .bind("title", title)
        .bind("body", body)
        .bind("author", authorId)
        .bind("at", Rows.millis(at))
        .execute();
  }

  /** Every saved version of a document, newest first, without their bodies. */
  public List<DocumentVersion.Info> versions(Handle h, long documentId) {
    return h.createQuery(
            "SELECT v.number, v.title, v.author_id, u.handle, u.name, v.saved_at,"
                + " LENGTH(v.body) AS characters FROM document_version v"
                + " JOIN app_user u ON u.id = v.author_id WHERE v.document_id = :doc"
                + " ORDER BY v.number DESC")
        .bind("doc", documentId)
        .map(
            (rs, ctx) ->
                new DocumentVersion.Info(
                    rs.getInt("number"),
                    rs.getString("title"),
                    new Person(
                        rs.getLong("author_id"), rs.getString("handle"), rs.getString("name")),
                    Rows.instant(rs, "saved_at"),
                    rs.getInt("characters")))
        .list();
  }

  public Optional<DocumentVersion> version(Handle h, long documentId, int number) {
    return h.createQuery(
            "SELECT v.number, v.title, v.body, v.author_id, u.handle, u.name, v.saved_at"
                + " FROM document_version v JOIN app_user u ON u.id = v.author_id"
                + " WHERE v.document_id = :doc AND v.number = :number")
        .bind("doc", documentId)
        .bind("number", number)
        .map(
            (rs, ctx) ->
                new DocumentVersion(
                    rs.getInt("number"),
                    rs.getString("title"),
                    rs.getString("body"),
                    new Person(
                        rs.getLong("author_id"), rs.getString("handle"), rs.getString("name")),
                    Rows.instant(rs, "saved_at")))
        .findOne();
  }

  // Approvers.

  private static final String APPROVAL_COLUMNS =
      "a.document_id, a.user_id, u.handle, u.name, a.decision, a.decided_version, a.comment,"
          + " a.decided_at, a.added_at";

  private static Approval mapApproval(ResultSet rs) throws SQLException {
    Long decided = Rows.longOrNull(rs, "decided_version");
    return new Approval(
        new Person(rs.getLong("user_id"), rs.getString("handle"), rs.getString("name")),
        Decision.parse("decision", rs.getString("decision")),
        decided == null ? null : decided.intValue(),
        rs.getString("comment"),
        Rows.instantOrNull(rs, "decided_at"),
        Rows.instant(rs, "added_at"));
  }

  /** The named approvers of a document, in the order they were named, then by name. */
  public List<Approval> approvals(Handle h, long documentId) {
    return h.createQuery(
            "SELECT "
                + APPROVAL_COLUMNS
                + " FROM document_approver a JOIN app_user u ON u.id = a.user_id"
                + " WHERE a.document_id = :doc ORDER BY a.added_at, u.name, u.id")
        .bind("doc", documentId)
        .map((rs, ctx) -> mapApproval(rs))
        .list();
  }

  /** The approvals of several documents at once, for listings. */
  public Map<Long, List<Approval>> approvals(Handle h, List<Long> documentIds) {
    Map<Long, List<Approval>> out = new LinkedHashMap<>();
    if (documentIds.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT "
                + APPROVAL_COLUMNS
                + " FROM document_approver a JOIN app_user u ON u.id = a.user_id"
                + " WHERE a.document_id IN (<ids>) ORDER BY a.added_at, u.name, u.id")
        .bindList("ids", documentIds)
        .map((rs, ctx) -> Map.entry(rs.getLong("document_id"), mapApproval(rs)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  public void addApprover(Handle h, long documentId, long userId, Instant at) {
    h.createUpdate(
            "INSERT INTO document_approver (document_id, user_id, decision, added_at)"
                + " VALUES (:doc, :user, 'pending', :at)")
        .bind("doc", documentId)
        .bind("user", userId)
        .bind("at", Rows.millis(at))
        .execute();
  }

  public void removeApprover(Handle h, long documentId, long userId) {
    h.createUpdate("DELETE FROM document_approver WHERE document_id = :doc AND user_id = :user")
        .bind("doc", documentId)
        .bind("user", userId)
        .execute();
  }

  public void decide(
      Handle h,
      long documentId,
      long userId,
      Decision decision,
      int version,
      String comment,
      Instant at) {
    h.createUpdate(
            "UPDATE document_approver SET decision = :decision, decided_version = :version,"
                + " comment = :comment, decided_at = :at WHERE document_id = :doc"
                + " AND user_id = :user")
        .bind("doc", documentId)
        .bind("user", userId)
        .bind("decision", decision.id())
        .bind("version", version)
        .bind("comment", comment)
        .bind("at", Rows.millis(at))
        .execute();
  }

  /** Puts every approver of a document back to pending. */
  public void resetDecisions(Handle h, long documentId) {
    h.createUpdate(
            "UPDATE document_approver SET decision = 'pending', decided_version = NULL,"
                + " comment = '', decided_at = NULL WHERE document_id = :doc")
        .bind("doc", documentId)
        .execute();
  }

  // Listings.

  /**
   * Live documents of a product (of one status, or all when {@code status} is null), most recently
   * updated first, strictly after the position of the previous page's last row.
   */
  public List<Document> list(
      Handle h,
      long productId,
      DocumentStatus status,
      Instant afterUpdated,
      long afterId,
      int limit) {
    String after = afterUpdated == null ? "" : " AND (e.updated_at, e.id) < (:at, :id)";
    String only = status == null ? "" : " AND d.status = :status";
    List<Document> rows =
        h.createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM "
                    + FROM
                    + " WHERE e.product_id = :product AND e.kind = :kind"
                    + " AND e.deleted_at IS NULL"
                    + only
                    + after
                    + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit")
            .bind("product", productId)
            .bind("kind", Document.KIND)
            .bind("status", status == null ? null : status.id())
            .bind("at", afterUpdated == null ? 0L : Rows.millis(afterUpdated))
            .bind("id", afterId)
            .bind("limit", limit)
            .map((rs, ctx) -> map(rs, List.of()))
            .list();
    Map<Long, List<Approval>> approvals = approvals(h, rows.stream().map(Document::id).toList());
    return rows.stream()
        .map(
            d ->
                new Document(
                    d.item(),
                    d.body(),
                    d.status(),
                    d.latestVersion(),
                    d.templateKey(),
                    d.templateName(),
                    d.reviewRequestedBy(),
                    d.reviewRequestedAt(),
                    approvals.getOrDefault(d.id(), List.of())))
        .toList();
  }

  /** How many live documents of a product have {@code status}. */
  public long count(Handle h, long productId, DocumentStatus status) {
    return h.createQuery(
            "SELECT COUNT(*) FROM document d JOIN entity e ON e.id = d.id"
                + " WHERE d.product_id = :product AND d.status = :status AND e.deleted_at IS NULL")
        .bind("product", productId)
        .bind("status", status.id())
        .mapTo(Long.class)
        .one();
  }
}
