package io.hatrack.definition.wireframes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hatrack.kernel.Invalid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadedImageTest {

  @Test
  void aPngIsRecognisedFromItsBytesWithItsSize() {
    UploadedImage image = UploadedImage.inspect("mock.png", Images.png(40, 30));

    assertThat(image.type()).isEqualTo(UploadedImage.Type.PNG);
    assertThat(image.type().contentType()).isEqualTo("image/png");
    assertThat(image.width()).isEqualTo(40);
    assertThat(image.height()).isEqualTo(30);
    assertThat(image.bytes()).isEqualTo(Images.png(40, 30));
  }

  @Test
  void aJpegIsRecognisedWhateverItsAcceptedExtension() {
    assertThat(UploadedImage.inspect("photo.jpg", Images.jpeg(16, 9)).type())
        .isEqualTo(UploadedImage.Type.JPEG);
    assertThat(UploadedImage.inspect("photo.JPEG", Images.jpeg(16, 9)).width()).isEqualTo(16);
  }

  @Test
  void aNameWhoseExtensionClaimsAnotherTypeIsRefusedWithWhatTheFileReallyIs() {
    assertThatThrownBy(() -> UploadedImage.inspect("photo.png", Images.jpeg(4, 4)))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("photo.png is a JPEG image, not a PNG image")
        .hasMessageContaining("name it photo.jpg");
    assertThatThrownBy(() -> UploadedImage.inspect("diagram.svg", Images.png(4, 4)))
        .hasMessageContaining("diagram.svg is a PNG image, not an SVG image");
    assertThatThrownBy(() -> UploadedImage.inspect("notes.txt", Images.png(4, 4)))
        .hasMessageContaining("notes.txt is a PNG image, but its name ends in .txt");
    Invalid invalid =
        catchThrowableOfType(Invalid.class, () -> UploadedImage.inspect("a.jpg", Images.png(2, 2)));
    assertThat(invalid.errors()).extracting(e -> e.field()).containsExactly("file");
  }

  @Test
  void theDeclaredTypeAndNameNeverMakeAFileAnImage() {
    assertThatThrownBy(
            () ->
                UploadedImage.inspect(
                    "evil.png", "#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("evil.png is not a PNG, JPEG or SVG image");
    assertThatThrownBy(() -> UploadedImage.inspect("anim.gif", "GIF89a....".getBytes()))
        .hasMessageContaining("anim.gif is a GIF image; only PNG, JPEG and SVG");
    assertThatThrownBy(() -> UploadedImage.inspect("spec.png", "%PDF-1.7".getBytes()))
        .hasMessageContaining("is a PDF document");
    assertThatThrownBy(() -> UploadedImage.inspect("page.svg", "<html><p>hi</p></html>".getBytes()))
        .hasMessageContaining("page.svg is XML whose root element is <html>");
  }

  @Test
  void aTruncatedPngIsRefusedAsUnreadable() {
    byte[] png = Images.png(10, 10);
    byte[] cut = java.util.Arrays.copyOf(png, 12);

    assertThatThrownBy(() -> UploadedImage.inspect("cut.png", cut))
        .hasMessageContaining("cut.png starts like a PNG image but cannot be read");
  }

  @Test
  void anSvgIsSanitisedAndMeasured() {
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 48\" onload=\"alert(1)\">"
            + "<script>alert(1)</script><rect width=\"64\" height=\"48\"/></svg>";

    UploadedImage image = UploadedImage.inspect("icon.svg", svg.getBytes(StandardCharsets.UTF_8));

    assertThat(image.type()).isEqualTo(UploadedImage.Type.SVG);
    String stored = new String(image.bytes(), StandardCharsets.UTF_8);
    assertThat(stored).doesNotContain("script").doesNotContain("onload").contains("<rect");
    assertThat(image.width()).isEqualTo(64);
    assertThat(image.height()).isEqualTo(48);
  }

  @Test
  void foldersInTheNameAreDroppedAndANameWithoutExtensionIsKept() {
    assertThat(UploadedImage.inspect("C:\\fakepath\\mock.png", Images.png(2, 2)).name())
        .isEqualTo("mock.png");
    assertThat(UploadedImage.inspect("../../etc/mock", Images.png(2, 2)).name()).isEqualTo("mock");
    assertThatThrownBy(() -> UploadedImage.inspect("  ", Images.png(2, 2)))
        .hasMessageContaining("needs a file name");
    assertThatThrownBy(() -> UploadedImage.inspect("empty.png", new byte[0]))
        .hasMessageContaining("empty.png is empty");
  }
}
