package io.hatrack.kernel.work;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The link types the installation knows. The kernel registers the common ones; a hat registers its
 * own (e.g. "implements") when it is wired in {@code App}.
 */
public final class LinkTypes {
  /** "relates to", both ways. */
  public static final LinkType RELATES = new LinkType("relates-to", "relates to", "relates to");

  /** "depends on" / "blocks". */
  public static final LinkType DEPENDS = new LinkType("depends-on", "depends on", "blocks");

  /** "supports" / "supported by": evidence for an item. */
  public static final LinkType SUPPORTS = new LinkType("supports", "supports", "supported by");

  /** "duplicates" / "duplicated by". */
  public static final LinkType DUPLICATES =
      new LinkType("duplicates", "duplicates", "duplicated by");

  private final Map<String, LinkType> types = new LinkedHashMap<>();

  public LinkTypes() {
    register(RELATES);
    register(DEPENDS);
    register(SUPPORTS);
    register(DUPLICATES);
  }

  public LinkTypes register(LinkType type) {
    if (types.putIfAbsent(type.id(), type) != null) {
      throw new IllegalArgumentException("link type " + type.id() + " is registered twice");
    }
    return this;
  }

  public Optional<LinkType> byId(String id) {
    return Optional.ofNullable(types.get(id));
  }

  public Collection<LinkType> all() {
    return types.values();
  }
}
