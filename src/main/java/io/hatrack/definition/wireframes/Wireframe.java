package io.hatrack.definition.wireframes;

import io.hatrack.kernel.work.Item;
import java.util.Objects;

/**
 * A wireframe: a screen sketched in PlantUML Salt. Its title, key and version (the optimistic lock)
 * are the item's; {@code sourceVersion} numbers the saved versions of its source, 1 first.
 */
public record Wireframe(Item item, String source, int sourceVersion) {
  public Wireframe {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(source, "source");
  }

  public long id() {
    return item.id();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }
}
