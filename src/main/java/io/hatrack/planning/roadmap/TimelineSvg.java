package io.hatrack.planning.roadmap;

import io.hatrack.planning.roadmap.TimelineLayout.Box;
import io.hatrack.planning.roadmap.TimelineLayout.Lane;
import io.hatrack.planning.roadmap.TimelineLayout.Tick;
import io.hatrack.planning.roadmap.TimelineLayout.Timeline;

/**
 * Draws a {@link Timeline} as SVG: standalone (the export, with an XML declaration) or for the
 * roadmap page, where each bar also carries its key, dates and version for dragging. Colours are
 * presentation attributes, never {@code style}, so that the page's Content-Security-Policy allows
 * them; every text is escaped.
 */
public final class TimelineSvg {
  /** The colours both renderers use. */
  static final String INK = "#1f2937";

  static final String MUTED = "#6b7280";
  static final String GRID = "#e5e7eb";
  static final String BAND = "#f9fafb";
  static final String HEAD = "#f3f4f6";
  static final String TODAY = "#dc2626";
  static final String WARN = "#f59e0b";

  private TimelineSvg() {}

  /** The SVG document of the export. */
  public static String document(Timeline t, String title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + draw(t, title, false);
  }

  /** The SVG element of the roadmap page, with data attributes for dragging bars. */
  public static String forPage(Timeline t, String title) {
    return draw(t, title, true);
  }

  private static String draw(Timeline t, String title, boolean page) {
    StringBuilder s = new StringBuilder(256 + t.boxes().size() * 420);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(t.width())
        .append("\" height=\"")
        .append(t.height())
        .append("\" viewBox=\"0 0 ")
        .append(t.width())
        .append(' ')
        .append(t.height())
        .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\"");
    if (page) {
      s.append(" class=\"timeline-svg\" role=\"img\" aria-labelledby=\"timeline-title\"")
          .append(" data-px-per-day=\"")
          .append(t.pxPerDay())
          .append("\" data-from=\"")
          .append(t.from())
          .append('"');
    }
    s.append(">\n<title id=\"timeline-title\">").append(escape(title)).append("</title>\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(t.width())
        .append("\" height=\"")
        .append(t.height())
        .append("\" fill=\"#ffffff\"/>\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(t.width())
        .append("\" height=\"")
        .append(TimelineLayout.HEADER)
        .append("\" fill=\"")
        .append(HEAD)
        .append("\"/>\n");
    int i = 0;
    for (Lane lane : t.lanes()) {
      if (i++ % 2 == 1) {
        rect(s, 0, lane.y(), t.width(), lane.height(), BAND);
      }
      s.append("<text x=\"8\" y=\"")
          .append(lane.y() + TimelineLayout.LANE_PAD + 16)
          .append("\" fill=\"")
          .append(INK)
          .append("\" font-weight=\"bold\">")
          .append(escape(lane.shownLabel()))
          .append("<title>")
          .append(escape(lane.label() + " (" + lane.bars() + ")"))
          .append("</title></text>\n");
      line(s, 0, lane.y() + lane.height(), t.width(), lane.y() + lane.height(), GRID);
    }
    for (Tick tick : t.ticks()) {
      line(s, tick.x(), 0, tick.x(), t.height(), GRID);
      s.append("<text x=\"")
          .append(tick.x() + 6)
          .append("\" y=\"21\" fill=\"")
          .append(MUTED)
          .append("\">")
          .append(escape(tick.label()))
          .append("</text>\n");
    }
    line(s, TimelineLayout.GUTTER, 0, TimelineLayout.GUTTER, t.height(), MUTED);
    if (t.todayX() != null) {
      line(s, t.todayX(), TimelineLayout.HEADER, t.todayX(), t.height(), TODAY);
    }
    for (Box b : t.boxes()) {
      bar(s, b, page);
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void bar(StringBuilder s, Box b, boolean page) {
    s.append("<g");
    if (page) {
      s.append(" class=\"bar")
          .append(b.warning() ? " bar-warning" : "")
          .append("\" tabindex=\"0\" data-key=\"")
          .append(escape(b.key()))
          .append("\" data-start=\"")
          .append(b.start())
          .append("\" data-end=\"")
          .append(b.end())
          .append("\" data-version=\"")
          .append(b.version())
          .append('"');
    }
    s.append(">\n<title>")
        .append(escape(b.key() + " " + b.title() + ": " + b.start() + " to " + b.end()))
        .append(b.isPublic() ? " (public)" : "")
        .append(b.warning() ? " \u2013 starts before an item it depends on ends" : "")
        .append("</title>\n<rect x=\"")
        .append(b.x())
        .append("\" y=\"")
        .append(b.y())
        .append("\" width=\"")
        .append(b.width())
        .append("\" height=\"")
        .append(b.height())
        .append("\" rx=\"3\" fill=\"")
        .append(b.color())
        .append('"');
    if (b.warning()) {
      s.append(" stroke=\"").append(WARN).append("\" stroke-width=\"2\" stroke-dasharray=\"4 2\"");
    }
    s.append("/>\n");
    if (!b.label().isEmpty()) {
      s.append("<text x=\"")
          .append(b.x() + 4)
          .append("\" y=\"")
          .append(b.y() + 13)
          .append("\" fill=\"#ffffff\">")
          .append(escape(b.label()))
          .append("</text>\n");
    }
    s.append("</g>\n");
  }

  private static void rect(StringBuilder s, int x, int y, int w, int h, String fill) {
    s.append("<rect x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>\n");
  }

  private static void line(StringBuilder s, int x1, int y1, int x2, int y2, String stroke) {
    s.append("<line x1=\"")
        .append(x1)
        .append("\" y1=\"")
        .append(y1)
        .append("\" x2=\"")
        .append(x2)
        .append("\" y2=\"")
        .append(y2)
        .append("\" stroke=\"")
        .append(stroke)
        .append("\"/>\n");
  }

  /** Text as XML character data or attribute value; characters XML forbids are dropped. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              out.append(c);
            }
          }
        }
      }
    }
    return out.toString();
  }
}
