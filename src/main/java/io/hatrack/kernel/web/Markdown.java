package io.hatrack.kernel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Renders user Markdown to HTML that is safe to put in a page: raw HTML in the source is escaped,
 * the output is cleaned with an allow-list (no scripts, event handlers, styles or {@code
 * javascript:} URLs can survive), and {@code @mentions} of members and item keys such as {@code
 * CHK-42} become links.
 */
public final class Markdown {
  /** Who and what may be linked: the members' handles and the product keys of a workspace. */
  public record Context(Set<String> handles, Set<String> productKeys) {
    public static final Context NONE = new Context(Set.of(), Set.of());
  }

  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?<![\\w@./])@([a-z0-9][a-z0-9_]{0,29})\\b|\\b([A-Z][A-Z0-9]{1,9})-(\\d{1,9})\\b");

  private static final Set<String> NOT_LINKED_INSIDE = Set.of("a", "code", "pre");
  private static final String BASE = "https://hatrack.invalid/";
  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final Cleaner cleaner;

  public Markdown() {
    List<Extension> extensions =
        List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer =
        HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    Safelist safelist =
        Safelist.relaxed()
            .addTags("del", "hr", "s")
            .addAttributes("a", "class", "rel")
            .addAttributes("span", "class")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("code", "class")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);
    this.cleaner = new Cleaner(safelist);
  }

  /** Safe HTML for {@code markdown}, linking the mentions and keys that {@code context} knows. */
  public String render(String markdown, Context context) {
    String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
    Document doc = Jsoup.parseBodyFragment(html, BASE);
    linkReferences(doc.body(), context);
    for (Element a : doc.select(LINKS)) {
      String href = a.attr("href");
      if (href.startsWith("http://") || href.startsWith("https://")) {
        a.attr("rel", "nofollow noopener noreferrer");
      }
    }
    // Clean the parsed document itself, rather than serialising and parsing it again.
    return cleaner.clean(doc).body().html();
  }

  private static void linkReferences(Element root, Context context) {
    List<TextNode> texts = new ArrayList<>();
    collect(root, texts);
    for (TextNode text : texts) {
      String value = text.getWholeText();
      Matcher m = REFERENCE.matcher(value);
      List<Node> replacement = new ArrayList<>();
      int last = 0;
      while (m.find()) {
        Node link = null;
        if (m.group(1) != null && context.handles().contains(m.group(1))) {
          link = new Element("span").addClass("mention").text("@" + m.group(1));
        } else if (m.group(2) != null && context.productKeys().contains(m.group(2))) {
          String key = m.group(2) + "-" + m.group(3);
          link = new Element("a").attr("href", "/i/" + key).addClass("item-key").text(key);
        }
        if (link != null) {
          if (m.start() > last) {
            replacement.add(new TextNode(value.substring(last, m.start())));
          }
          replacement.add(link);
          last = m.end();
        }
      }
      if (!replacement.isEmpty()) {
        if (last < value.length()) {
          replacement.add(new TextNode(value.substring(last)));
        }
        for (Node node : replacement) {
          text.before(node);
        }
        text.remove();
      }
    }
  }

  private static void collect(Element element, List<TextNode> texts) {
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode t) {
        texts.add(t);
      } else if (child instanceof Element e && !NOT_LINKED_INSIDE.contains(e.tagName())) {
        collect(e, texts);
      }
    }
  }

  /** Plain text of {@code markdown}, shortened to about {@code max} characters, for previews. */
  public String excerpt(String markdown, int max) {
    String text =
        Jsoup.parse(renderer.render(parser.parse(markdown == null ? "" : markdown))).text();
    return text.length() <= max
        ? text
        : text.substring(0, max).replaceAll("\\s+\\S*$", "") + "\u2026";
  }
}
