package io.hatrack.discovery.research;

/**
 * A participant as someone wrote it, not yet checked. With a contact and no name, the participant
 * takes the contact's name; a contact needs its customer.
 */
public record ParticipantDraft(
    String name, Long customerId, Long contactId, String role, String notes) {
  public static ParticipantDraft of(String name) {
    return new ParticipantDraft(name, null, null, null, null);
  }
}
