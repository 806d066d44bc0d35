package io.hatrack.kernel.work;

import java.util.Objects;

/**
 * A kind of item a hat serves, e.g. pages. The kernel uses it to name items and to build their
 * addresses, so that links, notifications and search can point at any item.
 *
 * @param id the value of {@code entity.kind}, e.g. {@code page}
 * @param label how people call one, e.g. {@code Page}
 * @param collection the path segment of its pages and API, e.g. {@code pages}
 */
public record ItemKind(String id, String label, String collection) {
  public ItemKind {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(collection, "collection");
  }
}
