package io.hatrack.discovery.research;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The words of Markdown notes as a reader sees them on the rendered page, on one line (no list
 * markers, emphasis or heading signs): what a passage selected on that page is compared with.
 */
final class NotesText {
  private static final Parser PARSER = Parser.builder().build();

  private NotesText() {}

  static String plain(String markdown) {
    StringBuilder out = new StringBuilder();
    PARSER
        .parse(markdown == null ? "" : markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Text text) {
                out.append(text.getLiteral());
              }

              @Override
              public void visit(Code code) {
                out.append(code.getLiteral());
              }

              @Override
              public void visit(FencedCodeBlock block) {
                out.append(' ').append(block.getLiteral()).append(' ');
              }

              @Override
              public void visit(IndentedCodeBlock block) {
                out.append(' ').append(block.getLiteral()).append(' ');
              }

              @Override
              public void visit(HtmlInline html) {
                out.append(html.getLiteral());
              }

              @Override
              public void visit(HtmlBlock html) {
                out.append(' ').append(html.getLiteral()).append(' ');
              }

              @Override
              public void visit(SoftLineBreak br) {
                out.append(' ');
              }

              @Override
              public void visit(HardLineBreak br) {
                out.append(' ');
              }

              @Override
              protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                  out.append(' ');
                }
              }
            });
    return squeeze(out.toString());
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
