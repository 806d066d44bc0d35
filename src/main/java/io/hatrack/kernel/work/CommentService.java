package io.hatrack.kernel.work;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Comments on any item, in Markdown with {@code @mentions}. Commenting needs the commenter role;
 * people edit their own comments, and admins may delete anyone's.
 */
public final class CommentService {
  /** The longest comment accepted, in characters. */
  public static final int MAX_LENGTH = 20_000;

  private final Database db;
  private final CommentStore comments;
  private final ItemService items;
  private final WatcherStore watchers;
  private final Notifier notifier;
  private final AuditLog audit;
  private final Clock clock;

  public CommentService(
      Database db,
      CommentStore comments,
      ItemService items,
      WatcherStore watchers,
      Notifier notifier,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.comments = comments;
    this.items = items;
    this.watchers = watchers;
    this.notifier = notifier;
    this.audit = audit;
    this.clock = clock;
  }

  /** A page of comments and the total count. */
  public record CommentPage(List<Comment> comments, long total) {}

  public CommentPage list(User actor, String itemRef, long after, int limit) {
    return db.read(h -> list(h, items.access(h, actor, itemRef), after, limit));
  }

  /** Comments of an item the caller already has access to, inside the caller's transaction. */
  public CommentPage list(Handle h, ItemAccess item, long after, int limit) {
    return new CommentPage(
        comments.forItem(h, item.id(), after, limit), comments.countForItem(h, item.id()));
  }

  /** Adds a comment; mentioned members and watchers are notified, and the author now watches. */
  public Comment add(User actor, String itemRef, String body) {
    String text = body == null ? null : body.strip();
    new Validation().text("body", text, MAX_LENGTH).orThrow();
    return db.tx(
        h -> {
          ItemAccess access = items.access(h, actor, itemRef).require(Role.COMMENTER, "comment");
          Item item = access.item();
          long id = comments.insert(h, item.id(), actor.id(), text, clock.instant());
          String label = item.label();
          Set<Long> told =
              notifier.mentioned(
                  h,
                  item,
                  actor,
                  Mentions.handles(text),
                  actor.name() + " mentioned you on " + label);
          notifier.watchers(h, item, actor, actor.name() + " commented on " + label, told);
          watchers.watch(h, item.id(), actor.id());
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "comment.added",
                  "commented on " + label,
                  null,
                  Map.of("comment", id, "body", text)));
          return comments.byId(h, id).orElseThrow();
        });
  }

  /**
   * Adds a comment brought in from another tool (an import), inside the caller's transaction: dated
   * when it was written there, by {@code author}, without notifying anyone (the import's own audit
   * record tells of it). The caller has checked that the actor may edit the item.
   */
  public Comment addImported(Handle h, User author, Item item, String body, Instant at) {
    String text = body == null ? null : body.strip();
    new Validation().text("body", text, MAX_LENGTH).orThrow();
    long id = comments.insert(h, item.id(), author.id(), text, at);
    return comments.byId(h, id).orElseThrow();
  }

  /**
   * Adds many comments brought in from another tool at once (a bulk import), inside the caller's
   * transaction, in one batch, without notifying anyone; the caller has checked the items and the
   * authors. Each body must be at most {@link #MAX_LENGTH} characters.
   */
  public void addAllImported(Handle h, List<CommentStore.NewComment> all) {
    for (CommentStore.NewComment c : all) {
      new Validation().text("body", c.body(), MAX_LENGTH).orThrow();
    }
    comments.insertAll(h, all);
  }

  /** Edits one's own comment if it is still at {@code expectedVersion}. */
  public Comment edit(User actor, long commentId, long expectedVersion, String body) {
    String text = body == null ? null : body.strip();
    new Validation().text("body", text, MAX_LENGTH).orThrow();
    return db.tx(
        h -> {
          Comment comment = comments.byId(h, commentId).orElseThrow(() -> new NotFound("comment"));
          ItemAccess access = items.access(h, actor, comment.itemId());
          if (comment.authorId() != actor.id()) {
            throw new Forbidden("Only the author can edit a comment.");
          }
          access.require(Role.COMMENTER, "edit comments");
          comments
              .update(h, commentId, expectedVersion, text, clock.instant())
              .orElseThrow(
                  () -> Conflict.staleVersion("The comment", expectedVersion, comment.version()));
          Item item = access.item();
          Set<String> newMentions = Mentions.handles(text);
          newMentions.removeAll(Mentions.handles(comment.body()));
          notifier.mentioned(
              h, item, actor, newMentions, actor.name() + " mentioned you on " + item.label());
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "comment.edited",
                  "edited a comment on " + item.label(),
                  Map.of("comment", commentId, "body", comment.body()),
                  Map.of("comment", commentId, "body", text)));
          return comments.byId(h, commentId).orElseThrow();
        });
  }

  /** Deletes a comment: the author's own, or anyone's for an admin. */
  public void delete(User actor, long commentId, long expectedVersion) {
    db.txVoid(
        h -> {
          Comment comment = comments.byId(h, commentId).orElseThrow(() -> new NotFound("comment"));
          ItemAccess access = items.access(h, actor, comment.itemId());
          if (comment.authorId() != actor.id()) {
            access.require(Role.ADMIN, "delete other people's comments");
          }
          if (!comments.markDeleted(h, commentId, expectedVersion, clock.instant())) {
            throw Conflict.staleVersion("The comment", expectedVersion, comment.version());
          }
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "comment.deleted",
                  "deleted a comment on " + item.label(),
                  Map.of("comment", commentId, "body", comment.body()),
                  null));
        });
  }

  public Comment get(User actor, long commentId) {
    return db.read(
        h -> {
          Comment comment = comments.byId(h, commentId).orElseThrow(() -> new NotFound("comment"));
          items.access(h, actor, comment.itemId());
          return comment;
        });
  }
}
