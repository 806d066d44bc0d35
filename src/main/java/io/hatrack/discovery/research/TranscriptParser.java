package io.hatrack.discovery.research;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an interview transcript from a file: plain text, WebVTT or SubRip (SRT), told apart by the
 * content first and the file name's extension second. Only UTF-8 is accepted (a byte-order mark is
 * skipped); Windows and old Mac line ends are read as well as Unix ones.
 *
 * <p>Speakers are taken from WebVTT voice spans ({@code <v Ana>...</v>}) or from a name and a colon
 * at the start of a passage ({@code Ana: ...}). WebVTT cue settings, identifiers, NOTE, STYLE and
 * REGION blocks are skipped, SubRip and WebVTT formatting tags removed, lines of one cue joined. A
 * cue that follows the previous one without the blank line between them is still read as its own
 * cue. Anything else that breaks the format is refused with its line and the reason.
 */
public final class TranscriptParser {
  /** The largest transcript file accepted, in bytes. */
  public static final int MAX_BYTES = 2_000_000;

  /** The most segments one transcript may have. */
  public static final int MAX_SEGMENTS = 20_000;

  private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)[ \\t]+-->[ \\t]+(\\S+)(.*)$");
  private static final Pattern VTT_TIME =
      Pattern.compile("^(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})$");
  private static final Pattern SRT_TIME =
      Pattern.compile("^(\\d{1,3}):([0-5]?\\d):([0-5]?\\d)[,.](\\d{1,3})$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)*(?:[ \\t]+([^>]*))?>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>|\\{\\\\[^}]*}");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-z]+);");
  private static final Pattern SPEAKER =
      Pattern.compile(
          "^(\\p{L}[\\p{L}\\p{M}\\p{N}'.\\-]*(?: [\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'.\\-]*){0,3}):\\s+(\\S.*)$");
  private static final Pattern TEXT_TIME =
      Pattern.compile(
          "^[\\[(]?((?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?)[\\])]?(?:\\s*[-–]\\s*|\\s+)(\\S.*)$");
  private static final Pattern DIGITS = Pattern.compile("^\\d+$");

  private TranscriptParser() {}

  /** One line of the file with its number from 1. */
  private record Line(int number, String text) {}

  /**
   * Reads {@code bytes} (the file called {@code fileName}, which may be null) as a transcript.
   *
   * @throws TranscriptRefused naming the line and the reason when the file cannot be read
   */
  public static Transcript parse(String fileName, byte[] bytes) {
    String text = decode(bytes);
    List<Line> lines = lines(text);
    TranscriptFormat format = detect(fileName, lines);
    List<Segment> segments =
        switch (format) {
          case VTT -> vtt(lines);
          case SRT -> srt(lines);
          case TEXT -> plain(lines);
        };
    if (segments.isEmpty()) {
      throw new TranscriptRefused(0, "the file has no text to read as a transcript");
    }
    if (segments.size() > MAX_SEGMENTS) {
      throw new TranscriptRefused(
          0,
          String.format(
              Locale.ROOT, "the transcript has more than %,d passages; split it", MAX_SEGMENTS));
    }
    List<Segment> numbered = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      numbered.add(segments.get(i).at(i));
    }
    return new Transcript(format, numbered);
  }

  /** The explanation of the size limit, for callers that refuse a file before reading it. */
  public static String tooLarge() {
    return String.format(
        Locale.ROOT,
        "the file is larger than the limit of %,d bytes (2 MB); split the transcript into parts",
        MAX_BYTES);
  }

  // ---- Bytes to lines ---------------------------------------------------------------------------

  private static String decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new TranscriptRefused(0, "the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new TranscriptRefused(0, tooLarge());
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new TranscriptRefused(
          0, "the file is UTF-16 text; save it as UTF-8 and upload it again");
    }
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new TranscriptRefused(
          lineOf(bytes, at),
          String.format(
              Locale.ROOT,
              "byte 0x%02X is not UTF-8; save the file as UTF-8 and upload it again",
              bytes[at] & 0xFF));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new TranscriptRefused(
          lineOfText(text, nul), "the file holds binary data (a NUL character), not text");
    }
    return text;
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineOfText(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static List<Line> lines(String text) {
    String[] parts = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Line> lines = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      lines.add(new Line(i + 1, parts[i]));
    }
    return lines;
  }

  private static TranscriptFormat detect(String fileName, List<Line> lines) {
    String ext = extension(fileName);
    String first = lines.isEmpty() ? "" : lines.get(0).text();
    if (first.startsWith("WEBVTT")) {
      return TranscriptFormat.VTT;
    }
    if (ext.equals("vtt")) {
      throw new TranscriptRefused(
          1, "a WebVTT file starts with the line WEBVTT, found \u201c" + shorten(first) + "\u201d");
    }
    if (ext.equals("srt")) {
      return TranscriptFormat.SRT;
    }
    List<String> head = new ArrayList<>();
    for (Line l : lines) {
      if (!l.text().isBlank()) {
        head.add(l.text().strip());
        if (head.size() == 2) {
          break;
        }
      }
    }
    boolean numbered =
        head.size() == 2 && DIGITS.matcher(head.get(0)).matches() && head.get(1).contains("-->");
    boolean timed = !head.isEmpty() && timing(head.get(0), SRT_TIME) != null;
    return numbered || timed ? TranscriptFormat.SRT : TranscriptFormat.TEXT;
  }

  private static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
  }

  // ---- WebVTT -----------------------------------------------------------------------------------

  private static List<Segment> vtt(List<Line> lines) {
    String first = lines.get(0).text();
    if (!(first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t"))) {
      throw new TranscriptRefused(
          1, "a WebVTT file starts with the line WEBVTT, found \u201c" + shorten(first) + "\u201d");
    }
    int i = 1;
    // The header runs to the first blank line, unless a cue starts without one.
    while (i < lines.size() && !lines.get(i).text().isBlank() && !isTiming(lines.get(i))) {
      i++;
    }
    List<Segment> segments = new ArrayList<>();
    for (List<Line> block : blocks(lines, i)) {
      String head = block.get(0).text().strip();
      if (head.equals("NOTE")
          || head.startsWith("NOTE ")
          || head.startsWith("NOTE\t")
          || head.equals("STYLE")
          || head.equals("REGION")) {
        continue;
      }
      cues(block, true, segments);
    }
    return segments;
  }

  private static boolean isTiming(Line line) {
    return line.text().contains("-->");
  }

  /** Blocks of non-blank lines from {@code from}, split at blank lines. */
  private static List<List<Line>> blocks(List<Line> lines, int from) {
    List<List<Line>> blocks = new ArrayList<>();
    List<Line> current = new ArrayList<>();
    for (int i = from; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.text().isBlank()) {
        if (!current.isEmpty()) {
          blocks.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(l);
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }

  /**
   * Reads the cues of one block: usually one, more when a cue follows another without a blank line
   * (its timing line, and the number before it, start the next cue).
   */
  private static void cues(List<Line> block, boolean vtt, List<Segment> out) {
    int i = 0;
    while (i < block.size()) {
      int timingAt;
      if (isTiming(block.get(i))) {
        timingAt = i;
      } else if (i + 1 < block.size() && isTiming(block.get(i + 1))) {
        Line id = block.get(i);
        if (!vtt && !DIGITS.matcher(id.text().strip()).matches()) {
          throw new TranscriptRefused(
              id.number(),
              "expected the number of a subtitle, found \u201c" + shorten(id.text()) + "\u201d");
        }
        timingAt = i + 1;
      } else {
        throw missingTiming(block, i, vtt);
      }
      Line timingLine = block.get(timingAt);
      long[] times = times(timingLine, vtt);
      int end = timingAt + 1;
      while (end < block.size() && !isTiming(block.get(end))) {
        end++;
      }
      List<Line> payload = new ArrayList<>(block.subList(timingAt + 1, end));
      if (end < block.size()
          && !payload.isEmpty()
          && DIGITS.matcher(payload.get(payload.size() - 1).text().strip()).matches()) {
        // The number of the next cue, which came without a blank line before it.
        payload.remove(payload.size() - 1);
        end--;
      }
      addCue(payload, times, vtt, out);
      i = end;
    }
  }

  private static TranscriptRefused missingTiming(List<Line> block, int i, boolean vtt) {
    Line l = block.get(i);
    boolean numbered = DIGITS.matcher(l.text().strip()).matches();
    if (!vtt && !numbered) {
      return new TranscriptRefused(
          l.number(),
          "expected the number of a subtitle, found \u201c" + shorten(l.text()) + "\u201d");
    }
    Line found = i + 1 < block.size() ? block.get(i + 1) : l;
    return new TranscriptRefused(
        found.number(),
        (vtt
                ? "expected a cue timing such as 00:01:02.000 --> 00:01:05.500"
                : "expected a timing such as 00:01:02,000 --> 00:01:05,500 after the subtitle"
                    + " number")
            + ", found \u201c"
            + shorten(found.text())
            + "\u201d");
  }

  private static long[] times(Line line, boolean vtt) {
    long[] t = timing(line.text(), vtt ? VTT_TIME : SRT_TIME);
    if (t == null) {
      Matcher m = TIMING.matcher(line.text());
      String example = vtt ? "hh:mm:ss.ttt or mm:ss.ttt" : "hh:mm:ss,ttt";
      if (m.matches()) {
        String bad = time(m.group(1), vtt ? VTT_TIME : SRT_TIME) < 0 ? m.group(1) : m.group(2);
        throw new TranscriptRefused(
            line.number(), "\u201c" + shorten(bad) + "\u201d is not a time (" + example + ")");
      }
      throw new TranscriptRefused(
          line.number(),
          "expected a timing such as "
              + (vtt ? "00:01:02.000 --> 00:01:05.500" : "00:01:02,000 --> 00:01:05,500")
              + ", found \u201c"
              + shorten(line.text())
              + "\u201d");
    }
    if (t[1] < t[0]) {
      throw new TranscriptRefused(
          line.number(),
          "the cue ends ("
              + Segment.clock(t[1])
              + ") before it starts ("
              + Segment.clock(t[0])
              + ")");
    }
    return t;
  }

  /** Start and end of a timing line, or null when it is not one. */
  private static long[] timing(String text, Pattern timePattern) {
    Matcher m = TIMING.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(3);
    if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
      return null;
    }
    long start = time(m.group(1), timePattern);
    long end = time(m.group(2), timePattern);
    return start < 0 || end < 0 ? null : new long[] {start, end};
  }

  private static long time(String text, Pattern timePattern) {
    Matcher m = timePattern.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = Long.parseLong(m.group(2));
    long seconds = Long.parseLong(m.group(3));
    String fraction = (m.group(4) + "00").substring(0, 3);
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(fraction);
  }

  private static void addCue(List<Line> payload, long[] times, boolean vtt, List<Segment> out) {
    if (payload.isEmpty()) {
      return;
    }
    StringBuilder raw = new StringBuilder();
    for (Line l : payload) {
      if (raw.length() > 0) {
        raw.append('\n');
      }
      raw.append(l.text());
    }
    String text = raw.toString();
    Matcher voice = VOICE.matcher(text);
    List<int[]> spans = new ArrayList<>();
    List<String> speakers = new ArrayList<>();
    while (vtt && voice.find()) {
      spans.add(new int[] {voice.start(), voice.end()});
      speakers.add(voice.group(1) == null ? null : clean(voice.group(1)));
    }
    if (spans.isEmpty()) {
      addText(text, times, null, out);
      return;
    }
    String before = text.substring(0, spans.get(0)[0]);
    if (!clean(before).isEmpty()) {
      addText(before, times, null, out);
    }
    for (int k = 0; k < spans.size(); k++) {
      int from = spans.get(k)[1];
      int to = k + 1 < spans.size() ? spans.get(k + 1)[0] : text.length();
      addText(text.substring(from, to), times, speakers.get(k), out);
    }
  }

  private static void addText(String raw, long[] times, String speaker, List<Segment> out) {
    String text = clean(raw);
    if (text.isEmpty()) {
      return;
    }
    if (speaker == null) {
      Matcher m = SPEAKER.matcher(text);
      if (m.matches()) {
        speaker = m.group(1);
        text = m.group(2);
      }
    }
    Long start = times == null ? null : times[0];
    Long end = times == null || times.length < 2 ? null : times[1];
    out.add(new Segment(0, start, end, speaker, text));
  }

  /** Text without tags or character references, on one line. */
  private static String clean(String raw) {
    String text = TAG.matcher(raw).replaceAll("");
    Matcher m = ENTITY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }
    m.appendTail(sb);
    return sb.toString().replaceAll("[\\s\\u200E\\u200F]+", " ").strip();
  }

  private static String entity(String name, String whole) {
    try {
      if (name.startsWith("#x")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return whole;
    }
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      case "lrm", "rlm" -> "";
      default -> whole;
    };
  }

  // ---- SubRip -----------------------------------------------------------------------------------

  private static List<Segment> srt(List<Line> lines) {
    List<Segment> segments = new ArrayList<>();
    for (List<Line> block : blocks(lines, 0)) {
      if (block.size() == 1 && !isTiming(block.get(0))) {
        Line l = block.get(0);
        throw new TranscriptRefused(
            l.number(),
            DIGITS.matcher(l.text().strip()).matches()
                ? "subtitle " + l.text().strip() + " has no timing line after its number"
                : "expected the number of a subtitle, found \u201c" + shorten(l.text()) + "\u201d");
      }
      cues(block, false, segments);
    }
    return segments;
  }

  // ---- Plain text -------------------------------------------------------------------------------

  private static List<Segment> plain(List<Line> lines) {
    List<Segment> segments = new ArrayList<>();
    for (List<Line> paragraph : blocks(lines, 0)) {
      StringBuilder text = new StringBuilder();
      Long start = null;
      for (Line l : paragraph) {
        String line = l.text().strip();
        Long at = null;
        Matcher timed = TEXT_TIME.matcher(line);
        if (timed.matches()) {
          at = plainTime(timed.group(1));
          if (at != null) {
            line = timed.group(2);
          }
        }
        boolean opens = at != null || SPEAKER.matcher(clean(line)).matches();
        if (opens && text.length() > 0) {
          addText(text.toString(), start == null ? null : new long[] {start}, null, segments);
          text.setLength(0);
        }
        if (text.length() == 0) {
          start = at;
        }
        text.append(text.length() == 0 ? "" : " ").append(line);
      }
      addText(text.toString(), start == null ? null : new long[] {start}, null, segments);
    }
    return segments;
  }

  private static Long plainTime(String clock) {
    String[] parts = clock.split("[:.]");
    boolean fraction = clock.contains(".");
    int fields = parts.length - (fraction ? 1 : 0);
    long h = fields == 3 ? Long.parseLong(parts[0]) : 0;
    long m = Long.parseLong(parts[fields - 2]);
    long s = Long.parseLong(parts[fields - 1]);
    if (m > 59 && fields == 3 || s > 59) {
      return null;
    }
    long ms = fraction ? Long.parseLong((parts[parts.length - 1] + "00").substring(0, 3)) : 0;
    return ((h * 60 + m) * 60 + s) * 1000 + ms;
  }

  private static String shorten(String text) {
    String t = text.strip();
    return t.length() <= 60 ? t : t.substring(0, 57) + "\u2026";
  }
}
