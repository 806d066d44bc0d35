package io.hatrack.definition;

import io.hatrack.kernel.auth.User;
import org.jdbi.v3.core.Handle;

/**
 * Told inside the transaction of a change that puts a work item in another workflow state, or
 * creates it in one that is not the first ({@code before} null): the delivery hat records from this
 * when work was finished. Items an importer creates in bulk ({@link WorkItemBulk}) are not told.
 */
@FunctionalInterface
public interface WorkItemStateListener {
  void moved(Handle h, User actor, WorkItem before, WorkItem after);
}
