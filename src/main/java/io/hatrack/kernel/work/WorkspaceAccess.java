package io.hatrack.kernel.work;

import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.auth.Role;

/** A workspace as one member sees it: with that member's role. */
public record WorkspaceAccess(Workspace workspace, Role role) {
  /**
   * Throws {@link Forbidden} unless the member's role is at least {@code needed}.
   *
   * @param action what the member tried, for the message, e.g. {@code "edit pages"}
   */
  public WorkspaceAccess require(Role needed, String action) {
    if (!role.atLeast(needed)) {
      throw new Forbidden(
          "You need the "
              + needed.id()
              + " role (or higher) to "
              + action
              + "; your role in "
              + workspace.name()
              + " is "
              + role.id()
              + ".");
    }
    return this;
  }

  public boolean can(Role needed) {
    return role.atLeast(needed);
  }

  public long id() {
    return workspace.id();
  }
}
