package io.hatrack.planning.roi;

import io.hatrack.discovery.customers.Money;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * How the ROI pages write numbers: money in the workspace's currency, rounded to whole units with
 * thousands separators (a minus sign before the symbol), rates and shares in per cent, periods with
 * their unit.
 */
public record RoiFormat(Currency currency) {

  public String money(double amount) {
    long whole = Math.round(Math.abs(amount));
    long minor = whole * (long) Math.pow(10, Money.digits(currency));
    return (Math.round(amount) < 0 ? "\u2212" : "") + Money.display(minor, currency);
  }

  /** A fraction as per cent with one decimal, e.g. 0.2808 → "28.1 %". */
  public String percent(Double fraction) {
    return fraction == null ? "\u2013" : decimal(fraction * 100, 1) + " %";
  }

  /** A number that already is in per cent. */
  public String perCent(Double value) {
    return value == null ? "\u2013" : decimal(value, 1) + " %";
  }

  public String periods(Double periods, Periodicity p) {
    if (periods == null) {
      return "never";
    }
    return decimal(periods, 1) + " " + p.unit() + (periods == 1.0 ? "" : "s");
  }

  public String code() {
    return currency.getCurrencyCode();
  }

  private static String decimal(double value, int digits) {
    DecimalFormat f =
        new DecimalFormat(
            digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
            DecimalFormatSymbols.getInstance(Locale.US));
    return f.format(value).replace('-', '\u2212');
  }
}
