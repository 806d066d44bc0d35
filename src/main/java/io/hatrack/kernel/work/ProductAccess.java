package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;

/** A product as one member sees it: with its workspace and the member's role there. */
public record ProductAccess(Product product, WorkspaceAccess workspace) {
  public ProductAccess require(Role needed, String action) {
    workspace.require(needed, action);
    return this;
  }

  public Role role() {
    return workspace.role();
  }

  public long id() {
    return product.id();
  }
}
