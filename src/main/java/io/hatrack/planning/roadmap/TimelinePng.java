package io.hatrack.planning.roadmap;

import io.hatrack.planning.roadmap.TimelineLayout.Box;
import io.hatrack.planning.roadmap.TimelineLayout.Lane;
import io.hatrack.planning.roadmap.TimelineLayout.Tick;
import io.hatrack.planning.roadmap.TimelineLayout.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Timeline} as a PNG with Java2D, headless, in the same places and colours as {@link
 * TimelineSvg}.
 */
public final class TimelinePng {
  /** The largest picture drawn, in pixels, so that a huge roadmap cannot exhaust the memory. */
  static final long MAX_PIXELS = 40_000_000L;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private TimelinePng() {}

  public static byte[] render(Timeline t) {
    int width = t.width();
    int height = (int) Math.min(t.height(), Math.max(1, MAX_PIXELS / Math.max(1, width)));
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
      Font bold = plain.deriveFont(Font.BOLD);
      fill(g, Color.WHITE, 0, 0, width, height);
      fill(g, Color.decode(TimelineSvg.HEAD), 0, 0, width, TimelineLayout.HEADER);
      int i = 0;
      for (Lane lane : t.lanes()) {
        if (i++ % 2 == 1) {
          fill(g, Color.decode(TimelineSvg.BAND), 0, lane.y(), width, lane.height());
        }
        g.setFont(bold);
        g.setColor(Color.decode(TimelineSvg.INK));
        g.drawString(lane.shownLabel(), 8, lane.y() + TimelineLayout.LANE_PAD + 16);
        g.setColor(Color.decode(TimelineSvg.GRID));
        g.drawLine(0, lane.y() + lane.height(), width, lane.y() + lane.height());
      }
      g.setFont(plain);
      for (Tick tick : t.ticks()) {
        g.setColor(Color.decode(TimelineSvg.GRID));
        g.drawLine(tick.x(), 0, tick.x(), height);
        g.setColor(Color.decode(TimelineSvg.MUTED));
        g.drawString(tick.label(), tick.x() + 6, 21);
      }
      g.setColor(Color.decode(TimelineSvg.MUTED));
      g.drawLine(TimelineLayout.GUTTER, 0, TimelineLayout.GUTTER, height);
      if (t.todayX() != null) {
        g.setColor(Color.decode(TimelineSvg.TODAY));
        g.drawLine(t.todayX(), TimelineLayout.HEADER, t.todayX(), height);
      }
      for (Box b : t.boxes()) {
        g.setColor(Color.decode(b.color()));
        g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 6, 6);
        if (b.warning()) {
          g.setColor(Color.decode(TimelineSvg.WARN));
          g.setStroke(
              new BasicStroke(
                  2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 2f}, 0f));
          g.drawRoundRect(b.x(), b.y(), b.width(), b.height(), 6, 6);
          g.setStroke(new BasicStroke(1f));
        }
        if (!b.label().isEmpty()) {
          g.setColor(Color.WHITE);
          g.drawString(b.label(), b.x() + 4, b.y() + 13);
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void fill(Graphics2D g, Color color, int x, int y, int w, int h) {
    g.setColor(color);
    g.fillRect(x, y, w, h);
  }
}
