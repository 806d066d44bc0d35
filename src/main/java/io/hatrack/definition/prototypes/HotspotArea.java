package io.hatrack.definition.prototypes;

import io.hatrack.kernel.Validation;

/**
 * Where a hotspot sits on its screen: a rectangle whose left, top, width and height are fractions
 * (0 to 1) of the screen's width and height, so that it stays on its button at any display size.
 * Always inside the screen and never empty.
 */
public record HotspotArea(double x, double y, double w, double h) {
  /**
   * How far past the screen's right or bottom edge a rectangle may reach and still be taken (and
   * cut at the edge): what rounding a drawn rectangle to a few decimals can add.
   */
  static final double TOLERANCE = 1e-6;

  public HotspotArea {
    if (!(x >= 0 && x < 1 && y >= 0 && y < 1 && w > 0 && h > 0)
        || x + w > 1 + TOLERANCE
        || y + h > 1 + TOLERANCE) {
      throw new IllegalArgumentException(
          "a hotspot lies inside its screen: " + x + ", " + y + ", " + w + ", " + h);
    }
    w = Math.min(w, 1 - x);
    h = Math.min(h, 1 - y);
  }

  /**
   * The area with these fractions of the screen, each of which must be given; an {@link
   * io.hatrack.kernel.Invalid} naming every field that is missing or puts the rectangle outside the
   * screen.
   */
  public static HotspotArea of(Double x, Double y, Double w, Double h) {
    Validation v = new Validation();
    required(v, "x", x);
    required(v, "y", y);
    required(v, "w", w);
    required(v, "h", h);
    v.orThrow();
    v.check("x", x >= 0 && x < 1, "must be at least 0 and less than 1 (a fraction of the width)")
        .check(
            "y", y >= 0 && y < 1, "must be at least 0 and less than 1 (a fraction of the height)")
        .check("w", w > 0, "must be more than 0: a hotspot needs a width")
        .check("h", h > 0, "must be more than 0: a hotspot needs a height")
        .orThrow();
    v.check("w", x + w <= 1 + TOLERANCE, "reaches past the right edge of the screen (x + w > 1)")
        .check(
            "h", y + h <= 1 + TOLERANCE, "reaches past the bottom edge of the screen (y + h > 1)")
        .orThrow();
    return new HotspotArea(x, y, w, h);
  }

  private static void required(Validation v, String field, Double value) {
    v.check(field, value != null, "is required")
        .check(field, value == null || Double.isFinite(value), "must be a number");
  }

  /** This area with the given fractions changed (null keeps one), checked as a whole. */
  public HotspotArea with(Double newX, Double newY, Double newW, Double newH) {
    return of(
        newX == null ? x : newX,
        newY == null ? y : newY,
        newW == null ? w : newW,
        newH == null ? h : newH);
  }

  /** Whether the point (fractions of the screen) lies inside the area. */
  public boolean contains(double px, double py) {
    return px >= x && px <= x + w && py >= y && py <= y + h;
  }
}
