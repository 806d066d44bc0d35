package io.hatrack.definition.prototypes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real image files, made on the spot, for tests that upload screens. */
public final class ScreenImagesForTests {
  private ScreenImagesForTests() {}

  /** A PNG of this size, filled with one colour. */
  public static byte[] png(int width, int height) {
    return encode("png", width, height, BufferedImage.TYPE_INT_ARGB);
  }

  /** A JPEG of this size, filled with one colour. */
  public static byte[] jpeg(int width, int height) {
    return encode("jpg", width, height, BufferedImage.TYPE_INT_RGB);
  }

  private static byte[] encode(String format, int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x4f46e5));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A small SVG of this size with a title. */
  public static byte[] svg(int width, int height, String title) {
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + width
            + "\" height=\""
            + height
            + "\"><rect width=\"100%\" height=\"100%\" fill=\"#eef\"/><text x=\"10\" y=\"30\">"
            + title
            + "</text></svg>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
