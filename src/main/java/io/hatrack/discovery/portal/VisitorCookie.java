package io.hatrack.discovery.portal;

import io.hatrack.kernel.auth.SecretTokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers in a browser the e-mail address its visitor verified, so that they vote and comment
 * without a new mail each time: a cookie holding the address and its expiry, signed with an HMAC
 * under an installation key (so every node checks it and nobody forges it). It lives 30 days and is
 * sent to the portal's pages only.
 */
final class VisitorCookie {
  static final String NAME = "hatrack_portal";
  static final Duration LIFETIME = Duration.ofDays(30);

  private final SecretKeySpec key;
  private final Clock clock;

  VisitorCookie(String installationKey, Clock clock) {
    this.key = new SecretKeySpec(installationKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** The verified address of the request's browser, or null. */
  String email(Context ctx) {
    String value = ctx.cookie(NAME);
    if (value == null) {
      return null;
    }
    String[] parts = value.split("\\.");
    if (parts.length != 3 || !SecretTokens.sameSecret(sign(parts[0] + "." + parts[1]), parts[2])) {
      return null;
    }
    try {
      if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
        return null;
      }
      String email = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
      return Emails.valid(email) ? email : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Remembers {@code email} as verified in the browser of {@code ctx}. */
  void remember(Context ctx, String email) {
    String address =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(email.getBytes(StandardCharsets.UTF_8));
    String payload = address + "." + clock.instant().plus(LIFETIME).getEpochSecond();
    ctx.cookie(
        new Cookie(
            NAME,
            payload + "." + sign(payload),
            "/p/",
            (int) LIFETIME.toSeconds(),
            "https".equals(ctx.scheme()),
            true,
            null,
            SameSite.LAX));
  }

  /** Forgets the verified address ("not you?"). */
  void forget(Context ctx) {
    ctx.removeCookie(NAME, "/p/");
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              mac.doFinal(("portal-visitor:" + payload).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
