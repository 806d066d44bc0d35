package io.hatrack.kernel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders user Markdown to HTML that is safe to put in a page, in one pass over CommonMark's tree:
 * raw HTML in the source is escaped (never passed through), link and image addresses are limited to
 * http, https and mailto, attributes are always escaped, and {@code @mentions} of members and item
 * keys such as {@code CHK-42} become links. Outside links get {@code rel="nofollow noopener
 * noreferrer"}. The page's Content-Security-Policy forbids inline script as a second line of
 * defence.
 */
public final class Markdown {
  /** Who and what may be linked: the members' handles and the product keys of a workspace. */
  public record Context(Set<String> handles, Set<String> productKeys) {
    public static final Context NONE = new Context(Set.of(), Set.of());
  }

  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?<![\\w@./])@([a-z0-9][a-z0-9_]{0,29})\\b|\\b([A-Z][A-Z0-9]{1,9})-(\\d{1,9})\\b");

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final TextContentRenderer text;

  public Markdown() {
    List<Extension> extensions =
        List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> Markdown::linkAttributes)
            .nodeRendererFactory(MentionRenderer::new)
            .build();
    this.text = TextContentRenderer.builder().extensions(extensions).build();
  }

  /** Safe HTML for {@code markdown}, linking the mentions and keys that {@code context} knows. */
  public String render(String markdown, Context context) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    if (!context.handles().isEmpty() || !context.productKeys().isEmpty()) {
      linkReferences(document, context);
    }
    return renderer.render(document).stripTrailing();
  }

  /** Plain text of {@code markdown}, shortened to about {@code max} characters, for previews. */
  public String excerpt(String markdown, int max) {
    String plain =
        text.render(parser.parse(markdown == null ? "" : markdown)).replaceAll("\\s+", " ").trim();
    return plain.length() <= max
        ? plain
        : plain.substring(0, max).replaceAll("\\s+\\S*$", "") + "\u2026";
  }

  private static void linkAttributes(Node node, String tag, Map<String, String> attributes) {
    if (node instanceof Link link) {
      String href = link.getDestination();
      if (href.startsWith("/i/")) {
        attributes.put("class", "item-key");
      } else if (href.startsWith("http://") || href.startsWith("https://")) {
        attributes.put("rel", "nofollow noopener noreferrer");
      }
    } else if (node instanceof Image) {
      attributes.put("loading", "lazy");
    }
  }

  /** Replaces known mentions and item keys in text (never in code or links) by their nodes. */
  private static void linkReferences(Node document, Context context) {
    List<Text> texts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            texts.add(text);
          }

          @Override
          public void visit(Link link) {
            // The words of a link already point somewhere.
          }
        });
    for (Text text : texts) {
      String value = text.getLiteral();
      Matcher m = REFERENCE.matcher(value);
      int last = 0;
      boolean changed = false;
      while (m.find()) {
        Node replacement = null;
        if (m.group(1) != null && context.handles().contains(m.group(1))) {
          replacement = new Mention(m.group(1));
        } else if (m.group(2) != null && context.productKeys().contains(m.group(2))) {
          String key = m.group(2) + "-" + m.group(3);
          Link link = new Link("/i/" + key, null);
          link.appendChild(new Text(key));
          replacement = link;
        }
        if (replacement != null) {
          if (m.start() > last) {
            text.insertBefore(new Text(value.substring(last, m.start())));
          }
          text.insertBefore(replacement);
          last = m.end();
          changed = true;
        }
      }
      if (changed) {
        if (last < value.length()) {
          text.insertBefore(new Text(value.substring(last)));
        }
        text.unlink();
      }
    }
  }

  /** A mention of a member, {@code @ana}. */
  static final class Mention extends CustomNode {
    private final String handle;

    Mention(String handle) {
      this.handle = handle;
    }
  }

  /** Writes a mention as {@code <span class="mention">@ana</span>}, escaped like any text. */
  private static final class MentionRenderer implements NodeRenderer {
    private final HtmlWriter html;

    MentionRenderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Mention.class);
    }

    @Override
    public void render(Node node) {
      html.tag("span", Map.of("class", "mention"));
      html.text("@" + ((Mention) node).handle);
      html.tag("/span");
    }
  }
}
