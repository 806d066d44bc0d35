package io.hatrack.pages;

import io.hatrack.kernel.work.Item;
import java.util.Objects;

/** A Markdown document in a product: the foundation's own item type. */
public record Page(Item item, String body) {
  public Page {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(body, "body");
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
