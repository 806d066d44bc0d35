package io.hatrack.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownTest {
  private static final Markdown.Context NORTHWIND =
      new Markdown.Context(Set.of("ana", "ben"), Set.of("CHK", "MOB"));

  private final Markdown markdown = new Markdown();

  private Document render(String source) {
    return Jsoup.parseBodyFragment(markdown.render(source, NORTHWIND));
  }

  private static boolean hasEventHandler(Element element) {
    return element.attributes().asList().stream()
        .map(Attribute::getKey)
        .anyMatch(name -> name.toLowerCase().startsWith("on"));
  }

  @Test
  void rawHtmlIsShownAsTextNeverRun() {
    String html = markdown.render("Hello <script>alert('x')</script> <b>bold</b>", NORTHWIND);

    assertThat(html).doesNotContain("<script").doesNotContain("<b>");
    assertThat(html).contains("&lt;script&gt;").contains("&lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void rawHtmlBlocksAreEscapedToo() {
    Document doc =
        render("<div onclick=\"steal()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>");

    assertThat(doc.select("div, iframe")).isEmpty();
    assertThat(doc.body().text()).contains("<iframe");
  }

  @Test
  void javascriptLinksLoseTheirTarget() {
    String html =
        markdown.render(
            "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " <javascript:alert(2)>",
            NORTHWIND);

    Document doc = Jsoup.parseBodyFragment(html);
    assertThat(doc.select("a")).hasSize(3);
    assertThat(doc.select("a"))
        .extracting(a -> a.attr("href").toLowerCase())
        .noneMatch(href -> href.contains("javascript:") || href.startsWith("data:"));
    assertThat(doc.body().text()).startsWith("click data");
  }

  @Test
  void noElementKeepsAnEventHandlerOrStyle() {
    Document doc =
        render(
            "<img src=x onerror=alert(1)>\n\n"
                + "![pic](https://img.example/a.png \"t\\\" onload=\\\"x\")\n\n"
                + "<a href=\"https://ok.example\" onmouseover=\"x()\" style=\"color:red\">a</a>");

    assertThat(doc.body().getAllElements()).noneMatch(MarkdownTest::hasEventHandler);
    assertThat(doc.select("[style]")).isEmpty();
    assertThat(doc.select("img"))
        .singleElement()
        .satisfies(img -> assertThat(img.attr("src")).isEqualTo("https://img.example/a.png"));
  }

  @Test
  void mentionsOfMembersAreMarkedAndOthersLeftAlone() {
    Document doc = render("Thanks @ana and @zed, cc @ben.");

    assertThat(doc.select("span.mention"))
        .extracting(Element::text)
        .containsExactly("@ana", "@ben");
    assertThat(doc.body().text()).isEqualTo("Thanks @ana and @zed, cc @ben.");
  }

  @Test
  void keysOfKnownProductsBecomeLinksToTheItem() {
    Document doc = render("See CHK-42 and MOB-7, not XYZ-1 or CHK-X.");

    assertThat(doc.select("a.item-key"))
        .extracting(a -> a.attr("href"), Element::text)
        .containsExactly(tuple("/i/CHK-42", "CHK-42"), tuple("/i/MOB-7", "MOB-7"));
    assertThat(doc.body().text()).isEqualTo("See CHK-42 and MOB-7, not XYZ-1 or CHK-X.");
  }

  @Test
  void codeIsLeftExactlyAsWritten() {
    Document doc =
        render("Inline `@ana CHK-1 <b>` here.\n\n```\n@ben MOB-2 <script>x</script>\n```\n");

    assertThat(doc.select("span.mention, a.item-key")).isEmpty();
    assertThat(doc.select("p > code").text()).isEqualTo("@ana CHK-1 <b>");
    assertThat(doc.select("pre > code").first().wholeText())
        .isEqualTo("@ben MOB-2 <script>x</script>\n");
  }

  @Test
  void emailAddressesAreNotMentions() {
    Document doc = render("Mail ana@example.com or @ana.");

    assertThat(doc.select("span.mention")).extracting(Element::text).containsExactly("@ana");
  }

  @Test
  void outsideLinksOpenWithoutPassingOnTheReferrer() {
    Document doc = render("[docs](https://docs.example/page) and [item](/i/CHK-1)");

    assertThat(doc.select("a[href^=https]"))
        .singleElement()
        .satisfies(a -> assertThat(a.attr("rel")).isEqualTo("nofollow noopener noreferrer"));
    assertThat(doc.select("a[href=/i/CHK-1]"))
        .singleElement()
        .satisfies(a -> assertThat(a.attr("rel")).doesNotContain("noreferrer"));
  }

  @Test
  void tablesAndStrikethroughRender() {
    Document doc = render("| Bet | Owner |\n| --- | --- |\n| Cards | @ana |\n\n~~old~~");

    assertThat(doc.select("table td")).extracting(Element::text).containsExactly("Cards", "@ana");
    assertThat(doc.select("td span.mention")).hasSize(1);
    assertThat(doc.select("del").text()).isEqualTo("old");
  }

  @Test
  void withoutContextNothingIsLinked() {
    String html = markdown.render("@ana CHK-1", Markdown.Context.NONE);

    assertThat(html).isEqualTo("<p>@ana CHK-1</p>");
  }

  @Test
  void anExcerptIsPlainTextCutAtAWord() {
    assertThat(markdown.excerpt("# Title\n\nSome **bold** words <b>here</b>", 100))
        .isEqualTo("Title Some bold words <b>here</b>");
    assertThat(markdown.excerpt("one two three four", 10)).isEqualTo("one two\u2026");
    assertThat(markdown.excerpt(null, 10)).isEmpty();
  }

  @Test
  void disguisedScriptAddressesAreRemovedToo() {
    Document doc =
        render(
            "[a](JaVaScRiPt:alert(1)) [b](java&#x73;cript:alert(2)) ![c](javascript:alert(3))"
                + " [d](vbscript:msgbox) [e](\"><script>alert(4)</script>)");

    assertThat(doc.select("a[href], img[src]"))
        .extracting(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
        .allSatisfy(url -> assertThat(url.toLowerCase()).doesNotContain("script:"));
    // The quote cannot break out of the attribute: no element is made from it.
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.body().select("*"))
        .extracting(Element::tagName)
        .containsOnly("body", "p", "a", "img");
  }

  @Test
  void mentionsInsideLinkTextStayText() {
    Document doc = render("[ask @ana about CHK-1](https://example.com/x)");

    assertThat(doc.select("span.mention, a.item-key")).isEmpty();
    assertThat(doc.select("a").text()).isEqualTo("ask @ana about CHK-1");
  }
}
