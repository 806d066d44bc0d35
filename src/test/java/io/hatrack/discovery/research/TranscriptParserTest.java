package io.hatrack.discovery.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

  private static Transcript parse(String name, String text) {
    return TranscriptParser.parse(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> texts(Transcript t) {
    return t.segments().stream().map(Segment::text).toList();
  }

  private static List<String> speakers(Transcript t) {
    return t.segments().stream().map(Segment::speaker).toList();
  }

  @Test
  void aWebVttInterviewGivesTimesVoicesAndJoinsTheLinesOfACue() {
    Transcript t =
        parse(
            "interview.vtt",
            """
            WEBVTT - Saved cards interview 3
            Kind: captions
            Language: en

            NOTE Recorded on Zoom, speakers named by hand

            1
            00:00:01.200 --> 00:00:04.000
            <v Ana>Thanks for joining. How do you pay
            when you shop online?</v>

            intro-2
            00:00:04.500 --> 00:00:09.000 align:start position:10%
            <v.loud Lena Fischer>Honestly? I type my card in &amp; hope it works.</v>

            00:01:02.000 --> 00:01:05.250
            <v Ana><i>Every</i> time?</v>
            """);

    assertThat(t.format()).isEqualTo(TranscriptFormat.VTT);
    assertThat(texts(t))
        .containsExactly(
            "Thanks for joining. How do you pay when you shop online?",
            "Honestly? I type my card in & hope it works.",
            "Every time?");
    assertThat(speakers(t)).containsExactly("Ana", "Lena Fischer", "Ana");
    Segment second = t.segments().get(1);
    assertThat(second.position()).isEqualTo(1);
    assertThat(second.startMs()).isEqualTo(4_500);
    assertThat(second.endMs()).isEqualTo(9_000);
    assertThat(t.segments().get(2).startClock()).isEqualTo("1:02");
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreRead() {
    String vtt = "WEBVTT\r\n\r\n00:05.000 --> 00:07.000\r\nLena: It remembers me.\r\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = vtt.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);

    Transcript t = TranscriptParser.parse("call.vtt", bytes);

    assertThat(t.segments()).hasSize(1);
    assertThat(t.segments().get(0).speaker()).isEqualTo("Lena");
    assertThat(t.segments().get(0).text()).isEqualTo("It remembers me.");
    assertThat(t.segments().get(0).startMs()).isEqualTo(5_000);
  }

  @Test
  void aCueThatFollowsAnotherWithoutABlankLineIsStillItsOwnCue() {
    Transcript vtt =
        parse(
            null,
            """
            WEBVTT
            00:00:01.000 --> 00:00:02.000
            <v Ana>First
            00:00:02.000 --> 00:00:03.000
            <v Marco>Second
            """);
    Transcript srt =
        parse(
            "call.srt",
            """
            1
            00:00:01,000 --> 00:00:02,500
            Ana: First
            2
            00:00:02,500 --> 00:00:04,000
            Marco: Second
            """);

    assertThat(texts(vtt)).containsExactly("First", "Second");
    assertThat(speakers(vtt)).containsExactly("Ana", "Marco");
    assertThat(texts(srt)).containsExactly("First", "Second");
    assertThat(speakers(srt)).containsExactly("Ana", "Marco");
    assertThat(srt.segments().get(1).startMs()).isEqualTo(2_500);
  }

  @Test
  void aCueWithTwoVoicesBecomesTwoSegmentsWithTheSameTimes() {
    Transcript t =
        parse(
            "x.vtt",
            """
            WEBVTT

            00:10.000 --> 00:12.000
            <v Ana>Does it save the card?</v>
            <v Grace>Only if I tick the box.</v>
            """);

    assertThat(speakers(t)).containsExactly("Ana", "Grace");
    assertThat(t.segments()).allSatisfy(s -> assertThat(s.startMs()).isEqualTo(10_000));
  }

  @Test
  void subRipIsFoundFromItsContentAndLosesItsFormattingTags() {
    Transcript t =
        parse(
            "upload.txt",
            """
            1
            00:00:00,500 --> 00:00:03,000
            <i>Interviewer:</i> What happened at checkout?

            2
            00:00:03,100 --> 00:00:07,900
            {\\an8}Samir Haddad: The 3-D Secure window
            just spun and the basket was gone.
            """);

    assertThat(t.format()).isEqualTo(TranscriptFormat.SRT);
    assertThat(speakers(t)).containsExactly("Interviewer", "Samir Haddad");
    assertThat(t.segments().get(1).text())
        .isEqualTo("The 3-D Secure window just spun and the basket was gone.");
    assertThat(t.segments().get(1).endMs()).isEqualTo(7_900);
  }

  @Test
  void plainTextSplitsAtSpeakersAndParagraphsAndReadsOptionalTimes() {
    Transcript t =
        parse(
            "notes.txt",
            """
            [00:01:05] Ana: Why did you stop saving cards?
            Lena: After the breach at another shop
            I stopped trusting stores with my card.

            We talked about wallets after that; she uses Apple Pay on her phone.
            12:30 - Ana: And on the laptop?
            """);

    assertThat(t.format()).isEqualTo(TranscriptFormat.TEXT);
    assertThat(speakers(t)).containsExactly("Ana", "Lena", null, "Ana");
    assertThat(texts(t).get(1))
        .isEqualTo("After the breach at another shop I stopped trusting stores with my card.");
    assertThat(t.segments().get(0).startMs()).isEqualTo(65_000);
    assertThat(t.segments().get(1).startMs()).isNull();
    assertThat(t.segments().get(3).startMs()).isEqualTo(750_000);
  }

  @Test
  void aMalformedTimeIsRefusedWithItsLine() {
    assertThatThrownBy(
            () ->
                parse(
                    "a.vtt",
                    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n00:00:3.5 --> 00:00:04.000\nX\n"))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessage("line 6: \u201c00:00:3.5\u201d is not a time (hh:mm:ss.ttt or mm:ss.ttt)");
  }

  @Test
  void aCueThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> parse("a.srt", "1\n00:00:05,000 --> 00:00:01,000\nHi\n"))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessage("line 2: the cue ends (0:01) before it starts (0:05)");
  }

  @Test
  void aVttFileWithoutItsHeaderOrACueWithoutTimingIsRefused() {
    assertThatThrownBy(() -> parse("a.vtt", "00:00:01.000 --> 00:00:02.000\nHi\n"))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessageStartingWith("line 1: a WebVTT file starts with the line WEBVTT");
    assertThatThrownBy(() -> parse("a.vtt", "WEBVTT\n\nintro\nHello there\n"))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessage(
            "line 4: expected a cue timing such as 00:01:02.000 --> 00:01:05.500, found"
                + " \u201cHello there\u201d");
  }

  @Test
  void anSrtBlockWithoutItsNumberOrTimingIsRefused() {
    assertThatThrownBy(() -> parse("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n"))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessage("line 5: subtitle 2 has no timing line after its number");
    assertThatThrownBy(() -> parse("a.srt", "one\n00:00:01,000 --> 00:00:02,000\nHi\n"))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessage("line 1: expected the number of a subtitle, found \u201cone\u201d");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithTheLineOfTheBadByte() {
    byte[] latin1 =
        "WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf16 = "Ana: hi".getBytes(StandardCharsets.UTF_16);

    assertThatThrownBy(() -> TranscriptParser.parse("a.vtt", latin1))
        .isInstanceOf(TranscriptRefused.class)
        .hasMessage("line 4: byte 0xE9 is not UTF-8; save the file as UTF-8 and upload it again");
    assertThatThrownBy(() -> TranscriptParser.parse("a.txt", utf16))
        .hasMessage("the file is UTF-16 text; save it as UTF-8 and upload it again");
    assertThatThrownBy(() -> TranscriptParser.parse("a.bin", new byte[] {'a', 0, 'b'}))
        .hasMessage("line 1: the file holds binary data (a NUL character), not text");
  }

  @Test
  void anEmptyOrOversizedFileIsRefused() {
    byte[] big = new byte[TranscriptParser.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a');

    assertThatThrownBy(() -> TranscriptParser.parse("a.txt", new byte[0]))
        .hasMessage("the file is empty");
    assertThatThrownBy(() -> parse("a.txt", "\n  \n"))
        .hasMessage("the file has no text to read as a transcript");
    assertThatThrownBy(() -> TranscriptParser.parse("a.txt", big))
        .hasMessage(
            "the file is larger than the limit of 2,000,000 bytes (2 MB); split the transcript"
                + " into parts");
  }
}
