package io.hatrack.escalations;

import io.hatrack.kernel.Invalid;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an escalation stands: new → investigating → waiting on customer ⇄ investigating → resolved
 * → closed, with reopening (resolved or closed back to investigating). The SLA clocks run while it
 * is new or investigating, pause while waiting on the customer, and stop when it is resolved.
 */
public enum EscalationStatus {
  NEW("New"),
  INVESTIGATING("Investigating"),
  WAITING_ON_CUSTOMER("Waiting on customer"),
  RESOLVED("Resolved"),
  CLOSED("Closed");

  private final String label;

  EscalationStatus(String label) {
    this.label = label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** Whether the SLA clocks run in this status. */
  public boolean clockRuns() {
    return this == NEW || this == INVESTIGATING;
  }

  /** Whether the escalation still needs work (not resolved or closed). */
  public boolean open() {
    return this != RESOLVED && this != CLOSED;
  }

  /** The statuses one may move to from this one. */
  public Set<EscalationStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(INVESTIGATING, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
      case INVESTIGATING -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
      case WAITING_ON_CUSTOMER -> EnumSet.of(INVESTIGATING, RESOLVED, CLOSED);
      case RESOLVED -> EnumSet.of(CLOSED, INVESTIGATING);
      case CLOSED -> EnumSet.of(INVESTIGATING);
    };
  }

  public boolean mayMoveTo(EscalationStatus to) {
    return next().contains(to);
  }

  /** Parses an API or form value such as {@code waiting_on_customer}. */
  public static EscalationStatus parse(String field, String value) {
    if (value != null) {
      String v = value.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      for (EscalationStatus s : values()) {
        if (s.id().equals(v)) {
          return s;
        }
      }
    }
    throw Invalid.field(
        field, "must be one of new, investigating, waiting_on_customer, resolved, closed");
  }
}
