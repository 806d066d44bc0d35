package io.hatrack.kernel;

/**
 * The thing asked for does not exist, or the caller may not know that it exists. Services throw
 * this for ids of workspaces the caller is not a member of, so that existence never leaks.
 */
public final class NotFound extends HatrackException {
  private static final long serialVersionUID = 1L;

  public NotFound(String what) {
    super(what + " not found");
  }

  @Override
  public String code() {
    return "not_found";
  }
}
