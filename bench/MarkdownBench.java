import io.hatrack.kernel.web.Markdown;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * How much CPU Hatrack's Markdown rendering costs per page and per comment, on the bodies that
 * bench/api-bench.sh seeded; used to explain the read scenario's figures. One thread, after a
 * warm-up; it reports the thread's CPU time per call, so a busy machine does not skew it.
 *
 * <p>Run (with a data directory kept by {@code KEEP_DATA=1 bench/api-bench.sh}):
 * {@code java -cp target/hatrack.jar bench/MarkdownBench.java /tmp/hatrack-bench.XXXX/data/hatrack.db}
 */
public final class MarkdownBench {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp target/hatrack.jar bench/MarkdownBench.java DATA/hatrack.db");
      System.exit(2);
    }
    List<String> pages = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT body FROM page ORDER BY id LIMIT 2000")) {
        while (rs.next()) {
          pages.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT body FROM comment ORDER BY id LIMIT 20000")) {
        while (rs.next()) {
          comments.add(rs.getString(1));
        }
      }
    }
    double avgPage = pages.stream().mapToInt(String::length).average().orElse(0);
    double avgComment = comments.stream().mapToInt(String::length).average().orElse(0);
    System.out.printf(
        "%d page bodies (%.0f chars on average), %d comments (%.0f chars on average)%n",
        pages.size(), avgPage, comments.size(), avgComment);

    Markdown markdown = new Markdown();
    Markdown.Context context = new Markdown.Context(Set.of("bench"), Set.of("BEN"));
    List<Extension> extensions =
        List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlRenderer renderer =
        HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();

    OnePass onePass = new OnePass(renderer, parser);
    int differ = 0;
    for (String t : pages) {
      differ += markdown.render(t, context).equals(onePass.render(t, context)) ? 0 : 1;
    }
    for (String t : comments) {
      differ += markdown.render(t, context).equals(onePass.render(t, context)) ? 0 : 1;
    }
    System.out.printf("one-pass variant: %d of %d outputs differ from Markdown.render%n", differ,
        pages.size() + comments.size());

    long sink = 0;
    for (int round = 0; round < 3; round++) {
      boolean report = round == 2;
      sink += time("Markdown.render, page body", pages, t -> markdown.render(t, context), report);
      sink += time("Markdown.render, comment", comments, t -> markdown.render(t, context), report);
      sink += time("one-pass variant, page body", pages, t -> onePass.render(t, context), report);
      sink += time("one-pass variant, comment", comments, t -> onePass.render(t, context), report);
      sink += time(
          "CommonMark only (no jsoup), page body", pages, t -> renderer.render(parser.parse(t)), report);
      sink += time(
          "CommonMark only (no jsoup), comment", comments, t -> renderer.render(parser.parse(t)), report);
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static long time(
      String what, List<String> inputs, java.util.function.Function<String, String> f, boolean report) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    long started = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    int n = 0;
    // At least two seconds per measure, so that the JIT has settled.
    while (System.nanoTime() - started < 2_000_000_000L) {
      for (String t : inputs) {
        sink += f.apply(t).length();
        n++;
      }
    }
    // CPU time of this thread, which does not depend on what else the machine is doing.
    double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n;
    if (report) {
      System.out.printf("%-42s %8.1f us of CPU per call (%d calls)%n", what, micros, n);
    }
    return sink;
  }

  /**
   * The change proposed for {@code Markdown.render}: the same steps and the same allow-list, but
   * the HTML is parsed once (the cleaner works on the parsed document instead of serialising it
   * and parsing it again) and the {@code a[href]} selector is compiled once instead of per call.
   */
  static final class OnePass {
    private static final java.util.regex.Pattern REFERENCE =
        java.util.regex.Pattern.compile(
            "(?<![\\w@./])@([a-z0-9][a-z0-9_]{0,29})\\b|\\b([A-Z][A-Z0-9]{1,9})-(\\d{1,9})\\b");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Set<String> SKIP = Set.of("a", "code", "pre");
    private final HtmlRenderer renderer;
    private final Parser parser;
    private final Cleaner cleaner;

    OnePass(HtmlRenderer renderer, Parser parser) {
      this.renderer = renderer;
      this.parser = parser;
      this.cleaner =
          new Cleaner(
              Safelist.relaxed()
                  .addTags("del", "hr", "s")
                  .addAttributes("a", "class", "rel")
                  .addAttributes("span", "class")
                  .addAttributes("th", "align")
                  .addAttributes("td", "align")
                  .addAttributes("code", "class")
                  .addProtocols("img", "src", "http", "https")
                  .preserveRelativeLinks(true));
    }

    String render(String markdown, Markdown.Context context) {
      String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
      Document doc = Jsoup.parseBodyFragment(html, "https://hatrack.invalid/");
      linkReferences(doc.body(), context);
      for (Element a : doc.select(LINKS)) {
        String href = a.attr("href");
        if (href.startsWith("http://") || href.startsWith("https://")) {
          a.attr("rel", "nofollow noopener noreferrer");
        }
      }
      return cleaner.clean(doc).body().html();
    }

    private static void linkReferences(Element root, Markdown.Context context) {
      List<TextNode> texts = new ArrayList<>();
      collect(root, texts);
      for (TextNode text : texts) {
        String value = text.getWholeText();
        java.util.regex.Matcher m = REFERENCE.matcher(value);
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
        } else if (child instanceof Element e && !SKIP.contains(e.tagName())) {
          collect(e, texts);
        }
      }
    }
  }
}
