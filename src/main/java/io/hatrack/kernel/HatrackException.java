package io.hatrack.kernel;

/**
 * Base of the few exceptions that services throw to say why a request cannot be served. The web
 * layer maps each one, in one place, to an HTTP status and a stable machine-readable code.
 */
public abstract class HatrackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected HatrackException(String message) {
    super(message);
  }

  /** A stable, machine-readable code such as {@code not_found}; part of the public API. */
  public abstract String code();
}
