package io.hatrack.cli;

/** A command could not do its work; the message is the one line the user sees. */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandFailure(String message) {
    super(message);
  }
}
