package io.hatrack.definition.wireframes;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How images are sent to the browser, from the API and from pages alike: with their real type, no
 * sniffing, shown inline, and SVGs under a policy that lets them draw (inline styles, embedded
 * pictures) but run nothing, load nothing and act as a document of their own origin (sandbox).
 */
final class ImageAnswers {
  /** The policy of an SVG opened on its own: draw, and nothing else. */
  static final String SVG_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none';"
          + " script-src 'none'; frame-ancestors 'self'; sandbox";

  private ImageAnswers() {}

  /**
   * Sends {@code bytes} as {@code contentType}, named {@code fileName}. {@code immutable} content
   * (a given version) may be cached by the browser for a day; other content is checked each time.
   */
  static void send(
      Context ctx, String contentType, byte[] bytes, String fileName, boolean immutable) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Disposition", "inline; " + filename(fileName));
    ctx.header("Cache-Control", immutable ? "private, max-age=86400" : "private, no-cache");
    if (contentType.startsWith("image/svg+xml")) {
      ctx.header("Content-Security-Policy", SVG_POLICY);
    }
    ctx.contentType(contentType).result(bytes);
  }

  static void svg(Context ctx, byte[] svg, String fileName, boolean immutable) {
    send(ctx, "image/svg+xml", svg, fileName, immutable);
  }

  /** A {@code filename} parameter that is plain ASCII, with the real name for those who read it. */
  static String filename(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    return "filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
