package io.hatrack.discovery.customers;

import java.util.Currency;

/** A workspace's discovery settings: the one currency its revenue figures are in. */
public record CustomerSettings(long workspaceId, Currency currency, long version) {
  /** The ISO 4217 code, e.g. {@code USD}. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  public int digits() {
    return Money.digits(currency);
  }

  /** An amount in this currency for people, e.g. {@code $125,000}. */
  public String display(long minor) {
    return Money.display(minor, currency);
  }

  /** An amount in this currency as plain decimal text, e.g. {@code 125000.00}. */
  public String plain(long minor) {
    return Money.plain(minor, digits());
  }
}
