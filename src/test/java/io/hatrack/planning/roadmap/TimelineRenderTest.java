package io.hatrack.planning.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.planning.roadmap.TimelineLayout.Bar;
import io.hatrack.planning.roadmap.TimelineLayout.Scale;
import io.hatrack.planning.roadmap.TimelineLayout.Timeline;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG and the PNG of a timeline are drawn from the same layout. */
class TimelineRenderTest {
  static final String NASTY = "Cards <script>alert('x')</script> & \"quotes\" \u0001";

  static Timeline timeline() {
    return TimelineLayout.layout(
        List.of(
            new Bar(
                "CHK-1",
                NASTY,
                "Payments & <Risk>",
                LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 3, 20),
                "feature",
                true,
                true,
                3),
            new Bar(
                "CHK-2",
                "Invoice export",
                "Billing",
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28),
                "epic",
                false,
                false,
                1)),
        Scale.MONTH,
        "No team",
        LocalDate.of(2026, 2, 10));
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSvgIsWellFormedEscapesTextAndPlacesBarsWhereTheLayoutSays() throws Exception {
    Timeline t = timeline();
    String svg = TimelineSvg.document(t, "Checkout <roadmap>");

    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(t.width()));
    assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;").doesNotContain("\u0001");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Checkout <roadmap>");
    NodeList rects = doc.getElementsByTagName("rect");
    TimelineLayout.Box first = t.boxes().get(0);
    boolean found = false;
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      if (r.getAttribute("x").equals(Integer.toString(first.x()))
          && r.getAttribute("y").equals(Integer.toString(first.y()))
          && r.getAttribute("width").equals(Integer.toString(first.width()))) {
        found = true;
        assertThat(r.getAttribute("fill")).isEqualTo(first.color());
      }
    }
    assertThat(found).isTrue();
    assertThat(svg).contains("Payments &amp; &lt;Risk&gt;").contains("Jan 2026");
  }

  @Test
  void thePageSvgCarriesWhatDraggingNeedsAndNoStyleAttributes() throws Exception {
    String svg = TimelineSvg.forPage(timeline(), "Roadmap");

    Document doc = parse(svg);
    assertThat(doc.getDocumentElement().getAttribute("data-px-per-day")).isEqualTo("4.0");
    assertThat(svg)
        .contains("data-key=\"CHK-1\"")
        .contains("data-start=\"2026-01-05\"")
        .contains("data-end=\"2026-03-20\"")
        .contains("data-version=\"3\"")
        .contains("bar-warning")
        .doesNotContain("style=")
        .doesNotStartWith("<?xml");
  }

  @Test
  void thePngHasTheLayoutsSizeAndTheBarsColourWhereTheBarIs() throws Exception {
    Timeline t = timeline();
    byte[] png = TimelinePng.render(t);

    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(t.width());
    assertThat(image.getHeight()).isEqualTo(t.height());
    TimelineLayout.Box b = t.boxes().get(1);
    int rgb = image.getRGB(b.x() + b.width() - 3, b.y() + b.height() - 3) & 0xffffff;
    assertThat(rgb).isEqualTo(Integer.parseInt(b.color().substring(1), 16));
    assertThat(image.getRGB(1, t.lanes().get(0).y() + 2) & 0xffffff).isEqualTo(0xffffff);
    assertThat(image.getRGB(1, t.lanes().get(1).y() + 2) & 0xffffff).isEqualTo(0xf9fafb);
  }
}
