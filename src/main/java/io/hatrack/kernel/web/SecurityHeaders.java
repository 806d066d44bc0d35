package io.hatrack.kernel.web;

import io.javalin.http.Context;

/**
 * Headers that make the browser refuse what Hatrack never does: scripts or styles from elsewhere or
 * inline, being framed, guessing content types, leaking addresses in the Referer.
 */
public final class SecurityHeaders {
  /** Same-origin scripts, styles and images only; no inline script, no framing, no plugins. */
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  public static void apply(Context ctx) {
    // A handler may have set a stricter policy of its own (an uploaded SVG served on its own).
    if (ctx.res().getHeader("Content-Security-Policy") == null) {
      ctx.header("Content-Security-Policy", CSP);
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!ctx.path().startsWith("/assets/") && ctx.res().getHeader("Cache-Control") == null) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
