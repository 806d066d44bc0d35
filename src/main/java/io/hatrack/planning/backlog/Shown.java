package io.hatrack.planning.backlog;

import io.hatrack.planning.scoring.Rational;
import io.hatrack.planning.scoring.Score;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small formatting helpers for the scoring pages. */
public final class Shown {
  private Shown() {}

  public static String url(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A number without trailing zeros: {@code 5}, {@code 2.5}. */
  public static String number(double d) {
    return ModelScorer.plain(BigDecimal.valueOf(d));
  }

  /** A stored exact value {@code p/q} as shown: exact when finite in decimal, else two places. */
  public static String exact(String pq) {
    if (pq == null || !pq.contains("/")) {
      return "";
    }
    String[] parts = pq.split("/");
    return ModelScorer.plain(
        new Rational(new BigInteger(parts[0]), new BigInteger(parts[1]))
            .toDecimal(Score.DISPLAY_DECIMALS));
  }
}
