package io.hatrack.kernel.work;

import java.time.Instant;

/** A comment on an item, in Markdown. */
public record Comment(
    long id,
    long itemId,
    long authorId,
    String authorName,
    String authorHandle,
    String body,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public boolean edited() {
    return version > 1;
  }
}
