package io.hatrack.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque position in a listing, handed to API clients as {@code next_cursor}: a few numbers
 * (such as a time and an id) encoded so that clients treat it as a token, not as data.
 */
public final class Cursor {
  private Cursor() {}

  public static String encode(long... parts) {
    StringBuilder text = new StringBuilder();
    for (long part : parts) {
      if (text.length() > 0) {
        text.append('.');
      }
      text.append(part);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The numbers of a cursor, which must have {@code count} of them; an {@link Invalid} naming the
   * {@code cursor} parameter otherwise.
   */
  public static long[] decode(String cursor, int count) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      String[] pieces = text.split("\\.");
      if (pieces.length != count) {
        throw new IllegalArgumentException("wrong number of parts");
      }
      long[] parts = new long[count];
      for (int i = 0; i < count; i++) {
        parts[i] = Long.parseLong(pieces[i]);
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw Invalid.field("cursor", "is not a cursor that this listing gave out");
    }
  }
}
