package io.hatrack.kernel.work;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for URL slugs and product keys, and how to propose one from a name. */
public final class Slugs {
  /** Lowercase letters, digits and inner dashes, 2 to 40 characters, with at least one letter. */
  public static final Pattern SLUG =
      Pattern.compile("^(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$");

  /** An uppercase letter then 1 to 9 uppercase letters or digits, e.g. {@code CHK}. */
  public static final Pattern KEY = Pattern.compile("^[A-Z][A-Z0-9]{1,9}$");

  public static final String SLUG_RULE =
      "must be 2-40 lowercase letters, digits or inner dashes, with at least one letter";
  public static final String KEY_RULE =
      "must be 2-10 uppercase letters or digits, starting with a letter (e.g. CHK)";

  /** Words that name pages of the app and so cannot name a workspace or product. */
  private static final Set<String> RESERVED =
      Set.of(
          "new",
          "settings",
          "members",
          "teams",
          "tokens",
          "activity",
          "audit",
          "notifications",
          "search",
          "products",
          "api",
          "p",
          "w",
          "i",
          "assets",
          "health",
          "metrics",
          "login",
          "logout",
          "setup",
          "invite",
          "reset",
          "admin",
          "palette",
          "markdown");

  private Slugs() {}

  public static boolean reserved(String slug) {
    return RESERVED.contains(slug);
  }

  /** A slug proposed from a name, e.g. "Northwind Labs" gives {@code northwind-labs}. */
  public static String fromName(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    if (!SLUG.matcher(slug).matches() || reserved(slug)) {
      slug = ("x-" + slug).replaceAll("-+$", "");
      if (slug.length() < 3) {
        slug = "x-1";
      }
    }
    return slug;
  }

  /**
   * A product key proposed from a name: the initials of several words, or the first three letters
   * of one word, e.g. "Checkout" gives {@code CHE} and "Mobile App" gives {@code MA}.
   */
  public static String keyFromName(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT);
    String[] words = ascii.replaceAll("[^A-Z0-9 ]", " ").trim().split("\\s+");
    StringBuilder key = new StringBuilder();
    if (words.length > 1) {
      for (String word : words) {
        if (!word.isEmpty() && key.length() < 4) {
          key.append(word.charAt(0));
        }
      }
    } else if (!words[0].isEmpty()) {
      key.append(words[0], 0, Math.min(3, words[0].length()));
    }
    String proposal = key.toString();
    if (!KEY.matcher(proposal).matches()) {
      proposal = ("P" + proposal + "X").replaceAll("[^A-Z0-9]", "");
      proposal = proposal.length() > 10 ? proposal.substring(0, 10) : proposal;
    }
    return proposal;
  }
}
