package io.hatrack.kernel.audit;

import java.util.Objects;

/**
 * One change to record: who did what to which item, with the values before and after.
 *
 * @param workspaceId the workspace, or null for a change to a person's own account
 * @param productId the product, or null
 * @param entityId the item, or null
 * @param actorId who made the change, or null for the system
 * @param action a stable verb such as {@code page.updated}
 * @param summary a sentence for people, e.g. {@code edited "Vision"}
 * @param before the changed fields' old values, or null
 * @param after the changed fields' new values, or null
 * @param feed whether the change shows in activity feeds (false: only in the audit log)
 */
public record Change(
    Long workspaceId,
    Long productId,
    Long entityId,
    Long actorId,
    String action,
    String summary,
    Object before,
    Object after,
    boolean feed) {
  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(summary, "summary");
  }

  /** A change to one item, shown in its feeds. */
  public static Change toItem(
      long workspaceId,
      Long productId,
      long entityId,
      long actorId,
      String action,
      String summary,
      Object before,
      Object after) {
    return new Change(
        workspaceId, productId, entityId, actorId, action, summary, before, after, true);
  }

  /** A security-relevant change (roles, tokens, passwords) kept only in the audit log. */
  public static Change security(Long workspaceId, Long actorId, String action, String summary) {
    return new Change(workspaceId, null, null, actorId, action, summary, null, null, false);
  }
}
