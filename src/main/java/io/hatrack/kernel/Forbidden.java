package io.hatrack.kernel;

/** The caller is known and may see the thing, but their role does not allow this action. */
public final class Forbidden extends HatrackException {
  private static final long serialVersionUID = 1L;

  public Forbidden(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "forbidden";
  }
}
