package io.hatrack.discovery.customers;

/**
 * A customer as someone typed it, not yet checked: every field text, the revenue amount in major
 * units (dollars, e.g. {@code 125000} or {@code 10,400.50}) with its period ({@code arr} or {@code
 * mrr}). Blank fields are empty; a blank amount means no revenue known.
 */
public record CustomerDraft(
    String name,
    String externalId,
    String segment,
    String plan,
    String tier,
    String domain,
    String notes,
    String revenueAmount,
    String revenuePeriod) {

  /** A customer with only a name. */
  public static CustomerDraft of(String name) {
    return new CustomerDraft(name, null, null, null, null, null, null, null, null);
  }

  public CustomerDraft withExternalId(String value) {
    return new CustomerDraft(
        name, value, segment, plan, tier, domain, notes, revenueAmount, revenuePeriod);
  }

  /** The same draft in a segment, on a plan and in a tier. */
  public CustomerDraft in(String segmentValue, String planValue, String tierValue) {
    return new CustomerDraft(
        name,
        externalId,
        segmentValue,
        planValue,
        tierValue,
        domain,
        notes,
        revenueAmount,
        revenuePeriod);
  }

  public CustomerDraft withDomain(String value) {
    return new CustomerDraft(
        name, externalId, segment, plan, tier, value, notes, revenueAmount, revenuePeriod);
  }

  public CustomerDraft withNotes(String value) {
    return new CustomerDraft(
        name, externalId, segment, plan, tier, domain, value, revenueAmount, revenuePeriod);
  }

  /** The same draft paying {@code amount} per {@code period} ({@code arr} or {@code mrr}). */
  public CustomerDraft paying(String amount, String period) {
    return new CustomerDraft(name, externalId, segment, plan, tier, domain, notes, amount, period);
  }

  public CustomerDraft withName(String value) {
    return new CustomerDraft(
        value, externalId, segment, plan, tier, domain, notes, revenueAmount, revenuePeriod);
  }
}
