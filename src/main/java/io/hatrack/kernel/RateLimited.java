package io.hatrack.kernel;

import java.time.Duration;

/** Too many attempts in a short time; the caller may try again after {@link #retryAfter()}. */
public final class RateLimited extends HatrackException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public RateLimited(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String code() {
    return "rate_limited";
  }
}
