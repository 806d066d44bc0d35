package io.hatrack.escalations;

/**
 * Which escalations a list shows: by status ({@code open} for all not resolved or closed, {@code
 * done} for those that are), severity, customer id and owner id; null fields do not filter.
 */
public record EscalationFilter(String status, Severity severity, Long customerId, Long ownerId) {
  public static final EscalationFilter ALL = new EscalationFilter(null, null, null, null);
}
