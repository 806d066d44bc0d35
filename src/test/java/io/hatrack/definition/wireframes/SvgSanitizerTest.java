package io.hatrack.definition.wireframes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SvgSanitizerTest {

  private static String clean(String svg) {
    return new String(
        SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).svg(), StandardCharsets.UTF_8);
  }

  private static final String NS = "xmlns=\"http://www.w3.org/2000/svg\"";

  @Test
  void scriptsEventHandlersAndForeignObjectsAreRemovedAndTheDrawingKept() {
    String out =
        clean(
            "<svg "
                + NS
                + " onload=\"alert(1)\" width=\"20\" height=\"10\">"
                + "<script>alert(2)</script>"
                + "<rect width=\"5\" height=\"5\" fill=\"red\" onclick=\"alert(3)\" ONMOUSEOVER=\"x()\"/>"
                + "<foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<script>alert(4)</script></body></foreignObject>"
                + "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(5)</html:script>"
                + "</svg>");

    assertThat(out.toLowerCase()).doesNotContain("script").doesNotContain("alert");
    assertThat(out.toLowerCase()).doesNotContain("onload").doesNotContain("onclick");
    assertThat(out).doesNotContain("foreignObject").doesNotContain("ONMOUSEOVER");
    assertThat(out).contains("<rect").contains("fill=\"red\"");
  }

  @Test
  void linksMayPointInsideTheImageOrAtEmbeddedPicturesOnly() {
    String out =
        clean(
            "<svg "
                + NS
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<a href=\"javascript:alert(1)\"><text>x</text></a>"
                + "<a xlink:href=\" JaVa&#10;Script:alert(1)\"><text>y</text></a>"
                + "<use href=\"#shape\"/>"
                + "<use xlink:href=\"https://evil.example/sprite.svg#a\"/>"
                + "<image href=\"data:image/png;base64,iVBORw0KGgo=\"/>"
                + "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"
                + "<image href=\"file:///etc/passwd\"/>"
                + "<rect fill=\"url(#grad)\" filter=\"url(https://evil.example/f#x)\"/>"
                + "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>"
                + "<animate attributeName=\"opacity\" from=\"0\" to=\"1\"/>"
                + "</svg>");

    assertThat(out.toLowerCase()).doesNotContain("javascript").doesNotContain("script:");
    assertThat(out).contains("href=\"#shape\"").doesNotContain("evil.example");
    assertThat(out).contains("data:image/png;base64").doesNotContain("data:image/svg+xml");
    assertThat(out).doesNotContain("file:").contains("fill=\"url(#grad)\"");
    assertThat(out).doesNotContain("<set").contains("<animate");
  }

  @Test
  void stylesThatImportOrReachOutAreDroppedOthersKept() {
    String out =
        clean(
            "<svg "
                + NS
                + "><style>@import url(https://evil.example/x.css);</style>"
                + "<style>.a { fill: blue }</style>"
                + "<rect style=\"background:url(http://evil.example/t.png)\" class=\"a\"/>"
                + "<rect style=\"stroke:#000;stroke-width:1\"/></svg>");

    assertThat(out).doesNotContain("evil.example").doesNotContain("@import");
    assertThat(out).contains(".a { fill: blue }").contains("style=\"stroke:#000;stroke-width:1\"");
  }

  @Test
  void commentsProcessingInstructionsAndOtherNamespacesGo() {
    String out =
        clean(
            "<?xml version=\"1.0\"?><?xml-stylesheet href=\"https://evil.example/a.css\"?>"
                + "<!-- made by hand --><svg "
                + NS
                + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
                + " inkscape:version=\"1.0\"><!-- secret --><inkscape:thing/><circle r=\"2\"/></svg>");

    assertThat(out).doesNotContain("evil.example").doesNotContain("secret");
    assertThat(out).doesNotContain("made by hand").doesNotContain("inkscape:thing");
    assertThat(out).doesNotContain("inkscape:version").contains("<circle");
  }

  @Test
  void anSvgWithoutNamespaceIsPutInTheSvgNamespace() {
    String out = clean("<svg width=\"4\" height=\"3\"><rect width=\"1\" height=\"1\"/></svg>");

    assertThat(out).containsPattern("<svg [^>]*xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(out).contains("<rect");
    assertThat(out).doesNotContain("xmlns=\"\"");
  }

  @Test
  void theSizeComesFromWidthAndHeightInAnyUnitOrFromTheViewBox() {
    assertThat(size("width=\"120\" height=\"80px\"")).containsExactly(120, 80);
    assertThat(size("width=\"1in\" height=\"72pt\"")).containsExactly(96, 96);
    assertThat(size("viewBox=\"0 0 300 150\"")).containsExactly(300, 150);
    assertThat(size("width=\"600\" viewBox=\"0,0,300,150\"")).containsExactly(600, 300);
    assertThat(size("width=\"100%\" height=\"100%\"")).containsExactly(null, null);
  }

  private static Integer[] size(String attributes) {
    var s =
        SvgSanitizer.sanitize(
            ("<svg " + NS + " " + attributes + "/>").getBytes(StandardCharsets.UTF_8));
    return new Integer[] {s.width(), s.height()};
  }

  @Test
  void entitiesMalformedXmlAndOtherRootsAreRefusedWithAReason() {
    assertThatThrownBy(
            () ->
                clean(
                    "<!DOCTYPE svg [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
                        + "<svg "
                        + NS
                        + ">&lol2;</svg>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entities");
    assertThatThrownBy(() -> clean("<svg " + NS + "><rect></svg>"))
        .hasMessageContaining("not well-formed XML (line 1");
    assertThatThrownBy(() -> clean("<html><body/></html>"))
        .hasMessageContaining("root element is <html>, not <svg>");
  }

  @Test
  void aDoctypeWithoutEntitiesIsAcceptedAndNothingIsFetched() {
    String out =
        clean(
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
                + " \"http://127.0.0.1:9/svg11.dtd\"><svg "
                + NS
                + "><rect/></svg>");

    assertThat(out).contains("<rect").doesNotContain("DOCTYPE");
  }
}
