package io.hatrack.discovery.customers;

import io.hatrack.kernel.work.Item;
import java.util.Objects;

/**
 * A customer: a company that pays for the workspace's products, shared by all of them. Its
 * identity, name (the title) and version are the shared {@link Item}'s, which has no product.
 *
 * @param externalId the customer's id in another system (a CRM), unique in the workspace; how a CSV
 *     re-import recognises it; or null
 * @param revenue what it pays, or null when unknown
 */
public record Customer(
    Item item,
    String externalId,
    String segment,
    String plan,
    String tier,
    String domain,
    String notes,
    Revenue revenue) {
  public Customer {
    Objects.requireNonNull(item, "item");
    segment = segment == null ? "" : segment;
    plan = plan == null ? "" : plan;
    tier = tier == null ? "" : tier;
    domain = domain == null ? "" : domain;
    notes = notes == null ? "" : notes;
  }

  public long id() {
    return item.id();
  }

  public String name() {
    return item.title();
  }

  public long version() {
    return item.version();
  }
}
