package io.hatrack.discovery.research;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The words of Markdown notes as a reader sees them, on one line: what a passage highlighted on a
 * rendered page is compared with.
 */
final class NotesText {
  private static final Parser PARSER = Parser.builder().build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private NotesText() {}

  static String plain(String markdown) {
    return squeeze(TEXT.render(PARSER.parse(markdown == null ? "" : markdown)));
  }

  /** Runs of white space as one space, trimmed; curly quotes as straight ones. */
  static String squeeze(String text) {
    return text.replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('\u201c', '"')
        .replace('\u201d', '"')
        .replaceAll("[\\s\\u00A0]+", " ")
        .strip();
  }
}
