package io.hatrack.kernel.search;

/**
 * Turns the text both databases return with highlighted matches into safe HTML. The databases mark
 * a match with the control characters {@link #OPEN} and {@link #CLOSE} rather than with tags, so
 * that everything else can be escaped afterwards: a document's own {@code <script>} shows as text.
 * Indexed text is {@linkplain #clean cleaned} of these characters first, so only the databases
 * produce them.
 */
public final class Highlights {
  /** Marks the start of a match. */
  public static final char OPEN = '\u0001';

  /** Marks the end of a match. */
  public static final char CLOSE = '\u0002';

  /** Stands for {@code <} in text given to PostgreSQL's ts_headline, which drops HTML tags. */
  public static final char LT = '\u0003';

  /** Stands for {@code >} in text given to ts_headline. */
  public static final char GT = '\u0004';

  private Highlights() {}

  /** The text without the marker characters (and without NUL, which PostgreSQL refuses). */
  public static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= GT) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append(c == 0 ? "" : " ");
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** HTML of marked text: matches in {@code <mark>}, everything else escaped. */
  public static String toHtml(String marked) {
    if (marked == null) {
      return "";
    }
    StringBuilder html = new StringBuilder(marked.length() + 32);
    boolean open = false;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      switch (c) {
        case OPEN -> {
          if (!open) {
            html.append("<mark>");
            open = true;
          }
        }
        case CLOSE -> {
          if (open) {
            html.append("</mark>");
            open = false;
          }
        }
        case LT, '<' -> html.append("&lt;");
        case GT, '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    if (open) {
      html.append("</mark>");
    }
    return html.toString();
  }
}
