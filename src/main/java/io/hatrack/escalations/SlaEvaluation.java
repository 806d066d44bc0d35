package io.hatrack.escalations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SLA clocks of one escalation at an instant, from its status history: both clocks run while it
 * is new or investigating, pause while it waits on the customer, and the resolution clock stops
 * when it is resolved or closed (and runs again when reopened). The first-response clock stops at
 * the first customer update (or when the escalation is resolved without one). Targets are those of
 * the escalation's current severity, counted from when it was opened. Pure.
 */
public final class SlaEvaluation {
  private SlaEvaluation() {}

  /** The escalation entered {@code status} at {@code at}; the first is its opening. */
  public record StatusChange(Instant at, EscalationStatus status) {
    public StatusChange {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * One clock against its target.
   *
   * @param clock {@code first_response} or {@code resolution}
   * @param dueAt when the target is (or was) reached; null while paused or stopped within target
   * @param usedPercent the business time used as a share of the target, in per cent
   */
  public record Reading(
      String clock,
      Duration target,
      Duration elapsed,
      Instant dueAt,
      double usedPercent,
      boolean paused,
      boolean stopped,
      SlaStatus status) {

    /** The business time left before the target (negative once breached). */
    public Duration left() {
      return target.minus(elapsed);
    }
  }

  /** Both clocks of an escalation; {@code responded} when a customer update stopped the first. */
  public record State(Reading firstResponse, Reading resolution, boolean responded) {
    /** The worse of the two clocks, or the resolution's once both stopped. */
    public SlaStatus overall() {
      return firstResponse.status().worst(resolution.status());
    }

    public boolean paused() {
      return resolution.paused();
    }
  }

  /** The clocks at {@code now} under {@code targets} on {@code clock}. */
  public static State evaluate(
      SlaClock clock,
      SlaTargets targets,
      List<StatusChange> history,
      Instant firstResponseAt,
      Instant now) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("an escalation's history starts with its opening");
    }
    EscalationStatus current = history.get(history.size() - 1).status();
    List<SlaClock.Span> running = running(history, now);
    boolean resolved = !current.open();
    boolean paused = !resolved && !current.clockRuns();
    Reading resolution =
        reading(clock, "resolution", targets.resolution(), running, resolved, paused, now);
    boolean responded = firstResponseAt != null && !firstResponseAt.isAfter(now);
    List<SlaClock.Span> untilResponse = responded ? clip(running, firstResponseAt) : running;
    Reading first =
        reading(
            clock,
            "first_response",
            targets.firstResponse(),
            untilResponse,
            responded || resolved,
            paused && !responded,
            now);
    return new State(first, resolution, responded);
  }

  private static Reading reading(
      SlaClock clock,
      String name,
      Duration target,
      List<SlaClock.Span> spans,
      boolean stopped,
      boolean paused,
      Instant now) {
    Duration elapsed = clock.within(spans);
    Instant crossed = clock.reached(spans, target);
    Instant due =
        crossed != null
            ? crossed
            : stopped || paused ? null : clock.plus(now, target.minus(elapsed));
    double used = 100.0 * elapsed.toMillis() / target.toMillis();
    SlaStatus status;
    if (stopped) {
      status = elapsed.compareTo(target) <= 0 ? SlaStatus.MET : SlaStatus.BREACHED;
    } else if (elapsed.compareTo(target) >= 0) {
      status = SlaStatus.BREACHED;
    } else if (used >= SlaStatus.SOON_PERCENT) {
      status = SlaStatus.BREACHING_SOON;
    } else {
      status = SlaStatus.ON_TRACK;
    }
    return new Reading(name, target, elapsed, due, used, paused && !stopped, stopped, status);
  }

  /** The spans in which the clocks ran, up to {@code now}. */
  static List<SlaClock.Span> running(List<StatusChange> history, Instant now) {
    List<SlaClock.Span> out = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      StatusChange c = history.get(i);
      if (!c.status().clockRuns() || !c.at().isBefore(now)) {
        continue;
      }
      Instant end = i + 1 < history.size() ? history.get(i + 1).at() : now;
      if (end.isAfter(now)) {
        end = now;
      }
      if (end.isAfter(c.at())) {
        out.add(new SlaClock.Span(c.at(), end));
      }
    }
    return out;
  }

  private static List<SlaClock.Span> clip(List<SlaClock.Span> spans, Instant until) {
    List<SlaClock.Span> out = new ArrayList<>();
    for (SlaClock.Span s : spans) {
      if (!s.from().isBefore(until)) {
        break;
      }
      out.add(new SlaClock.Span(s.from(), s.to().isAfter(until) ? until : s.to()));
    }
    return out;
  }
}
