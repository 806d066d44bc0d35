package io.hatrack.discovery.portal;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as the portal keeps them: trimmed and in lower case. */
final class Emails {
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

  /** The longest address accepted (RFC 5321's path limit). */
  static final int MAX = 254;

  private Emails() {}

  static String normalise(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  static boolean valid(String normalised) {
    return normalised != null && normalised.length() <= MAX && EMAIL.matcher(normalised).matches();
  }
}
