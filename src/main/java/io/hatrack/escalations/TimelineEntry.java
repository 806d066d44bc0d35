package io.hatrack.escalations;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One event in an escalation's timeline: its opening, an internal note, an update to the customer
 * (the first is the first response), a change of status, severity or owner ({@code from} → {@code
 * to}), or a link to a feature or bug ({@code body} names it).
 */
public record TimelineEntry(
    long id,
    long escalationId,
    Kind kind,
    String body,
    String from,
    String to,
    Long actorId,
    String actorName,
    Instant at) {

  public TimelineEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    body = body == null ? "" : body;
  }

  /** The kinds of event. */
  public enum Kind {
    OPENED("Opened"),
    NOTE("Internal note"),
    CUSTOMER_UPDATE("Customer update"),
    STATUS("Status"),
    SEVERITY("Severity"),
    OWNER("Owner"),
    LINK("Link");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
      return label;
    }

    public static Kind of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  /** Whether people wrote it (a note or a customer update) rather than the system recording it. */
  public boolean written() {
    return kind == Kind.NOTE || kind == Kind.CUSTOMER_UPDATE;
  }

  /** A status or severity change read out: "Investigating → Waiting on customer". */
  public String change() {
    if (kind == Kind.STATUS) {
      return label(from) + " \u2192 " + label(to);
    }
    return (from == null ? "none" : from) + " \u2192 " + (to == null ? "none" : to);
  }

  private static String label(String status) {
    return status == null ? "none" : EscalationStatus.parse("status", status).label();
  }
}
