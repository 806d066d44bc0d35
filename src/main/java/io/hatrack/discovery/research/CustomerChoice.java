package io.hatrack.discovery.research;

/**
 * A customer of the workspace, with one of its contacts (or none: {@code contactId} null), as a
 * participant may be chosen.
 */
public record CustomerChoice(
    long customerId, String customerName, Long contactId, String contactName, String contactRole) {

  /** The form value: {@code customerId:contactId}, or {@code customerId:} for the company. */
  public String value() {
    return customerId + ":" + (contactId == null ? "" : contactId);
  }

  /** How the choice reads, e.g. "Brightwave Retail — Lena Fischer, VP Digital Commerce". */
  public String label() {
    if (contactId == null) {
      return customerName;
    }
    return customerName
        + " \u2014 "
        + contactName
        + (contactRole == null || contactRole.isBlank() ? "" : ", " + contactRole);
  }
}
