package io.hatrack.escalations;

/**
 * What creating or changing an escalation asks for, as typed: the customer (id, external id or
 * name), title, description, severity (S1–S4) and owner (a handle or id). When changing, null
 * fields keep their value; a blank owner takes the owner off.
 */
public record EscalationDraft(
    String customer, String title, String description, String severity, String owner) {

  public static EscalationDraft of(String customer, String title, String severity) {
    return new EscalationDraft(customer, title, null, severity, null);
  }

  public EscalationDraft ownedBy(String handle) {
    return new EscalationDraft(customer, title, description, severity, handle);
  }

  public EscalationDraft describedAs(String text) {
    return new EscalationDraft(customer, title, text, severity, owner);
  }
}
