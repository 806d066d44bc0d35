package io.hatrack.kernel.web;

import io.hatrack.kernel.auth.SecretTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens bound to the browser's session (or, before sign-in, to an anonymous cookie): the
 * token is an HMAC of that cookie's secret under an installation key, so every node can check it
 * without storing anything, and a page of another site can neither read nor forge it.
 */
public final class Csrf {
  /** The form field that carries the token. */
  public static final String FIELD = "_csrf";

  /** The header that carries the token on htmx and fetch requests. */
  public static final String HEADER = "X-CSRF-Token";

  private final SecretKeySpec key;

  public Csrf(String installationKey) {
    this.key = new SecretKeySpec(installationKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The token for pages served to the holder of {@code cookieSecret}. */
  public String tokenFor(String cookieSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(cookieSecret.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  /** Whether {@code token} is the one issued to the holder of {@code cookieSecret}. */
  public boolean valid(String cookieSecret, String token) {
    return cookieSecret != null && SecretTokens.sameSecret(tokenFor(cookieSecret), token);
  }
}
