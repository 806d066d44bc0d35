package io.hatrack.kernel.web;

import io.hatrack.kernel.HatrackException;

/**
 * A change to a versioned item was sent without {@code If-Match}: refused to prevent lost updates.
 */
public final class PreconditionRequired extends HatrackException {
  private static final long serialVersionUID = 1L;

  public PreconditionRequired() {
    super(
        "This change needs an If-Match header with the item's ETag (its version, e.g. \"3\"),"
            + " so that it cannot overwrite someone else's change");
  }

  @Override
  public String code() {
    return "precondition_required";
  }
}
