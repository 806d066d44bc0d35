package io.hatrack.discovery.research;

import io.hatrack.kernel.work.Item;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A research study of a product: a title (the item's), its goals in Markdown, its status and the
 * days it runs (either may be unknown). Its identity, key and version are the shared {@link
 * Item}'s.
 */
public record Study(
    Item item, String goals, StudyStatus status, LocalDate startsOn, LocalDate endsOn) {
  public Study {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(status, "status");
    goals = goals == null ? "" : goals;
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }
}
