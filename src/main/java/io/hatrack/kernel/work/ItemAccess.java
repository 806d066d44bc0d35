package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;

/** An item as one member sees it: with the workspace and the member's role. */
public record ItemAccess(Item item, WorkspaceAccess workspace) {
  public ItemAccess require(Role needed, String action) {
    workspace.require(needed, action);
    return this;
  }

  public long id() {
    return item.id();
  }

  public Role role() {
    return workspace.role();
  }
}
