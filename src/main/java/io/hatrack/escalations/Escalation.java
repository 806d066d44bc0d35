package io.hatrack.escalations;

import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer in trouble with a product: who ({@code customerId}, a customer of the discovery hat),
 * how bad ({@link Severity}), where it stands ({@link EscalationStatus}), who owns it, and when it
 * was opened, first answered (the first customer update), resolved and closed. Its key, title and
 * version are the shared {@link Item}'s.
 *
 * @param policyId the SLA policy its clocks run on, or null for the workspace's default
 */
public record Escalation(
    Item item,
    long productId,
    long customerId,
    String customerName,
    String customerSegment,
    Severity severity,
    EscalationStatus status,
    Long ownerId,
    String ownerName,
    String description,
    Long policyId,
    Instant openedAt,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt) {

  public Escalation {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
    description = description == null ? "" : description;
    customerSegment = customerSegment == null ? "" : customerSegment;
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The status history the SLA clocks are computed from, out of the timeline (oldest first). */
  public static List<SlaEvaluation.StatusChange> history(
      Instant openedAt, List<TimelineEntry> timeline) {
    List<SlaEvaluation.StatusChange> out = new java.util.ArrayList<>();
    out.add(new SlaEvaluation.StatusChange(openedAt, EscalationStatus.NEW));
    for (TimelineEntry e : timeline) {
      if (e.kind() == TimelineEntry.Kind.STATUS && e.to() != null) {
        out.add(new SlaEvaluation.StatusChange(e.at(), EscalationStatus.parse("status", e.to())));
      }
    }
    return out;
  }
}
