package io.hatrack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move forward by hand, to reach expiry times (sessions, links, invitations)
 * without waiting. It starts at the real time, cut to milliseconds because that is what the
 * database stores, and only ever moves forward so that rows keep their order.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  public MutableClock() {
    this(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock forward by {@code step}. */
  public void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward");
    }
    now.updateAndGet(t -> t.plus(step));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
