package io.hatrack.kernel.web;

import io.hatrack.kernel.HatrackException;

/** A request that cannot even be read: malformed JSON, a body that is too large, and the like. */
public final class BadRequest extends HatrackException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final int status;

  public BadRequest(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  @Override
  public String code() {
    return code;
  }
}
