package io.hatrack.delivery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.delivery.imports.source.SourceText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  private static String read(byte[] bytes) throws IOException {
    ImportFile file = ImportFile.of("f", bytes);
    try (Reader r = SourceText.detect(file).open(file)) {
      StringBuilder out = new StringBuilder();
      for (int c = r.read(); c >= 0; c = r.read()) {
        out.append((char) c);
      }
      return out.toString();
    }
  }

  @Test
  void utf8WithOrWithoutAByteOrderMarkIsReadAsUtf8() throws IOException {
    byte[] plain = "Grüße\n".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);

    assertThat(SourceText.detect(ImportFile.of("f", plain)).label()).isEqualTo("UTF-8");
    assertThat(SourceText.detect(ImportFile.of("f", bom)).label())
        .isEqualTo("UTF-8 with a byte-order mark");
    assertThat(read(bom)).isEqualTo("Grüße\n");
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsWindows1252AndTheNoteNamesTheLine() throws IOException {
    byte[] latin = "a\nb\nCaf\u00e9 \u20ac\n".getBytes(SourceText.WINDOWS_1252);

    SourceText text = SourceText.detect(ImportFile.of("f", latin));

    assertThat(text.label()).isEqualTo("Windows-1252");
    assertThat(text.note()).contains("not UTF-8 (from line 3)");
    assertThat(read(latin)).isEqualTo("a\nb\nCafé €\n");
  }

  @Test
  void utf16WithAMarkIsReadAndNulBytesWithoutOneAreRefused() throws IOException {
    byte[] utf16 = "\uFEFFhé".getBytes(StandardCharsets.UTF_16LE);

    assertThat(read(utf16)).isEqualTo("hé");
    assertThatThrownBy(
            () ->
                SourceText.detect(ImportFile.of("f", "a\u0000b".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(SourceText.Unreadable.class)
        .hasMessageContaining("NUL bytes");
    assertThatThrownBy(() -> SourceText.detect(ImportFile.of("f", new byte[0])))
        .hasMessageContaining("empty");
  }
}
