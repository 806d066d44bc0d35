package io.hatrack.discovery.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts of money as Hatrack reads and writes them: exact decimal text such as {@code 125000},
 * {@code 125,000.50} or {@code 1 250 000} in, minor units (a whole number of cents) stored, and
 * text with thousands separators out. No binary floating point anywhere.
 */
public final class Money {
  /** The largest amount accepted, in minor units (ten trillion dollars in cents), so 12 × fits. */
  public static final long MAX_MINOR = 1_000_000_000_000_000L;

  /** The currency a workspace starts with. */
  public static final String DEFAULT_CURRENCY = "USD";

  private static final Pattern AMOUNT =
      Pattern.compile("\\d{1,3}([, _\u00a0]\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?|\\.\\d+");

  private Money() {}

  /**
   * Reads an amount in major units (dollars) as minor units of a currency with {@code digits}
   * fraction digits; an {@link IllegalArgumentException} whose message says why it is not one.
   */
  public static long parse(String text, int digits) {
    String t = text == null ? "" : text.strip();
    if (!AMOUNT.matcher(t).matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not an amount");
    }
    BigDecimal value = new BigDecimal(t.replaceAll("[, _\u00a0]", ""));
    if (value.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" has more decimals than the currency has ("
              + digits
              + (digits == 1 ? " digit" : " digits")
              + ")");
    }
    BigDecimal minor = value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
    if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is larger than Hatrack accepts");
    }
    return minor.longValueExact();
  }

  /**
   * The amount as plain decimal text in major units, e.g. {@code 125000.50}: for JSON and forms.
   */
  public static String plain(long minor, int digits) {
    return BigDecimal.valueOf(minor, digits).toPlainString();
  }

  /**
   * The amount for people: the currency's symbol where it has a well-known one ($, €, £, ¥) or its
   * code, thousands separators, and cents only when there are any, e.g. {@code $125,000} or {@code
   * CHF 1,200.50}.
   */
  public static String display(long minor, Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    BigDecimal value = BigDecimal.valueOf(minor, digits);
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
    if (value.stripTrailingZeros().scale() > 0) {
      format.setMinimumFractionDigits(digits);
      format.setMaximumFractionDigits(digits);
    }
    String symbol = currency.getSymbol(Locale.US);
    if (symbol.equals(currency.getCurrencyCode())) {
      String euroOrYen =
          switch (currency.getCurrencyCode()) {
            case "EUR" -> "\u20ac";
            case "GBP" -> "\u00a3";
            case "JPY" -> "\u00a5";
            default -> null;
          };
      symbol = euroOrYen == null ? currency.getCurrencyCode() + " " : euroOrYen;
    }
    return symbol + format.format(value);
  }

  /** The fraction digits of a currency: 2 for USD, 0 for JPY, 3 for KWD. */
  public static int digits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }
}
