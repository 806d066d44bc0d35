package io.hatrack.definition.prototypes;

import io.hatrack.definition.prototypes.ScreenSource.ScreenImage;
import io.javalin.http.Context;

/**
 * Sends a screen's image: its own content type, never sniffed, and for SVG a policy that forbids
 * scripts, loading anything and any same-origin access, should someone open the file by itself.
 */
final class ScreenImageAnswer {
  /** The policy of an SVG opened on its own: styles inside it only, nothing else. */
  static final String SVG_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

  private ScreenImageAnswer() {}

  static void send(Context ctx, ScreenImage image) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "private, max-age=300");
    if (image.contentType().startsWith("image/svg")) {
      ctx.header("Content-Security-Policy", SVG_POLICY);
      ctx.header("Content-Disposition", "inline; filename=\"screen.svg\"");
    }
    ctx.contentType(image.contentType()).result(image.bytes());
  }
}
