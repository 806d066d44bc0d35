package io.hatrack.kernel.web;

import io.hatrack.kernel.HatrackException;

/** The request carries no valid session or API token. */
public final class Unauthenticated extends HatrackException {
  private static final long serialVersionUID = 1L;

  public Unauthenticated(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "unauthorized";
  }
}
