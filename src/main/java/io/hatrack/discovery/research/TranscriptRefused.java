package io.hatrack.discovery.research;

/**
 * A transcript file that cannot be read, with the line of the first problem (0 when it concerns the
 * whole file) and the reason in words a person can act on.
 */
public final class TranscriptRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String reason;

  public TranscriptRefused(int line, String reason) {
    super(line > 0 ? "line " + line + ": " + reason : reason);
    this.line = line;
    this.reason = reason;
  }

  /** The line of the problem, from 1; 0 when the problem is the whole file. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
