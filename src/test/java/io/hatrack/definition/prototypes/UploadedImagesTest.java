package io.hatrack.definition.prototypes;

import static io.hatrack.definition.prototypes.ScreenImagesForTests.jpeg;
import static io.hatrack.definition.prototypes.ScreenImagesForTests.png;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.prototypes.ScreenSource.ScreenImage;
import io.hatrack.kernel.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UploadedImagesTest {

  private static ScreenImage svg(String text) {
    return UploadedImages.read(text.getBytes(StandardCharsets.UTF_8), null);
  }

  private static String text(ScreenImage image) {
    return new String(image.bytes(), StandardCharsets.UTF_8);
  }

  private static String reason(Runnable upload) {
    try {
      upload.run();
    } catch (Invalid e) {
      return e.reasonFor("image");
    }
    throw new AssertionError("the upload was accepted");
  }

  @Test
  void aPngIsKnownByItsSignatureAndMeasuredFromItsHeader() {
    byte[] bytes = png(390, 844);

    ScreenImage image = UploadedImages.read(bytes, "image/png");

    assertThat(image.contentType()).isEqualTo("image/png");
    assertThat(image.width()).isEqualTo(390);
    assertThat(image.height()).isEqualTo(844);
    assertThat(image.bytes()).isEqualTo(bytes);
  }

  @Test
  void aJpegIsMeasuredFromItsFrameHeaderWhateverItsNameSays() {
    ScreenImage image = UploadedImages.read(jpeg(1280, 720), "application/octet-stream");

    assertThat(image.contentType()).isEqualTo("image/jpeg");
    assertThat(image.width()).isEqualTo(1280);
    assertThat(image.height()).isEqualTo(720);
  }

  @Test
  void aFileLabelledAsAnotherImageTypeIsRefusedAsMislabelled() {
    assertThat(reason(() -> UploadedImages.read(jpeg(10, 10), "image/png")))
        .isEqualTo("is labelled image/png but its content is a JPEG image");
    assertThat(reason(() -> UploadedImages.read(png(10, 10), "image/svg+xml")))
        .isEqualTo("is labelled image/svg+xml but its content is a PNG image");
  }

  @Test
  void emptyUnknownAndOversizeFilesAreRefusedWithTheReason() {
    assertThat(reason(() -> UploadedImages.read(new byte[0], null))).startsWith("is empty");
    assertThat(
            reason(() -> UploadedImages.read("GIF89a....".getBytes(StandardCharsets.UTF_8), null)))
        .isEqualTo("must be a PNG, JPEG or SVG image; this file is none of them");
    byte[] huge = Arrays.copyOf(png(10, 10), UploadedImages.MAX_BYTES + 1);
    assertThat(reason(() -> UploadedImages.read(huge, null)))
        .isEqualTo("is 5.0 MB; the largest accepted is 5 MB");
    byte[] truncated = Arrays.copyOf(png(10, 10), 12);
    assertThat(reason(() -> UploadedImages.read(truncated, null))).contains("not a readable PNG");
    byte[] headless = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};
    assertThat(reason(() -> UploadedImages.read(headless, null))).contains("not a readable JPEG");
  }

  @Test
  void anHtmlPageIsNotTakenForAnSvg() {
    assertThat(reason(() -> svg("<html><body><script>alert(1)</script></body></html>")))
        .isEqualTo("must be a PNG, JPEG or SVG image; this file is none of them");
  }

  @Test
  void anSvgIsMeasuredFromItsWidthAndHeightOrElseItsViewBox() {
    ScreenImage sized =
        svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"390px\" height=\"844\"/>");
    ScreenImage boxed = svg("<?xml version=\"1.0\"?>\n<svg viewBox=\"0 0 1440 900\"></svg>");
    ScreenImage half = svg("<svg width=\"200\" viewBox=\"0,0,400,300\"></svg>");

    assertThat(sized.contentType()).isEqualTo("image/svg+xml");
    assertThat(new int[] {sized.width(), sized.height()}).containsExactly(390, 844);
    assertThat(new int[] {boxed.width(), boxed.height()}).containsExactly(1440, 900);
    assertThat(new int[] {half.width(), half.height()}).containsExactly(200, 150);
    assertThat(text(boxed)).contains("xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(reason(() -> svg("<svg width=\"50%\" height=\"10\"></svg>")))
        .contains("without a size");
  }

  @Test
  void scriptsForeignObjectsEventHandlersAndScriptLinksAreDroppedFromAnSvg() {
    ScreenImage image =
        svg(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " width=\"100\" height=\"50\" onload=\"alert(1)\">"
                + "<script>alert(2)</script><SCRIPT>alert(3)</SCRIPT>"
                + "<foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\">x</body></foreignObject>"
                + "<a href=\"javascript:alert(4)\"><rect width=\"10\" height=\"10\" onclick=\"alert(5)\"/></a>"
                + "<a xlink:href=\" JavaScript:alert(6)\"><circle r=\"3\"/></a>"
                + "<a><animate attributeName=\"href\" to=\"javascript:alert(7)\"/><text>Pay</text></a>"
                + "<image href=\"https://tracker.example/p.png\"/>"
                + "<use href=\"#keep\"/><rect id=\"keep\" fill=\"red\" width=\"1\" height=\"1\"/>"
                + "<!-- a comment --></svg>");

    String clean = text(image);

    assertThat(clean.toLowerCase())
        .doesNotContain("script")
        .doesNotContain("alert")
        .doesNotContain("foreignobject")
        .doesNotContain("onload")
        .doesNotContain("onclick")
        .doesNotContain("tracker.example")
        .doesNotContain("comment");
    assertThat(clean)
        .contains("<use href=\"#keep\"")
        .contains("fill=\"red\"")
        .contains(">Pay</text>");
    assertThat(image.width()).isEqualTo(100);
  }

  @Test
  void embeddedPicturesInAnSvgAreKept() {
    String data = "data:image/png;base64,iVBORw0KGgo=";

    String clean =
        text(svg("<svg width=\"10\" height=\"10\"><image href=\"" + data + "\"/></svg>"));

    assertThat(clean).contains(data);
  }

  @Test
  void entityDeclarationsAreNotExpanded() {
    String clean =
        text(
            svg(
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<svg width=\"10\" height=\"10\"><text>&x;</text></svg>"));

    assertThat(clean).doesNotContain("root:").doesNotContain("DOCTYPE").doesNotContain("ENTITY");
  }

  @Test
  void anImageWithASideLongerThanTheLimitIsRefused() {
    assertThat(reason(() -> svg("<svg width=\"30000\" height=\"10\"/>")))
        .isEqualTo("is 30000 × 10 pixels; the largest accepted side is 20000");
  }
}
