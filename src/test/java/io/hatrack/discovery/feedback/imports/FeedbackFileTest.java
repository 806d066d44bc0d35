package io.hatrack.discovery.feedback.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackFileTest {
  private static List<FileRow> all(FeedbackFile.Rows rows) {
    List<FileRow> out = new ArrayList<>();
    rows.forEachRemaining(out::add);
    return out;
  }

  private static FeedbackFile.Rows csv(String text) {
    return FeedbackFile.open(FileFormat.CSV, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FeedbackFile.Rows json(String text) {
    return FeedbackFile.open(FileFormat.JSON, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void csvRowsComeWithTheLineTheyStartOnEvenAfterAQuotedLineBreak() {
    FeedbackFile.Rows rows =
        csv("\ufeffText,Source\n\"Two\nlines\",email\n\nSaved cards please,portal\n");

    List<FileRow> read = all(rows);

    assertThat(rows.columns()).containsExactly("Text", "Source");
    assertThat(read).extracting(FileRow::line).containsExactly(2L, 5L);
    assertThat(read.get(0).text("Text")).isEqualTo("Two\nlines");
    assertThat(read.get(1).text("Source")).isEqualTo("portal");
    assertThat(rows.problems()).isEmpty();
  }

  @Test
  void aRowWithTooManyFieldsIsAProblemOnItsLineAndReadingGoesOn() {
    FeedbackFile.Rows rows = csv("text,source\na,email\nb,email,extra\nc,portal\n");

    List<FileRow> read = all(rows);

    assertThat(read).extracting(r -> r.text("text")).containsExactly("a", "c");
    assertThat(rows.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "line 3: has 3 fields but the header has 2 (a comma too many or too few, or a quote"
                + " not closed?)");
  }

  @Test
  void anUnbalancedQuoteStopsReadingWithTheLineWhereItOpened() {
    FeedbackFile.Rows rows = csv("text,source\nfine,email\n\"never closed,email\nmore,portal\n");

    List<FileRow> read = all(rows);

    assertThat(read).hasSize(1);
    assertThat(rows.problems()).hasSize(1);
    assertThat(rows.problems().get(0).line()).isEqualTo(3);
    assertThat(rows.problems().get(0).message()).contains("quotes do not balance");
  }

  @Test
  void aFileInWindows1252IsRefusedWithTheLineOfTheFirstByteThatIsNotUtf8() {
    byte[] latin1 = "text\nfine\ncaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> FeedbackFile.open(FileFormat.CSV, latin1))
        .isInstanceOfSatisfying(
            FeedbackFile.Refused.class,
            e -> {
              assertThat(e.problems().get(0).line()).isEqualTo(3);
              assertThat(e.problems().get(0).message()).contains("not UTF-8");
            });
  }

  @Test
  void aUtf16FileIsRefusedByItsByteOrderMark() {
    byte[] utf16 = "text\nhello\n".getBytes(StandardCharsets.UTF_16);

    assertThatThrownBy(() -> FeedbackFile.open(FileFormat.CSV, utf16))
        .isInstanceOf(FeedbackFile.Refused.class)
        .hasMessageContaining("UTF-16");
  }

  @Test
  void aHeaderNamingAColumnTwiceIsRefused() {
    assertThatThrownBy(() -> csv("text,Text\na,b\n"))
        .isInstanceOf(FeedbackFile.Refused.class)
        .hasMessage("line 1, column Text: appears twice in the header");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() {
    assertThatThrownBy(() -> FeedbackFile.checkText(new byte[FeedbackFile.MAX_BYTES + 1]))
        .isInstanceOf(FeedbackFile.Refused.class)
        .hasMessageContaining("the limit is 67,108,864 bytes");
  }

  @Test
  void jsonIsReadAsAnArrayOrUnderFeedbackWithTheLineAndColumnOfEveryValue() {
    FeedbackFile.Rows top = json("[{\"text\": \"a\", \"tags\": [\"x\", \"y\"]},\n {\"text\": 5}]");
    FeedbackFile.Rows wrapped =
        json("{\"version\": 2, \"feedback\": [\n  {\"text\": \"b\",\n   \"source\": null}]}");

    List<FileRow> first = all(top);
    List<FileRow> second = all(wrapped);

    assertThat(first).hasSize(2);
    assertThat(first.get(0).cell("tags").items()).containsExactly("x", "y");
    assertThat(first.get(1).text("text")).isEqualTo("5");
    assertThat(first.get(1).record()).isEqualTo(2);
    assertThat(first.get(1).line()).isEqualTo(2);
    assertThat(second.get(0).cell("source").line()).isEqualTo(3);
    assertThat(second.get(0).cell("source").position()).isEqualTo(14);
    assertThat(second.get(0).text("source")).isEmpty();
    assertThat(wrapped.columns()).containsExactly("text", "source");
  }

  @Test
  void brokenJsonNamesTheRecordTheLineAndTheColumn() {
    FeedbackFile.Rows rows = json("[\n {\"text\": \"a\"},\n {\"text\": \"b\" \"source\": 1}\n]");

    List<FileRow> read = all(rows);

    assertThat(read).hasSize(1);
    FileProblem p = rows.problems().get(0);
    assertThat(p.record()).isEqualTo(2);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.position()).isEqualTo(15);
    assertThat(p.toString()).startsWith("record 2 (line 3, column 15): is not valid JSON");
  }

  @Test
  void aJsonRecordThatIsNotAnObjectIsAProblemAndAnythingButAnArrayIsRefused() {
    FeedbackFile.Rows rows = json("[{\"text\": \"a\"}, \"just text\"]");
    all(rows);

    assertThat(rows.problems())
        .extracting(FileProblem::toString)
        .containsExactly("record 2 (line 1, column 17): is a string, not an object of feedback");
    assertThatThrownBy(() -> json("{\"items\": []}"))
        .isInstanceOf(FeedbackFile.Refused.class)
        .hasMessageContaining("under \"feedback\"");
  }
}
