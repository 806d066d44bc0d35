package io.hatrack.kernel.work;

import java.time.Instant;

/**
 * Something a person should know about: a mention, or a change to an item they watch.
 *
 * @param item the item it concerns, or null
 * @param reason {@code mention} or {@code watching}
 */
public record Notification(
    long id,
    long workspaceId,
    Item item,
    String actorName,
    String reason,
    String summary,
    Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
