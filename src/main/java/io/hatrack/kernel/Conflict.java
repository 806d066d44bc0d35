package io.hatrack.kernel;

/** The request clashes with the current state: a stale version, or a name that is already taken. */
public final class Conflict extends HatrackException {
  private static final long serialVersionUID = 1L;
  private final String code;

  private Conflict(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Someone else changed the thing since the caller read it. */
  public static Conflict staleVersion(String what, long expected, long current) {
    return new Conflict(
        "version_conflict",
        what
            + " was changed by someone else (you had version "
            + expected
            + ", it is now at version "
            + current
            + ")");
  }

  /** A unique name, slug or key is already in use. */
  public static Conflict taken(String field, String value) {
    return new Conflict("already_exists", field + " '" + value + "' is already taken");
  }

  /** Any other clash with the current state, explained in the message. */
  public static Conflict state(String message) {
    return new Conflict("conflict", message);
  }

  @Override
  public String code() {
    return code;
  }
}
