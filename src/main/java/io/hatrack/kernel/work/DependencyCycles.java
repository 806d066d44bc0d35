package io.hatrack.kernel.work;

import io.hatrack.kernel.Invalid;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Refuses a "depends on" link that would close a cycle (A depends on B depends on ... on A), and
 * names the path it would close, because no plan can honour circular dependencies.
 */
public final class DependencyCycles implements LinkRule {
  private final LinkStore links;
  private final EntityStore entities;
  private final WorkspaceStore workspaces;

  public DependencyCycles(LinkStore links, EntityStore entities, WorkspaceStore workspaces) {
    this.links = links;
    this.entities = entities;
    this.workspaces = workspaces;
  }

  @Override
  public void check(Handle h, LinkType type, Item source, Item target) {
    if (!type.id().equals(LinkTypes.DEPENDS.id())) {
      return;
    }
    // Two opposite dependencies added at once must not both pass the check.
    workspaces.lock(h, source.workspaceId());
    // Does target already (transitively) depend on source? Breadth-first, remembering the way.
    Map<Long, Long> cameFrom = new HashMap<>();
    Deque<Long> queue = new ArrayDeque<>();
    queue.add(target.id());
    cameFrom.put(target.id(), null);
    while (!queue.isEmpty()) {
      long current = queue.poll();
      if (current == source.id()) {
        throw Invalid.field(
            "target", "this dependency would make a cycle: " + path(h, cameFrom, source, target));
      }
      for (long next : links.targets(h, current, type.id())) {
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, current);
          queue.add(next);
        }
      }
    }
  }

  private String path(Handle h, Map<Long, Long> cameFrom, Item source, Item target) {
    Deque<String> names = new ArrayDeque<>();
    for (Long at = source.id(); at != null; at = cameFrom.get(at)) {
      names.addFirst(name(h, at));
    }
    names.addFirst(name(h, source.id()));
    return String.join(" \u2192 ", names);
  }

  private String name(Handle h, long id) {
    return entities.byId(h, id).map(i -> i.key() != null ? i.key() : "#" + i.id()).orElse("#" + id);
  }
}
