package io.hatrack.kernel.web;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ItemAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How the uniform {@code GET /api/v1/items/{item}} answers for each kind of item: a hat registers
 * the full JSON of its kind (a work item with its status and parent, say); kinds without one get
 * the kernel's generic item JSON.
 */
public final class ItemRepresentations {
  private final Map<String, BiFunction<User, ItemAccess, Object>> byKind = new HashMap<>();

  public ItemRepresentations register(String kind, BiFunction<User, ItemAccess, Object> json) {
    if (byKind.putIfAbsent(kind, json) != null) {
      throw new IllegalArgumentException("a representation of " + kind + " is registered twice");
    }
    return this;
  }

  public Optional<BiFunction<User, ItemAccess, Object>> forKind(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }
}
