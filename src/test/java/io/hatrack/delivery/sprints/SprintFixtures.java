package io.hatrack.delivery.sprints;

import io.hatrack.App;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;

/** Helpers for tests outside this package. */
public final class SprintFixtures {
  private SprintFixtures() {}

  /** Moves a work item along its workflow to done, as the sprint page's Done button does. */
  public static WorkItem finish(App app, User actor, String itemRef) {
    return Finishing.finish(app.definition().workItems(), actor, itemRef);
  }
}
