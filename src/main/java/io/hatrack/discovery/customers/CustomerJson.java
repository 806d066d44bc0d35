package io.hatrack.discovery.customers;

import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of customers, contacts, revenue and imports in the API. */
public final class CustomerJson {
  private CustomerJson() {}

  /**
   * Revenue in the workspace's currency: {@code amount} as given (exact decimal text) for its
   * {@code period}, and {@code arr}, the same per year (12 × MRR); {@code *_minor} in minor units.
   */
  public record RevenueJson(
      String amount,
      long amountMinor,
      String period,
      String currency,
      String arr,
      long arrMinor,
      String display,
      String arrDisplay) {
    static RevenueJson of(Revenue r, CustomerSettings s) {
      return r == null
          ? null
          : new RevenueJson(
              s.plain(r.minor()),
              r.minor(),
              r.period().id(),
              s.currencyCode(),
              s.plain(r.arrMinor()),
              r.arrMinor(),
              s.display(r.minor()) + " " + r.period().label(),
              s.display(r.arrMinor()) + " ARR");
    }
  }

  /** A person at a customer. */
  public record ContactJson(
      long id,
      long customerId,
      String name,
      String email,
      String role,
      String phone,
      long version) {
    static ContactJson of(Contact c) {
      return new ContactJson(
          c.id(), c.customerId(), c.name(), c.email(), c.role(), c.phone(), c.version());
    }
  }

  /** A customer, with its contacts when read alone. */
  public record CustomerItemJson(
      long id,
      String kind,
      String name,
      String externalId,
      String segment,
      String plan,
      String tier,
      String domain,
      String notes,
      RevenueJson revenue,
      List<ContactJson> contacts,
      long version,
      long workspaceId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {
    static CustomerItemJson of(Customer c, List<Contact> contacts, CustomerSettings s) {
      Item i = c.item();
      return new CustomerItemJson(
          i.id(),
          CustomerService.KIND,
          i.title(),
          c.externalId(),
          c.segment(),
          c.plan(),
          c.tier(),
          c.domain(),
          c.notes(),
          RevenueJson.of(c.revenue(), s),
          contacts == null ? null : contacts.stream().map(ContactJson::of).toList(),
          i.version(),
          i.workspaceId(),
          i.createdBy(),
          i.createdAt(),
          i.updatedBy(),
          i.updatedAt(),
          "/i/" + i.id());
    }
  }

  /**
   * Adding a customer. {@code revenue_amount} is exact decimal text in the workspace's currency
   * (e.g. {@code "125000"} or {@code "10400.50"}), with {@code revenue_period} {@code arr} or
   * {@code mrr}; leave both out when the revenue is not known.
   */
  public record CustomerInput(
      String name,
      String externalId,
      String segment,
      String plan,
      String tier,
      String domain,
      String notes,
      String revenueAmount,
      String revenuePeriod) {
    CustomerDraft toDraft() {
      return new CustomerDraft(
          name, externalId, segment, plan, tier, domain, notes, revenueAmount, revenuePeriod);
    }
  }

  /** Adding or changing a contact; on PATCH, absent fields are kept. */
  public record ContactInput(String name, String email, String role, String phone) {}

  /** A workspace's discovery settings. */
  public record SettingsJson(String currency, int fractionDigits, long version) {
    static SettingsJson of(CustomerSettings s) {
      return new SettingsJson(s.currencyCode(), s.digits(), s.version());
    }
  }

  /** Changing the currency (ISO 4217, e.g. EUR). */
  public record SettingsInput(String currency) {}

  /** What a customer import did (or, on a dry run, would do). */
  public record ImportJson(
      int rows, int created, int updated, int unchanged, boolean saved, boolean dryRun) {}
}
