package io.hatrack.kernel.work;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The item kinds of the installed hats, registered when {@code App} wires them. */
public final class ItemKinds {
  private final Map<String, ItemKind> kinds = new LinkedHashMap<>();

  public ItemKinds register(ItemKind kind) {
    if (kinds.putIfAbsent(kind.id(), kind) != null) {
      throw new IllegalArgumentException("item kind " + kind.id() + " is registered twice");
    }
    return this;
  }

  /** The kind, or a generic stand-in for a kind whose hat is not installed. */
  public ItemKind get(String id) {
    ItemKind kind = kinds.get(id);
    return kind != null ? kind : new ItemKind(id, id, "items");
  }

  public Collection<ItemKind> all() {
    return kinds.values();
  }
}
