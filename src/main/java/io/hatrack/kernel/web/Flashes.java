package io.hatrack.kernel.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Messages carried across a redirect in a short-lived cookie ("Page deleted. Undo"). */
public final class Flashes {
  private static final String COOKIE = "hatrack_flash";

  private Flashes() {}

  public static void success(Context ctx, String message) {
    set(ctx, new Shell.Flash("success", message, null, null));
  }

  public static void error(Context ctx, String message) {
    set(ctx, new Shell.Flash("error", message, null, null));
  }

  /** A success message with a one-click action that posts to {@code actionUrl}. */
  public static void withAction(Context ctx, String message, String actionLabel, String actionUrl) {
    set(ctx, new Shell.Flash("success", message, actionLabel, actionUrl));
  }

  static void set(Context ctx, Shell.Flash flash) {
    String raw =
        String.join(
            "\u001f",
            flash.kind(),
            flash.message(),
            flash.actionLabel() == null ? "" : flash.actionLabel(),
            flash.actionUrl() == null ? "" : flash.actionUrl());
    String value =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    Cookie cookie = new Cookie(COOKIE, value, "/", 60, false, true, null, SameSite.LAX);
    ctx.cookie(cookie);
  }

  /** The pending message, if any, removing it so it shows once. */
  public static Shell.Flash take(Context ctx) {
    String value = ctx.cookie(COOKIE);
    if (value == null || value.isEmpty()) {
      return null;
    }
    ctx.removeCookie(COOKIE, "/");
    try {
      String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      String[] parts = raw.split("\u001f", -1);
      if (parts.length != 4) {
        return null;
      }
      String actionUrl = parts[3].startsWith("/") && !parts[3].startsWith("//") ? parts[3] : null;
      String kind = "error".equals(parts[0]) ? "error" : "success";
      return new Shell.Flash(
          kind, parts[1], parts[2].isEmpty() || actionUrl == null ? null : parts[2], actionUrl);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
