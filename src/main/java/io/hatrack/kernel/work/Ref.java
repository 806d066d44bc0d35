package io.hatrack.kernel.work;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a URL or an API call uses to name something: a numeric id, a slug, or an item key such as
 * {@code CHK-42}. Every {@code {workspace}}, {@code {product}} and item parameter accepts these.
 */
public record Ref(String text) {
  private static final Pattern ITEM_KEY =
      Pattern.compile("^([A-Za-z][A-Za-z0-9]{1,9})-(\\d{1,18})$");

  /** The id, when the reference is a plain number. */
  public OptionalLong id() {
    if (text != null
        && !text.isEmpty()
        && text.length() <= 18
        && text.chars().allMatch(Character::isDigit)) {
      return OptionalLong.of(Long.parseLong(text));
    }
    return OptionalLong.empty();
  }

  /** The product key of an item key ({@code CHK} of {@code CHK-42}), or null. */
  public String productKey() {
    Matcher m = ITEM_KEY.matcher(text == null ? "" : text);
    return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
  }

  /** The number of an item key (42 of {@code CHK-42}), or null. */
  public Long number() {
    Matcher m = ITEM_KEY.matcher(text == null ? "" : text);
    return m.matches() ? Long.parseLong(m.group(2)) : null;
  }

  /** The reference as a slug (lowercased). */
  public String slug() {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
