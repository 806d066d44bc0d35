package io.hatrack.kernel.work;

import io.hatrack.kernel.audit.Change;
import java.time.Instant;

/**
 * The row every item of every hat shares: identity, human key, title and version. A hat's own table
 * holds the rest under the same id, and the collaboration kernel (links, comments, tags, watchers,
 * activity) refers to this id.
 *
 * @param productKey the key of the item's product (e.g. {@code CHK}), or null
 * @param number the item's number in its product (the 42 of {@code CHK-42}), or null
 */
public record Item(
    long id,
    long workspaceId,
    Long productId,
    String productKey,
    String kind,
    Long number,
    String title,
    long version,
    long createdBy,
    Instant createdAt,
    long updatedBy,
    Instant updatedAt,
    Instant deletedAt) {

  /** The human key such as {@code CHK-42}, or null for an item outside any product. */
  public String key() {
    return productKey == null || number == null ? null : productKey + "-" + number;
  }

  /** How messages name the item: its key and quoted title, e.g. {@code CHK-42 “Saved cards”}. */
  public String label() {
    return (key() == null ? "" : key() + " ") + "\u201c" + title + "\u201d";
  }

  /** A change to this item by {@code actorId}, for the activity feed and the audit log. */
  public Change change(long actorId, String action, String summary, Object before, Object after) {
    return Change.toItem(workspaceId, productId, id, actorId, action, summary, before, after);
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
