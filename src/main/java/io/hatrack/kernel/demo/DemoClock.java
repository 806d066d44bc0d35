package io.hatrack.kernel.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a demo being seeded: the seed story moves it through the past weeks, so that the
 * demo's activity, comments and notifications read like real history rather than all "just now".
 * Only the seeding process uses it; the server that serves the demo runs on the system clock.
 */
public final class DemoClock extends Clock {
  private final Instant now;
  private volatile Instant current;

  public DemoClock(Instant now) {
    this.now = now;
    this.current = now;
  }

  /** Moves the clock to {@code ago} before the real now, e.g. {@code daysAgo(12)}. */
  public void set(Duration ago) {
    current = now.minus(ago);
  }

  /** Moves the clock a little forward, so that consecutive events keep their order. */
  public void tick(Duration step) {
    current = current.plus(step);
    if (current.isAfter(now)) {
      current = now;
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return current;
  }
}
