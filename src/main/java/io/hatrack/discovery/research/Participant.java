package io.hatrack.discovery.research;

/**
 * Someone a study talks to: a name, optionally the workspace's customer (and a contact of that
 * customer) they are, their role and notes. {@code customerName} and {@code contactName} are null
 * when not linked.
 */
public record Participant(
    long id,
    long studyId,
    String name,
    Long customerId,
    String customerName,
    Long contactId,
    String contactName,
    String role,
    String notes,
    long version) {

  /** The name with the company, e.g. "Lena Fischer (Brightwave Retail)". */
  public String label() {
    return customerName == null ? name : name + " (" + customerName + ")";
  }
}
